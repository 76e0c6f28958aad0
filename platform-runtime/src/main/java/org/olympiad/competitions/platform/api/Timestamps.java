package org.olympiad.competitions.platform.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL keeps them (microseconds), so an event's snapshot equals the row read back later. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant as PostgreSQL will store it; null stays null. */
    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** A period whose end is not after its start is a 422 naming the end field. */
    public static void requireOrdered(Instant start, Instant end, String startField, String endField) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw org.olympiad.competitions.platform.problem.ProblemException.invalidField(endField, "after-" + startField,
                    endField + " must be after " + startField);
        }
    }
}
