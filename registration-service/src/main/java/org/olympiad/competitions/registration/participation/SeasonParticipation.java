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

import java.time.Instant;
import java.util.UUID;

/** A participant's place in a season ({@code competition_season_participations}), one per participant and season. */
@Entity
@Table(name = "competition_season_participations")
public class SeasonParticipation extends PanacheEntityBase {

    /** Assigned when the row is made (not by Hibernate at persist): its events name it before it is stored. */
    @Id
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "registration_id")
    public UUID registrationId;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_season_participation_status")
    public SeasonParticipationStatus status;

    /** not_required, or required until the storefront reports the payment. */
    @Column(name = "payment_status", nullable = false)
    public String paymentStatus;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static SeasonParticipation active(UUID seasonId, UUID participantId, UUID registrationId, boolean feePayable) {
        SeasonParticipation p = new SeasonParticipation();
        p.id = UUID.randomUUID();
        p.seasonId = seasonId;
        p.participantId = participantId;
        p.registrationId = registrationId;
        p.status = SeasonParticipationStatus.active;
        p.paymentStatus = feePayable ? "required" : "not_required";
        p.createdAt = Timestamps.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.SEASON_PARTICIPATION_CREATED, EntityTypes.SEASON_PARTICIPATION, id, seasonId,
                null, view(), null);
    }

    public SeasonParticipationView view() {
        return new SeasonParticipationView(id, seasonId, participantId, registrationId, status, paymentStatus, createdAt, updatedAt);
    }

    public record SeasonParticipationView(UUID id, UUID seasonId, UUID participantId, UUID registrationId,
                                          SeasonParticipationStatus status, String paymentStatus,
                                          Instant createdAt, Instant updatedAt) {
    }
}
