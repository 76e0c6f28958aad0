package org.olympiad.competitions.venue.venue;

/** {@code competition_venue_capacity_changes.status}. */
public enum CapacityChangeStatus { applied, requires_admin_process, rejected }
