package org.olympiad.competitions.documents.job;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.state.IllegalTransitionException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.documents.job.JobStatus.*;

/**
 * A document generation job ({@code competition_document_generation_jobs}): the documents of one publication (or
 * one request for gratitude letters) to be made. Its documents name it in {@code recipient_snapshot.job_id}.
 * <p>
 * {@code payload} keeps the job's progress and bookkeeping: {@code kind} (publication | letters), {@code total},
 * {@code done} and {@code failed} documents, {@code attempt} and {@code next_attempt_at} of the back-off after a
 * transient failure, {@code expected_results} (from publication.published) and {@code received_results}, and
 * {@code waiting} while it has nothing to do until more results arrive.
 */
@Entity
@Table(name = "competition_document_generation_jobs")
public class DocumentGenerationJob extends PanacheEntityBase {

    /**
     * queued → running → succeeded | failed; running → queued for a retry after a transient failure (or while waiting
     * for results); queued or running → cancelled. A finished job runs again (→ queued) on request or when new
     * results of its publication arrive; it never makes a second document for a result that has one.
     */
    public static final StateMachine<JobStatus> LIFECYCLE = StateMachine.of(EntityTypes.DOCUMENT_GENERATION_JOB, JobStatus.class)
            .path(queued, running, succeeded)
            .allow(running, failed)
            .allow(running, queued)
            .allow(queued, cancelled)
            .allow(running, cancelled)
            .allow(succeeded, queued)
            .allow(failed, queued)
            .allow(cancelled, queued)
            .build();

    static final Map<JobStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            queued, EventTypes.DOCUMENT_GENERATION_JOB_QUEUED,
            running, EventTypes.DOCUMENT_GENERATION_JOB_STARTED,
            succeeded, EventTypes.DOCUMENT_GENERATION_JOB_SUCCEEDED,
            failed, EventTypes.DOCUMENT_GENERATION_JOB_FAILED,
            cancelled, EventTypes.DOCUMENT_GENERATION_JOB_CANCELLED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "publication_id")
    public UUID publicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode payload;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A job for gratitude letters requested at once; queued straight away. */
    static DocumentGenerationJob forLetters(UUID seasonId) {
        DocumentGenerationJob job = new DocumentGenerationJob();
        job.status = queued;
        ObjectNode payload = JsonObjects.emptyObject();
        payload.put("kind", "letters");
        payload.put("season_id", seasonId.toString());
        payload.put("total", 0).put("done", 0).put("failed", 0).put("attempt", 0);
        job.payload = payload;
        job.createdAt = Timestamps.now();
        job.updatedAt = job.createdAt;
        return job;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.DOCUMENT_GENERATION_JOB_QUEUED, EntityTypes.DOCUMENT_GENERATION_JOB, id,
                seasonId, null, view(), null);
    }

    /** More documents (or results) arrived: a job that was waiting or finished goes back to the queue. */
    DomainChange wake(int newDocuments, int newResults, Long expectedResults, UUID seasonId) {
        JobView before = view();
        ObjectNode next = ((ObjectNode) payload).deepCopy();
        next.put("total", next.path("total").asInt() + newDocuments);
        if (newResults > 0) {
            next.put("received_results", next.path("received_results").asInt() + newResults);
        }
        if (expectedResults != null) {
            next.put("expected_results", expectedResults);
        }
        next.put("waiting", false);
        payload = next;
        updatedAt = Timestamps.now();
        if (status == succeeded && (newDocuments > 0 || expectedResults != null)) {
            status = LIFECYCLE.require(status, queued);
            next.put("attempt", 0);
            next.putNull("next_attempt_at");
            return DomainChange.of(EventTypes.DOCUMENT_GENERATION_JOB_QUEUED, EntityTypes.DOCUMENT_GENERATION_JOB, id,
                    seasonId, before, view(), "new results of the publication arrived");
        }
        return null; // progress bookkeeping only: the job's state did not change
    }

    /** Run again on request: a finished job is queued with a fresh attempt count. */
    DomainChange rerun(String reason) {
        JobView before = view();
        if (status == running) {
            // the worker may send a running job back to the queue; a person asks only of a job that has stopped
            throw new IllegalTransitionException(EntityTypes.DOCUMENT_GENERATION_JOB, status, queued);
        }
        status = LIFECYCLE.require(status, queued);
        ObjectNode next = ((ObjectNode) payload).deepCopy();
        next.put("attempt", 0);
        next.putNull("next_attempt_at");
        next.put("waiting", false);
        payload = next;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.DOCUMENT_GENERATION_JOB_QUEUED, EntityTypes.DOCUMENT_GENERATION_JOB, id,
                seasonId(), before, view(), reason);
    }

    DomainChange cancel(String reason) {
        JobView before = view();
        status = LIFECYCLE.require(status, cancelled);
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.DOCUMENT_GENERATION_JOB_CANCELLED, EntityTypes.DOCUMENT_GENERATION_JOB, id,
                seasonId(), before, view(), reason);
    }

    UUID seasonId() {
        String season = payload.path("season_id").asText(null);
        return season == null ? null : UUID.fromString(season);
    }

    public JobView view() {
        return JobView.of(id, publicationId, status, payload, errorMessage, createdAt, updatedAt);
    }
}
