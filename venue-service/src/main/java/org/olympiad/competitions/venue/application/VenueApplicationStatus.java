package org.olympiad.competitions.venue.application;

/** {@code competition_venue_applications.status}. */
public enum VenueApplicationStatus { draft, submitted, needs_changes, approved, rejected, cancelled }
