package org.olympiad.competitions.venue.seat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.venue.seat.AssignmentStatus.*;

/** A participant's seat at a venue for one tour ({@code competition_venue_assignments}). */
@Entity
@Table(name = "competition_venue_assignments")
public class VenueAssignment extends PanacheEntityBase {

    /**
     * assigned → confirmed; assigned or confirmed → transferred (the seat moved to another venue), cancelled (the
     * seat is freed), attended or no_show (marked at the venue). Attendance can be corrected either way; transferred
     * and cancelled are final.
     */
    public static final StateMachine<AssignmentStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.VENUE_ASSIGNMENT, AssignmentStatus.class)
                    .path(selected, assigned, confirmed)
                    .allow(assigned, transferred).allow(confirmed, transferred)
                    .allow(selected, cancelled).allow(assigned, cancelled).allow(confirmed, cancelled)
                    .allow(assigned, attended).allow(confirmed, attended)
                    .allow(assigned, no_show).allow(confirmed, no_show)
                    .allow(attended, no_show).allow(no_show, attended)
                    .build();

    private static final Map<AssignmentStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            assigned, EventTypes.VENUE_ASSIGNMENT_ASSIGNED,
            confirmed, EventTypes.VENUE_ASSIGNMENT_CONFIRMED,
            transferred, EventTypes.VENUE_ASSIGNMENT_TRANSFERRED,
            cancelled, EventTypes.VENUE_ASSIGNMENT_CANCELLED,
            attended, EventTypes.VENUE_ASSIGNMENT_ATTENDED,
            no_show, EventTypes.VENUE_ASSIGNMENT_NO_SHOW);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(name = "tour_participation_id")
    public UUID tourParticipationId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "assigned_by_user_id")
    public UUID assignedByUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A seat just taken: call only after the venue's count was raised for it. */
    static VenueAssignment assigned(UUID venueId, UUID tourParticipationId, UUID participantId, UUID by) {
        VenueAssignment a = new VenueAssignment();
        a.venueId = venueId;
        a.tourParticipationId = tourParticipationId;
        a.participantId = participantId;
        a.assignedByUserId = by;
        a.status = assigned;
        a.createdAt = Timestamps.now();
        return a;
    }

    /**
     * A seat about to be taken by {@code Seats.takeRecorded}, which writes the row itself in the statement that
     * raises the venue's count (so the id is given here, not by Hibernate).
     */
    static VenueAssignment toTake(UUID venueId, UUID tourParticipationId, UUID participantId, UUID by) {
        VenueAssignment a = assigned(venueId, tourParticipationId, participantId, by);
        a.id = UUID.randomUUID();
        return a;
    }

    /** The event of a seat taken, without the venue's count: {@code Seats.takeRecorded} adds the count it reads. */
    DomainChange assignedEvent(UUID seasonId) {
        return change(EventTypes.VENUE_ASSIGNMENT_ASSIGNED, seasonId, null, null, null);
    }

    /** The event of the seat taken, with the venue's count after it. */
    DomainChange assignedEvent(UUID seasonId, int venueCount) {
        return change(EventTypes.VENUE_ASSIGNMENT_ASSIGNED, seasonId, null, venueCount, null);
    }

    /**
     * Moves along {@link #LIFECYCLE}. Whether the move frees the seat is {@link #releasesSeat}; the caller gives
     * the seat back in the same transaction. Cancelling and marking a no-show after attendance need no reason;
     * a transfer is done by {@code SeatService.transfer}, not by a plain move.
     */
    DomainChange moveTo(AssignmentStatus target, UUID seasonId, String reason, Integer venueCount) {
        AssignmentView before = view();
        status = LIFECYCLE.require(status, target);
        return change(EVENT_TYPE_ON_ENTERING.get(target), seasonId, before, venueCount, reason);
    }

    static boolean releasesSeat(AssignmentStatus from, AssignmentStatus to) {
        return HOLDING.contains(from) && !HOLDING.contains(to);
    }

    private DomainChange change(String type, UUID seasonId, AssignmentView before, Integer venueCount, String reason) {
        JsonNode after = EventJson.snapshot(view());
        if (venueCount != null) {
            ((ObjectNode) after).put("venue_current_assignment_count", venueCount);
        }
        return new DomainChange(type, EntityTypes.VENUE_ASSIGNMENT, id, seasonId, EventJson.snapshot(before), after, reason);
    }

    public AssignmentView view() {
        return new AssignmentView(id, venueId, tourParticipationId, participantId, assignedByUserId, status, createdAt);
    }
}
