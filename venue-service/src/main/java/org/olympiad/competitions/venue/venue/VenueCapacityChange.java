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

import java.time.Instant;
import java.util.UUID;

/** One requested capacity change of a venue and what became of it ({@code competition_venue_capacity_changes}). */
@Entity
@Table(name = "competition_venue_capacity_changes")
public class VenueCapacityChange extends PanacheEntityBase {

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
        return DomainChange.of(status == CapacityChangeStatus.applied ? EventTypes.VENUE_CAPACITY_CHANGE_APPLIED
                        : EventTypes.VENUE_CAPACITY_CHANGE_REQUIRES_ADMIN_PROCESS,
                EntityTypes.VENUE_CAPACITY_CHANGE, id, seasonId, null, view(), reason);
    }

    public CapacityChangeView view() {
        return new CapacityChangeView(id, venueId, oldCapacity, newCapacity, currentAssignmentCount, status, reason,
                actorUserId, createdAt);
    }
}
