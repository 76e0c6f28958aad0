package org.olympiad.competitions.attempt.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.UUID;

/** A participant's admission to a tour as registration-service last told; read-only here. */
@Entity
@Table(name = "attempt_projection_tour_participations")
public class ProjectedTourParticipation extends PanacheEntityBase {

    /** Admitted (or already active) participations may sit the tour. */
    public static final Set<String> MAY_SIT = Set.of("admitted", "active");

    @Id
    @Column(name = "tour_participation_id")
    public UUID tourParticipationId;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "season_participation_id")
    public UUID seasonParticipationId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "delivery_mode")
    public String deliveryMode;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(nullable = false)
    public String status;

    public boolean maySit() {
        return MAY_SIT.contains(status);
    }
}
