package org.olympiad.competitions.registration.group;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * What registering a whole group did: how many members it registered now ({@code registered}, approved or waiting
 * as the season's policy says), how many had a registration from this group already ({@code alreadyRegistered}),
 * how many it registered on hold because the season already has a participant with the same identity refs
 * ({@code held}, {@code duplicate_hold}), and which members the season's policy refused, each with the field and
 * rule at fault ({@code refused}; they are not registered, and the others are).
 */
@Schema(name = "GroupRegistrationResult")
public record GroupRegistrationResult(int registered, int alreadyRegistered, int held, List<Refusal> refused) {

    /** A member the policy refused: the field of the member at fault ({@code grade}), the rule, and why. */
    @Schema(name = "GroupRegistrationRefusal")
    public record Refusal(UUID learningGroupMemberId, String field, String rule, String detail) {
    }
}
