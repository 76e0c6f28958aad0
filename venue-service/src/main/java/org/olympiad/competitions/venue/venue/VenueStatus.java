package org.olympiad.competitions.venue.venue;

/** {@code competition_venues.status}. */
public enum VenueStatus {
    draft, approved, rejected, active, registration_open, closed_for_selection, running, suspended, cancelled, archived
}
