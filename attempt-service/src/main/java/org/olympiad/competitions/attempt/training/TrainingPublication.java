package org.olympiad.competitions.attempt.training;

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
import org.hibernate.annotations.JdbcTypeCode;
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

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.attempt.training.TrainingStatus.*;

/**
 * A tour's activity published for practice after the tour ({@code competition_training_publications}): its mode,
 * who may see it and when it goes out. The LMS keeps the practice activity ({@code lms_ref}); the storefront ref is
 * only a public projection.
 */
@Entity
@Table(name = "competition_training_publications")
public class TrainingPublication extends PanacheEntityBase {

    /** draft → scheduled → published ⇄ paused; draft → published; archived from any state but itself. */
    public static final StateMachine<TrainingStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.TRAINING_PUBLICATION, TrainingStatus.class)
                    .path(draft, scheduled, published, paused)
                    .allow(draft, published)
                    .allow(paused, published)
                    .allow(scheduled, draft)
                    .fromAllExcept(archived, EnumSet.noneOf(TrainingStatus.class))
                    .build();

    private static final Map<TrainingStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            scheduled, EventTypes.TRAINING_PUBLICATION_SCHEDULED,
            published, EventTypes.TRAINING_PUBLICATION_PUBLISHED,
            paused, EventTypes.TRAINING_PUBLICATION_PAUSED,
            archived, EventTypes.TRAINING_PUBLICATION_ARCHIVED,
            draft, EventTypes.TRAINING_PUBLICATION_CREATED);

    public enum TrainingMode { practice, timed_practice, review_mode, mock_contest }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "source_activity_binding_id", nullable = false)
    public UUID sourceActivityBindingId;

    @Column(name = "source_tour_task_structure_id")
    public UUID sourceTourTaskStructureId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lms_ref", nullable = false, columnDefinition = "jsonb")
    public JsonNode lmsRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "storefront_ref", columnDefinition = "jsonb")
    public JsonNode storefrontRef;

    @Column(name = "training_mode", nullable = false)
    public String trainingMode;

    @Column(nullable = false)
    public String visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrainingStatus status;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static TrainingPublication draft(UUID bindingId, UUID structureId, TrainingRequests.Create request) {
        JsonNode lmsRef = JsonObjects.objectOrEmpty("lmsRef", request.lmsRef());
        if (lmsRef.isEmpty()) {
            throw ProblemException.invalidField("lmsRef", "required", "a training publication names its LMS activity");
        }
        PersonalDataGuard.refuseIn("lmsRef", lmsRef, Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("storefrontRef", request.storefrontRef(), Strictness.REF_OR_SNAPSHOT);
        TrainingPublication t = new TrainingPublication();
        t.sourceActivityBindingId = bindingId;
        t.sourceTourTaskStructureId = structureId;
        t.lmsRef = lmsRef;
        t.storefrontRef = request.storefrontRef() == null || request.storefrontRef().isNull() ? null : request.storefrontRef();
        t.trainingMode = request.trainingMode().name();
        t.visibility = request.visibility();
        t.status = draft;
        t.scheduledAt = Timestamps.micros(request.scheduledAt());
        t.createdAt = Timestamps.now();
        return t;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.TRAINING_PUBLICATION_CREATED, EntityTypes.TRAINING_PUBLICATION, id, seasonId,
                null, view(), null);
    }

    DomainChange moveTo(TrainingStatus target, java.time.Instant scheduleAt, String reason, UUID seasonId) {
        TrainingView before = view();
        TrainingStatus next = LIFECYCLE.require(status, target);
        if (next == scheduled) {
            Instant at = scheduleAt != null ? Timestamps.micros(scheduleAt) : scheduledAt;
            if (at == null || !at.isAfter(Instant.now())) {
                throw ProblemException.invalidField("scheduledAt", "future-to-schedule",
                        "scheduling needs a scheduledAt in the future");
            }
            scheduledAt = at;
        }
        if (next == published && publishedAt == null) {
            publishedAt = Timestamps.now();
        }
        status = next;
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(next), EntityTypes.TRAINING_PUBLICATION, id, seasonId, before,
                view(), reason);
    }

    public TrainingView view() {
        return new TrainingView(id, sourceActivityBindingId, sourceTourTaskStructureId, lmsRef, storefrontRef, trainingMode,
                visibility, status, scheduledAt, publishedAt, createdAt);
    }

    public record TrainingView(UUID id, UUID sourceActivityBindingId, UUID sourceTourTaskStructureId, JsonNode lmsRef,
                               JsonNode storefrontRef, String trainingMode, String visibility, TrainingStatus status,
                               Instant scheduledAt, Instant publishedAt, Instant createdAt) {
    }
}
