package org.olympiad.competitions.documents.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Units of work on generation jobs: the job per publication that results advance, and organisers' reruns and cancels. */
@ApplicationScoped
public class JobService {

    private final Outbox outbox;
    private final GenerationWorker worker;

    public JobService(Outbox outbox, GenerationWorker worker) {
        this.outbox = outbox;
        this.worker = worker;
    }

    /**
     * The publication's job, created queued on its first event, locked for the rest of the caller's transaction so
     * that results of one publication advance it one at a time. Runs inside the caller's transaction.
     */
    public Uni<DocumentGenerationJob> forPublication(UUID publicationId, UUID seasonId, Caller.Snapshot actor) {
        return refOf(publicationId, seasonId).chain(ref -> lock(ref, seasonId, actor));
    }

    /** A publication's job by id, and whether this transaction created it (its created event is then still to record). */
    public record JobRef(UUID id, boolean created) {
    }

    /**
     * The publication's job, created queued on its first event, by id only: neither read nor locked, for a caller
     * that writes a run of documents first and takes the job's lock ({@link #lock(JobRef, UUID, Caller.Snapshot)})
     * only for the counts at the end, so the worker is not kept from the job while the documents are written.
     */
    public Uni<JobRef> refOf(UUID publicationId, UUID seasonId) {
        ObjectNode payload = JsonObjects.emptyObject();
        payload.put("kind", "publication");
        payload.put("season_id", seasonId == null ? null : seasonId.toString());
        payload.put("total", 0).put("done", 0).put("failed", 0).put("attempt", 0).put("received_results", 0);
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession().chain(session -> NativeSql.bind(session.createNativeQuery(
                        "insert into competition_document_generation_jobs (id, publication_id, status, payload) "
                                + "values (?1, ?2, 'queued', cast(cast(?3 as text) as jsonb)) "
                                + "on conflict (publication_id) where publication_id is not null do nothing returning id",
                        UUID.class), UUID.randomUUID(), publicationId, json)
                .getResultList()
                .chain(inserted -> !inserted.isEmpty() ? Uni.createFrom().item(new JobRef(inserted.get(0), true))
                        : NativeSql.bind(session.createNativeQuery("select id from competition_document_generation_jobs "
                                        + "where publication_id = ?1", UUID.class), publicationId).getSingleResult()
                                .map(id -> new JobRef(id, false))));
    }

    /**
     * The job, read and locked for the rest of the caller's transaction so that results of one publication advance
     * it one at a time; a job this transaction created gets its created event.
     */
    public Uni<DocumentGenerationJob> lock(JobRef ref, UUID seasonId, Caller.Snapshot actor) {
        return lock(ref.id()).chain(job -> ref.created()
                ? outbox.record(job.created(seasonId), actor).replaceWith(job)
                : Uni.createFrom().item(job));
    }

    /** A job by id, locked, in the caller's transaction. */
    public Uni<DocumentGenerationJob> lock(UUID id) {
        return DocumentGenerationJob.<DocumentGenerationJob>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.DOCUMENT_GENERATION_JOB, id));
    }

    /** Records that a job got documents or results: wakes it when it was waiting or finished. Caller's transaction. */
    public Uni<Void> advance(DocumentGenerationJob job, int newDocuments, int newResults, Long expectedResults,
                             Caller.Snapshot actor) {
        var change = job.wake(newDocuments, newResults, expectedResults, job.seasonId());
        Uni<Void> recorded = change == null ? Uni.createFrom().voidItem()
                : outbox.record(change, actor).replaceWithVoid();
        return recorded.invoke(worker::wakeUp);
    }

    /** A new job for gratitude letters of a season. Caller's transaction. */
    public Uni<DocumentGenerationJob> newLettersJob(UUID seasonId) {
        DocumentGenerationJob job = DocumentGenerationJob.forLetters(seasonId);
        return job.persist().chain(() -> outbox.record(job.created(seasonId))).replaceWith(job);
    }

    @WithSession
    public Uni<JobView> get(UUID id) {
        return DocumentGenerationJob.<DocumentGenerationJob>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.DOCUMENT_GENERATION_JOB, id))
                .map(DocumentGenerationJob::view);
    }

    @WithSession
    public Uni<Page<JobView>> list(UUID publicationId, JobStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (publicationId != null) {
            where.add("publicationId = :publicationId");
            params.and("publicationId", publicationId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        var query = where.isEmpty()
                ? DocumentGenerationJob.<DocumentGenerationJob>findAll(newestFirst)
                : DocumentGenerationJob.<DocumentGenerationJob>find(String.join(" and ", where), newestFirst, params);
        return Page.of(query, page, DocumentGenerationJob::view);
    }

    /** Runs a finished job again: documents that exist stay, failed ones are tried again, none is made twice. */
    @WithTransaction
    public Uni<JobView> rerun(UUID id, String reason) {
        return lock(id).chain(job -> outbox.record(job.rerun(reason), job::view)
                .call(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "update competition_award_documents set status = 'pending' "
                                        + "where recipient_snapshot->>'job_id' = ?1 and status = 'failed'")
                        .setParameter(1, id.toString()).executeUpdate())))
                .invoke(worker::wakeUp);
    }

    @WithTransaction
    public Uni<JobView> cancel(UUID id, String reason) {
        return lock(id).chain(job -> outbox.record(job.cancel(reason), job::view));
    }
}
