package org.olympiad.competitions.venue.seat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.venue.application.VenueFields;
import org.olympiad.competitions.venue.venue.VenueStatus;

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

    /** What a seat request reads of a venue: no more than it decides with, and no managed entity to flush. */
    record SeatVenue(UUID id, UUID seasonId, VenueStatus status, Integer capacity, List<UUID> acceptedGradeCategories) {
    }

    /**
     * The venue with the grade categories its application accepts (empty: every category), in one indexed read; the
     * seat path does not load the {@code Venue} entity, whose seven jsonb columns would be parsed and copied for
     * dirty checking on every request.
     */
    static Uni<java.util.Optional<SeatVenue>> venue(UUID venueId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        select v.id, v.season_id, v.status, v.capacity, cast(a.accepted_grade_categories as text)
                        from competition_venues v
                        left join competition_venue_applications a on a.id = v.venue_application_id
                        where v.id = ?1""", Object[].class), venueId).getResultList())
                .map(rows -> rows.stream().findFirst().map(c -> new SeatVenue((UUID) c[0], (UUID) c[1],
                        VenueStatus.valueOf((String) c[2]), (Integer) c[3], uuids((String) c[4]))));
    }

    private static List<UUID> uuids(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return VenueFields.ids(EventJson.mapper().readTree(jsonArray));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("competition_venue_applications.accepted_grade_categories is not JSON", e);
        }
    }

    /**
     * Takes a seat and records it in one statement: the conditional UPDATE of the count, the assignment row and its
     * outbox event (the event's {@code after} is the assignment's snapshot plus the count the UPDATE returned). The
     * venue row's lock is taken by the UPDATE and held until commit, so the fewer round trips between the two, the
     * more seats per second a contended venue gives: this way it is this statement and the COMMIT. A full venue
     * (or one that left registration_open) returns nothing, and then nothing was written.
     */
    static Uni<java.util.Optional<Integer>> takeRecorded(VenueAssignment assignment, DomainChange assigned, Caller.Snapshot actor) {
        String sql = """
                with seat as (
                  update competition_venues set current_assignment_count = current_assignment_count + 1
                  where id = cast(?1 as uuid) and status = 'registration_open' and capacity is not null
                    and current_assignment_count < capacity
                  returning current_assignment_count
                ), assignment as (
                  insert into competition_venue_assignments
                    (id, venue_id, tour_participation_id, participant_id, assigned_by_user_id, status, created_at)
                  select cast(?2 as uuid), cast(?1 as uuid), cast(?3 as uuid), cast(nullif(cast(?4 as text), '') as uuid),
                         cast(?5 as uuid), 'assigned', cast(cast(?6 as text) as timestamptz) from seat
                  returning id
                ), event as (
                """ + SetBasedOutbox.insertFrom("""
                  select cast(?7 as text) as type, cast(?8 as text) as entity_type, a.id as entity_id,
                         cast(?9 as uuid) as season_id, cast(null as jsonb) as before,
                         cast(cast(?10 as text) as jsonb)
                           || jsonb_build_object('venue_current_assignment_count', s.current_assignment_count) as after,
                         cast(null as text) as reason, cast(?11 as uuid) as actor_user_id, nullif(cast(?12 as text), '') as request_id
                  from assignment a cross join seat s""") + """
                  returning 1
                )
                select current_assignment_count from seat""";
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(sql, Integer.class),
                        assignment.venueId, assignment.id, assignment.tourParticipationId,
                        // null is bound as '' and turned back by nullif: a typeless null parameter cannot be bound
                        NativeSql.text(assignment.participantId), assignment.assignedByUserId, assignment.createdAt.toString(),
                        assigned.type(), assigned.entityType(), assigned.seasonId(), assigned.after().toString(),
                        actor.userId(), NativeSql.text(actor.requestId()))
                        .getResultList())
                .map(rows -> rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0)));
    }

    /**
     * The statuses that hold a seat, as SQL literals: in the statement's text rather than bound, so that the query
     * has a plan of its own in PostgreSQL (which can use the partial one-seat index) and in Hibernate, where a
     * bound list made Panache's {@code count("... status in ?2")} translate its HQL again on every seat request.
     */
    private static final String HOLDING = AssignmentStatus.HOLDING.stream().map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /** Whether the tour participation holds a seat (at any venue). */
    static Uni<Boolean> holdsSeat(UUID tourParticipationId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select exists (select 1 from "
                        + "competition_venue_assignments where tour_participation_id = ?1 and status in (" + HOLDING + "))",
                        Boolean.class), tourParticipationId).getSingleResult());
    }

    /** Takes a seat while the venue is open for selection and has one free; the count after, or empty. */
    static Uni<Optional<Integer>> take(UUID venueId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        update competition_venues set current_assignment_count = current_assignment_count + 1
                        where id = ?1 and status = 'registration_open' and capacity is not null
                          and current_assignment_count < capacity
                        returning current_assignment_count""", Integer.class), venueId).getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    /** Gives a seat back; the count after. */
    static Uni<Integer> release(UUID venueId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        update competition_venues set current_assignment_count = current_assignment_count - 1
                        where id = ?1 and current_assignment_count > 0
                        returning current_assignment_count""", Integer.class), venueId).getResultList())
                .map(rows -> rows.isEmpty() ? 0 : rows.get(0));
    }

    /** Locks the venues' rows in id order, so that two transfers between the same venues cannot deadlock. */
    static Uni<Void> lockInOrder(UUID a, UUID b) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                                "select id from competition_venues where id in (?1, ?2) order by id for update", UUID.class), a, b)
                        .getResultList())
                .replaceWithVoid();
    }

    /** The venue's current count, read in this transaction. */
    static Uni<Integer> count(UUID venueId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                        "select current_assignment_count from competition_venues where id = ?1", Integer.class), venueId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? 0 : rows.get(0));
    }

    static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

}
