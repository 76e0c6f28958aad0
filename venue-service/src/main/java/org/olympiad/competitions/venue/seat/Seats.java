package org.olympiad.competitions.venue.seat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The venue's seat counter, changed only by single conditional statements in the caller's transaction. Taking a
 * seat is one {@code UPDATE ... WHERE current_assignment_count < capacity RETURNING}: PostgreSQL takes the venue
 * row's lock, and a concurrent request waiting on it re-checks the condition against the committed count, so
 * however many requests race, the count never passes the capacity (the table's check constraint says so too).
 */
final class Seats {

    private Seats() {
    }

    /** Takes a seat while the venue is open for selection and has one free; the count after, or empty. */
    static Uni<Optional<Integer>> take(UUID venueId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update competition_venues set current_assignment_count = current_assignment_count + 1
                        where id = ?1 and status = 'registration_open' and capacity is not null
                          and current_assignment_count < capacity
                        returning current_assignment_count""", Integer.class)
                        .setParameter(1, venueId).getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    /** Gives a seat back; the count after. */
    static Uni<Integer> release(UUID venueId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update competition_venues set current_assignment_count = current_assignment_count - 1
                        where id = ?1 and current_assignment_count > 0
                        returning current_assignment_count""", Integer.class)
                        .setParameter(1, venueId).getResultList())
                .map(rows -> rows.isEmpty() ? 0 : rows.get(0));
    }

    /** Locks the venues' rows in id order, so that two transfers between the same venues cannot deadlock. */
    static Uni<Void> lockInOrder(UUID a, UUID b) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "select id from competition_venues where id in (?1, ?2) order by id for update", UUID.class)
                        .setParameter(1, a).setParameter(2, b).getResultList())
                .replaceWithVoid();
    }

    /** The venue's current count, read in this transaction. */
    static Uni<Integer> count(UUID venueId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select current_assignment_count from competition_venues where id = ?1", Integer.class)
                        .setParameter(1, venueId).getResultList())
                .map(rows -> rows.isEmpty() ? 0 : rows.get(0));
    }

    static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

}
