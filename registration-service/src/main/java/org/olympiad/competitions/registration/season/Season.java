package org.olympiad.competitions.registration.season;

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
import org.olympiad.competitions.registration.policy.FeePolicy;
import org.olympiad.competitions.registration.policy.RegistrationPolicy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.registration.season.SeasonStatus.*;

/** One season of an event ({@code competition_seasons}): its catalogue, policies and lifecycle. */
@Entity
@Table(name = "competition_seasons")
public class Season extends PanacheEntityBase {

    /**
     * draft → registration_open → running → checking → results_review → published → archived.
     * Cancelled from any state before publication: published results stay published (they are archived, not
     * cancelled), and archived or cancelled seasons are final.
     */
    public static final StateMachine<SeasonStatus> LIFECYCLE = StateMachine.of(EntityTypes.SEASON, SeasonStatus.class)
            .path(draft, registration_open, running, checking, results_review, published, archived)
            .fromAllExcept(cancelled, EnumSet.of(published, archived))
            .build();

    private static final Map<SeasonStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            registration_open, EventTypes.SEASON_REGISTRATION_OPENED,
            running, EventTypes.SEASON_STARTED,
            checking, EventTypes.SEASON_CHECKING_STARTED,
            results_review, EventTypes.SEASON_RESULTS_REVIEW_STARTED,
            published, EventTypes.SEASON_PUBLISHED,
            archived, EventTypes.SEASON_ARCHIVED,
            cancelled, EventTypes.SEASON_CANCELLED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_season_status")
    public SeasonStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "registration_policy", nullable = false, columnDefinition = "jsonb")
    public JsonNode registrationPolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "fee_policy", nullable = false, columnDefinition = "jsonb")
    public JsonNode feePolicy;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Season draft(SeasonRequests.Create request) {
        PersonalDataGuard.refuseIn("title", request.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("registrationPolicy", request.registrationPolicy(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("feePolicy", request.feePolicy(), Strictness.FREE_TEXT_OR_POLICY);
        Season season = new Season();
        season.eventId = request.eventId();
        season.title = request.title().strip();
        season.status = draft;
        season.registrationPolicy = registrationPolicyOf(request.registrationPolicy());
        season.feePolicy = feePolicyOf(request.feePolicy());
        season.startsAt = Timestamps.micros(request.startsAt());
        season.endsAt = Timestamps.micros(request.endsAt());
        season.requireOrderedDates();
        season.createdAt = Timestamps.now();
        season.updatedAt = season.createdAt;
        return season;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.SEASON_CREATED, EntityTypes.SEASON, id, id, null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(SeasonRequests.Update patch) {
        requireChangeable();
        PersonalDataGuard.refuseIn("title", patch.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("registrationPolicy", patch.registrationPolicy(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("feePolicy", patch.feePolicy(), Strictness.FREE_TEXT_OR_POLICY);
        SeasonView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.startsAt() != null) {
            startsAt = Timestamps.micros(patch.startsAt());
        }
        if (patch.endsAt() != null) {
            endsAt = Timestamps.micros(patch.endsAt());
        }
        if (patch.registrationPolicy() != null) {
            registrationPolicy = registrationPolicyOf(patch.registrationPolicy());
        }
        if (patch.feePolicy() != null) {
            feePolicy = feePolicyOf(patch.feePolicy());
        }
        requireOrderedDates();
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.SEASON_UPDATED, EntityTypes.SEASON, id, id, before, view(), null);
    }

    DomainChange moveTo(SeasonStatus target, String reason) {
        if (target == cancelled && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-cancel", "cancelling a season needs a reason");
        }
        SeasonView before = view();
        status = LIFECYCLE.require(status, target);
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.SEASON, id, id, before, view(), reason);
    }

    /** The policy as given, once it parses: a policy that would not parse is refused before it is stored. */
    private static JsonNode registrationPolicyOf(JsonNode given) {
        JsonNode json = JsonObjects.objectOrEmpty("registrationPolicy", given);
        RegistrationPolicy.parse(json);
        return json;
    }

    private static JsonNode feePolicyOf(JsonNode given) {
        JsonNode json = JsonObjects.objectOrEmpty("feePolicy", given);
        FeePolicy.parse(json);
        return json;
    }

    /** The season's registration policy, typed. */
    public RegistrationPolicy registrationPolicy() {
        // parsed once per loaded row: a registration asks for it several times, a group registration per member
        JsonNode json = registrationPolicy;
        if (parsedRegistrationPolicy == null || parsedRegistrationPolicyFrom != json) {
            parsedRegistrationPolicy = RegistrationPolicy.parse(json);
            parsedRegistrationPolicyFrom = json;
        }
        return parsedRegistrationPolicy;
    }

    @jakarta.persistence.Transient
    private JsonNode parsedRegistrationPolicyFrom;
    @jakarta.persistence.Transient
    private RegistrationPolicy parsedRegistrationPolicy;
    @jakarta.persistence.Transient
    private JsonNode parsedFeePolicyFrom;
    @jakarta.persistence.Transient
    private FeePolicy parsedFeePolicy;

    /** The season's fee policy, typed. */
    public FeePolicy feePolicy() {
        JsonNode json = feePolicy;
        if (parsedFeePolicy == null || parsedFeePolicyFrom != json) {
            parsedFeePolicy = FeePolicy.parse(json);
            parsedFeePolicyFrom = json;
        }
        return parsedFeePolicy;
    }

    /** Archived and cancelled seasons are history: nothing in them changes any more. */
    public void requireChangeable() {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, status, "changed");
        }
    }

    private void requireOrderedDates() {
        Timestamps.requireOrdered(startsAt, endsAt, "startsAt", "endsAt");
    }


    public SeasonView view() {
        return new SeasonView(id, eventId, title, status, registrationPolicy, feePolicy, startsAt, endsAt, createdAt, updatedAt);
    }
}
