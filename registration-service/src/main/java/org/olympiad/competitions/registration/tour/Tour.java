package org.olympiad.competitions.registration.tour;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.registration.tour.TourStatus.*;

/** One tour (round) of a season ({@code competition_tours}), at a unique position within it. */
@Entity
@Table(name = "competition_tours")
public class Tour extends PanacheEntityBase {

    /**
     * draft → scheduled → open → closed → checking → results_ready → published → archived; cancelled from any
     * state before publication. A closed tour is never reopened: attempts were locked when it closed.
     */
    public static final StateMachine<TourStatus> LIFECYCLE = StateMachine.of(EntityTypes.TOUR, TourStatus.class)
            .path(draft, scheduled, open, closed, checking, results_ready, published, archived)
            .fromAllExcept(cancelled, EnumSet.of(published, archived))
            .build();

    private static final Map<TourStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            scheduled, EventTypes.TOUR_SCHEDULED,
            open, EventTypes.TOUR_OPENED,
            closed, EventTypes.TOUR_CLOSED,
            checking, EventTypes.TOUR_CHECKING_STARTED,
            results_ready, EventTypes.TOUR_RESULTS_READY,
            published, EventTypes.TOUR_PUBLISHED,
            archived, EventTypes.TOUR_ARCHIVED,
            cancelled, EventTypes.TOUR_CANCELLED);

    /** A tour opens to participants only while its season registers or runs. */
    private static final EnumSet<SeasonStatus> SEASON_STATES_FOR_OPENING =
            EnumSet.of(SeasonStatus.registration_open, SeasonStatus.running);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TourFormat format;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_tour_status")
    public TourStatus status;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode settings;

    static Tour draft(Season season, TourRequests.Create request) {
        season.requireChangeable();
        PersonalDataGuard.refuseIn("title", request.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("settings", request.settings(), Strictness.FREE_TEXT_OR_POLICY);
        Tour tour = new Tour();
        tour.seasonId = season.id;
        tour.title = request.title().strip();
        tour.position = request.position();
        tour.format = request.format();
        tour.status = draft;
        tour.startsAt = Timestamps.micros(request.startsAt());
        tour.endsAt = Timestamps.micros(request.endsAt());
        tour.settings = JsonObjects.objectOrEmpty("settings", request.settings());
        tour.requireOrderedDates();
        return tour;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.TOUR_CREATED, EntityTypes.TOUR, id, seasonId, null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(TourRequests.Update patch) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.TOUR, status, "changed");
        }
        PersonalDataGuard.refuseIn("title", patch.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("settings", patch.settings(), Strictness.FREE_TEXT_OR_POLICY);
        TourView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.position() != null) {
            position = patch.position();
        }
        if (patch.format() != null) {
            if (status.compareTo(open) >= 0 && patch.format() != format) {
                throw ProblemException.lockedIn(EntityTypes.TOUR, status, "given another format");
            }
            format = patch.format();
        }
        if (patch.startsAt() != null) {
            startsAt = Timestamps.micros(patch.startsAt());
        }
        if (patch.endsAt() != null) {
            endsAt = Timestamps.micros(patch.endsAt());
        }
        if (patch.settings() != null) {
            settings = JsonObjects.objectOrEmpty("settings", patch.settings());
        }
        requireOrderedDates();
        if (Objects.equals(before, view())) {
            return null;
        }
        return DomainChange.of(EventTypes.TOUR_UPDATED, EntityTypes.TOUR, id, seasonId, before, view(), null);
    }

    DomainChange moveTo(TourStatus target, Season season, String reason) {
        if (target == cancelled && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-cancel", "cancelling a tour needs a reason");
        }
        LIFECYCLE.require(status, target);
        if (target == open && !SEASON_STATES_FOR_OPENING.contains(season.status)) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, season.status, "running an open tour");
        }
        TourView before = view();
        status = target;
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.TOUR, id, seasonId, before, view(), reason);
    }

    private void requireOrderedDates() {
        Timestamps.requireOrdered(startsAt, endsAt, "startsAt", "endsAt");
    }


    public TourView view() {
        return new TourView(id, seasonId, title, position, format, status, startsAt, endsAt, settings);
    }
}
