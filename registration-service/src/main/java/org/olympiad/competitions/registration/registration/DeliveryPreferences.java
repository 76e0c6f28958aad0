package org.olympiad.competitions.registration.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.olympiad.competitions.registration.participation.DeliveryMode;

import java.util.UUID;

/**
 * {@code competition_registrations.delivery_preferences}, typed: how the participant wants to sit the tours
 * (online, at a venue, teacher-led), on which track, at which venue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryPreferences(DeliveryMode mode, String trackKey, UUID venueId) {

    public static final DeliveryPreferences NONE = new DeliveryPreferences(null, null, null);
}
