package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A group as its roster readers see it: the row, with the member snapshot (the learning group's members when the
 * snapshot was taken) and how many members it holds.
 */
public record GroupView(UUID id, UUID seasonId, UUID competitionOrganizationId, UUID learningWorkspaceId,
                        UUID learningGroupId, UUID primaryTeacherUserId, String titleSnapshot, JsonNode memberSnapshot,
                        int memberCount, Instant snapshotTakenAt, GroupStatus status, Instant createdAt) {
}
