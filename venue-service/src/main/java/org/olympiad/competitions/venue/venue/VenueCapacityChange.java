package org.olympiad.competitions.venue.venue;

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
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.venue.application.VenueFields;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.venue.venue.CapacityChangeStatus.applied;
import static org.olympiad.competitions.venue.venue.CapacityChangeStatus.rejected;
import static org.olympiad.competitions.venue.venue.CapacityChangeStatus.requires_admin_process;

/**
 * One requested capacity change of a venue and what became of it ({@code competition_venue_capacity_changes}). The
 * row holds the latest decision: its status, the reason and actor of that decision, and the venue's count when it
 * was taken; earlier decisions are in the change's events ({@code before}).
 */
@Entity
@Table(name = "competition_venue_capacity_changes")
public class VenueCapacityChange extends PanacheEntityBase {

    /**
     * A change that holds the current assignments is applied at once. One that does not waits as
     * requires_admin_process until the organiser either applies it (once participants are moved and the new
     * capacity holds those who remain) or rejects it; applied and rejected are final.
     */
    public static final StateMachine<CapacityChangeStatus> LIFECYCLE = StateMachine
            .of(EntityTypes.VENUE_CAPACITY_CHANGE, CapacityChangeStatus.class)
            .allow(requires_admin_process, applied)
            .allow(requires_admin_process, rejected)
            .build();

    private static final Map<CapacityChangeStatus, String> EVENT_TYPE = Map.of(
            applied, EventTypes.VENUE_CAPACITY_CHANGE_APPLIED,
            requires_admin_process, EventTypes.VENUE_CAPACITY_CHANGE_REQUIRES_ADMIN_PROCESS,
            rejected, EventTypes.VENUE_CAPACITY_CHANGE_REJECTED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(name = "old_capacity")
    public Integer oldCapacity;

    @Column(name = "new_capacity", nullable = false)
    public int newCapacity;

    @Column(name = "current_assignment_count", nullable = false)
    public int currentAssignmentCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CapacityChangeStatus status;

    public String reason;

    @Column(name = "actor_user_id")
    public UUID actorUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    DomainChange recorded(UUID seasonId) {
        return DomainChange.of(EVENT_TYPE.get(status), EntityTypes.VENUE_CAPACITY_CHANGE, id, seasonId, null, view(), reason);
    }

    /**
     * The organiser's decision on a change that waits for the admin process, taken under the venue's row lock:
     * {@code applied} once the new capacity holds the venue's current assignments (the venue takes the new
     * capacity), {@code rejected} with a reason (the capacity stays). Anything else is a 409 naming both states;
     * a refusal changes nothing.
     */
    DomainChange decide(Venue venue, CapacityChangeStatus target, String decisionReason, UUID actor) {
        CapacityChangeView before = view();
        LIFECYCLE.require(status, target);
        String why = decisionReason == null || decisionReason.isBlank() ? null : VenueFields.text("reason", decisionReason);
        if (target == rejected && why == null) {
            throw ProblemException.invalidField("reason", "required-to-reject", "a capacity change is rejected only with a reason");
        }
        if (target == applied) {
            // what the venue held when the change took effect: other changes may have been applied meanwhile
            oldCapacity = venue.applyCapacity(newCapacity);
        }
        status = target;
        currentAssignmentCount = venue.currentAssignmentCount;
        if (why != null) {
            reason = why;
        }
        actorUserId = actor;
        return DomainChange.of(EVENT_TYPE.get(target), EntityTypes.VENUE_CAPACITY_CHANGE, id, venue.seasonId, before, view(),
                why);
    }

    public CapacityChangeView view() {
        return new CapacityChangeView(id, venueId, oldCapacity, newCapacity, currentAssignmentCount, status, reason,
                actorUserId, createdAt);
    }
}
