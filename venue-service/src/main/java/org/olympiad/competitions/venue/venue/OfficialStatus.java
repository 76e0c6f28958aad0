package org.olympiad.competitions.venue.venue;

/** {@code competition_venues.official_status}. */
public enum OfficialStatus { official, not_official, mixed }
