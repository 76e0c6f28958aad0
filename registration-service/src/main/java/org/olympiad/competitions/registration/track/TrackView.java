package org.olympiad.competitions.registration.track;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** A track as the API shows it ({@code tourId} null for a season-wide track); its snake_case form is the row snapshot in events. */
public record TrackView(UUID id, UUID seasonId, UUID tourId, String key, String title, JsonNode settings) {
}
