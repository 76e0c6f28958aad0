package org.olympiad.competitions.venue.seat;

import java.util.EnumSet;

/** {@code competition_venue_assignments.status}. */
public enum AssignmentStatus {
    selected, assigned, confirmed, transferred, cancelled, attended, no_show;

    /** The statuses that hold a seat (counted in {@code current_assignment_count}); transferred and cancelled do not. */
    public static final EnumSet<AssignmentStatus> HOLDING = EnumSet.of(selected, assigned, confirmed, attended, no_show);
}
