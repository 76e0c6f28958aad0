package org.olympiad.competitions.documents.document;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.documents.job.DocumentGenerationJob;
import org.olympiad.competitions.documents.job.JobService;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.request.Caller;

import java.util.List;
import java.util.UUID;

/**
 * What results do to documents. Each method runs inside the consumer's transaction (with the inbox mark), so an
 * event's documents, their events and the job's bookkeeping commit together or not at all.
 */
@ApplicationScoped
public class ResultDocuments {

    private static final String REVISED = "the result was revised; a new document replaces this one";

    private final Outbox outbox;
    private final JobService jobs;

    public ResultDocuments(Outbox outbox, JobService jobs) {
        this.outbox = outbox;
        this.jobs = jobs;
    }

    /** A published result: the document its award earns, once, for its publication's job. */
    Uni<Void> published(PublishedResult result, Caller.Snapshot actor) {
        if (result.publicationId() == null) {
            throw new org.olympiad.competitions.contracts.EventJson.MalformedEventException(
                    "result.published without publication_id");
        }
        return jobs.forPublication(result.publicationId(), result.seasonId(), actor)
                .chain(job -> live(result.resultId()).chain(existing -> {
                    var type = AwardDocumentType.earnedBy(result.awardStatusKey());
                    boolean earns = result.stands() && type.isPresent()
                            && existing.stream().noneMatch(d -> d.type == type.get());
                    if (!earns) {
                        return jobs.advance(job, 0, true, null, actor);
                    }
                    AwardDocument document = AwardDocument.forResult(result, type.get(), job.id);
                    return document.persist().chain(() -> outbox.record(document.created(), actor))
                            .chain(() -> jobs.advance(job, 1, true, null, actor));
                }));
    }

    /** A revised result: its live documents are revoked and the award it now earns gets a new document. */
    Uni<Void> revised(PublishedResult result, String reason, Caller.Snapshot actor) {
        return live(result.resultId()).chain(existing -> {
            UUID publication = result.publicationId() != null ? result.publicationId() : existing.stream()
                    .map(d -> d.text("publication_id")).filter(p -> p != null).map(UUID::fromString)
                    .findFirst().orElse(null);
            if (publication == null) {
                // a result never published with a document: nothing to reissue
                return revoke(existing, reason == null ? REVISED : REVISED + ": " + reason, null, actor);
            }
            return jobs.forPublication(publication, result.seasonId(), actor).chain(job -> {
                var type = AwardDocumentType.earnedBy(result.awardStatusKey());
                if (!result.stands() || type.isEmpty()) {
                    return revoke(existing, reason == null ? "the revised result earns no document" : reason, null, actor);
                }
                AwardDocument replacement = AwardDocument.forResult(result, type.get(), job.id);
                String why = reason == null ? REVISED : REVISED + " (" + reason + ")";
                // the old document is revoked (and flushed) before the new one is written: one live document per
                // result and type is a unique index
                return revoke(existing, why, replacement.id, actor)
                        .chain(() -> replacement.persist()
                                .chain(() -> outbox.record(replacement.created(), actor)))
                        .chain(() -> jobs.advance(job, 1, false, null, actor));
            });
        });
    }

    /** A voided result: its documents are revoked with the reason, which verification shows. */
    Uni<Void> voided(UUID resultId, String reason, Caller.Snapshot actor) {
        return live(resultId).chain(existing -> revoke(existing,
                reason == null || reason.isBlank() ? "the result was voided" : reason, null, actor));
    }

    /** A publication went out: its job learns how many results to expect. */
    Uni<Void> publicationPublished(UUID publicationId, UUID seasonId, long resultCount, Caller.Snapshot actor) {
        return jobs.forPublication(publicationId, seasonId, actor)
                .chain(job -> jobs.advance(job, 0, false, resultCount, actor));
    }

    private static Uni<List<AwardDocument>> live(UUID resultId) {
        return AwardDocument.<AwardDocument>find("resultId = ?1 and status <> ?2", resultId, AwardDocumentStatus.revoked)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    private Uni<Void> revoke(List<AwardDocument> documents, String reason, UUID supersededBy, Caller.Snapshot actor) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AwardDocument document : documents) {
            chain = chain.chain(() -> outbox.record(document.revoke(reason, supersededBy), actor)).replaceWithVoid();
        }
        return chain.chain(() -> Panache.getSession().chain(s -> s.flush()));
    }
}
