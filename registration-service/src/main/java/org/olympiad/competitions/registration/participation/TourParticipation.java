package org.olympiad.competitions.registration.participation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant's admission to one tour ({@code competition_tour_participations}). venue-service and
 * attempt-service keep projections of it from {@code tour_participation.admitted}: who may choose a seat, who may
 * start an attempt.
 */
@Entity
@Table(name = "competition_tour_participations")
public class TourParticipation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
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

    /** Transient: the season, for the event; tour participations carry it only through their season participation. */
    static TourParticipation admitted(UUID tourId, SeasonParticipation season, DeliveryMode mode, UUID trackId, UUID venueId) {
        TourParticipation p = new TourParticipation();
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
