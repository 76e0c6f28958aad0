package org.olympiad.competitions.registration.participation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;

import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A participant's admission to one tour ({@code competition_tour_participations}). venue-service and
 * attempt-service keep projections of it from {@code tour_participation.admitted}: who may choose a seat, who may
 * start an attempt.
 */
@Entity
@Table(name = "competition_tour_participations")
public class TourParticipation extends PanacheEntityBase {

    /** Assigned when the row is made (not by Hibernate at persist): its events name it before it is stored. */
    @Id
    public UUID id;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "season_participation_id", nullable = false)
    public UUID seasonParticipationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "venue_id")
    public UUID venueId;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_tour_participation_status")
    public TourParticipationStatus status;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    /**
     * pending → admitted → active → completed; withdrawn or disqualified on the way; a completed tour can still be
     * disqualified after the fact (an arbitration sanction). Withdrawn and disqualified are final.
     */
    public static final StateMachine<TourParticipationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.TOUR_PARTICIPATION, TourParticipationStatus.class)
                    .path(TourParticipationStatus.pending, TourParticipationStatus.admitted, TourParticipationStatus.active,
                            TourParticipationStatus.completed)
                    .allow(TourParticipationStatus.pending, TourParticipationStatus.withdrawn)
                    .allow(TourParticipationStatus.admitted, TourParticipationStatus.withdrawn)
                    .allow(TourParticipationStatus.active, TourParticipationStatus.withdrawn)
                    .allow(TourParticipationStatus.admitted, TourParticipationStatus.disqualified)
                    .allow(TourParticipationStatus.active, TourParticipationStatus.disqualified)
                    .allow(TourParticipationStatus.completed, TourParticipationStatus.disqualified)
                    .build();

    private static final Map<TourParticipationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            TourParticipationStatus.admitted, EventTypes.TOUR_PARTICIPATION_ADMITTED,
            TourParticipationStatus.active, EventTypes.TOUR_PARTICIPATION_ACTIVATED,
            TourParticipationStatus.completed, EventTypes.TOUR_PARTICIPATION_COMPLETED,
            TourParticipationStatus.withdrawn, EventTypes.TOUR_PARTICIPATION_WITHDRAWN,
            TourParticipationStatus.disqualified, EventTypes.TOUR_PARTICIPATION_DISQUALIFIED);

    /** Moves along {@link #LIFECYCLE}; withdrawing and disqualifying need a reason. */
    DomainChange moveTo(TourParticipationStatus target, SeasonParticipation season, String reason) {
        if ((target == TourParticipationStatus.withdrawn || target == TourParticipationStatus.disqualified)
                && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-" + (target == TourParticipationStatus.withdrawn
                    ? "withdraw" : "disqualify"), "a " + target + " tour participation needs a reason");
        }
        TourParticipationView before = view(season.participantId);
        status = LIFECYCLE.require(status, target);
        if (target == TourParticipationStatus.admitted) {
            admittedAt = Timestamps.now();
        }
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.TOUR_PARTICIPATION, id, season.seasonId,
                before, view(season.participantId), reason);
    }

    static TourParticipation admitted(UUID tourId, SeasonParticipation season, DeliveryMode mode, UUID trackId, UUID venueId) {
        TourParticipation p = new TourParticipation();
        p.id = UUID.randomUUID();
        p.tourId = tourId;
        p.seasonParticipationId = season.id;
        p.deliveryMode = mode;
        p.trackId = trackId;
        p.venueId = venueId;
        p.status = TourParticipationStatus.admitted;
        p.admittedAt = Timestamps.now();
        return p;
    }

    DomainChange admittedEvent(SeasonParticipation season) {
        return DomainChange.of(EventTypes.TOUR_PARTICIPATION_ADMITTED, EntityTypes.TOUR_PARTICIPATION, id,
                season.seasonId, null, view(season.participantId), null);
    }

    /** The row, plus the participant it belongs to: consumers need both and should not have to join. */
    public TourParticipationView view(UUID participantId) {
        return new TourParticipationView(id, tourId, seasonParticipationId, participantId, deliveryMode, trackId, venueId,
                status, admittedAt);
    }

    public record TourParticipationView(UUID id, UUID tourId, UUID seasonParticipationId, UUID participantId,
                                        DeliveryMode deliveryMode, UUID trackId, UUID venueId,
                                        TourParticipationStatus status, Instant admittedAt) {
    }
}
