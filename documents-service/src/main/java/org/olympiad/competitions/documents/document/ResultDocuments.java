package org.olympiad.competitions.documents.document;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.documents.job.DocumentGenerationJob;
import org.olympiad.competitions.documents.job.JobService;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.request.Caller;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A {@code result.published} and who published it. */
    record Published(PublishedResult result, Caller.Snapshot actor) {
    }

    /**
     * Published results (consecutive events of one poll): the document each award earns, once, for its
     * publication's job. Set-wise, since a publication brings thousands at once: one query for the live documents of
     * all the results, the new documents and their events written as one flush (JDBC batches), one update of each
     * job's counts. The job is locked only for that update, after the flush: the generation worker, which takes the
     * same lock to claim the job and to record each batch, makes documents while results are still coming in. A
     * result that has a live document of its type (redelivery, a repeated publish, or twice in this run) gets no
     * second one.
     */
    Uni<Void> published(List<Published> published) {
        Map<UUID, List<Published>> byPublication = new LinkedHashMap<>();
        for (Published p : published) {
            if (p.result().publicationId() == null) {
                throw new org.olympiad.competitions.contracts.EventJson.MalformedEventException(
                        "result.published without publication_id");
            }
            byPublication.computeIfAbsent(p.result().publicationId(), k -> new ArrayList<>()).add(p);
        }
        List<UUID> resultIds = published.stream().map(p -> p.result().resultId()).distinct().toList();
        Set<String> live = new HashSet<>();
        Uni<Void> chain = live(resultIds).invoke(existing -> existing.forEach(d -> live.add(d.resultId + "/" + d.type)))
                .replaceWithVoid();
        for (Map.Entry<UUID, List<Published>> entry : byPublication.entrySet()) {
            List<Published> results = entry.getValue();
            Published first = results.get(0);
            chain = chain.chain(() -> jobs.refOf(entry.getKey(), first.result().seasonId()))
                    .chain(job -> {
                        List<AwardDocument> made = new ArrayList<>();
                        List<Published> madeFor = new ArrayList<>();
                        for (Published p : results) {
                            var type = AwardDocumentType.earnedBy(p.result().awardStatusKey());
                            if (p.result().stands() && type.isPresent()
                                    && live.add(p.result().resultId() + "/" + type.get())) {
                                AwardDocument document = AwardDocument.forResult(p.result(), type.get(), job.id());
                                made.add(document);
                                madeFor.add(p);
                            }
                        }
                        Published last = results.get(results.size() - 1);
                        // one after the other: a reactive session takes one operation at a time (nothing is sent to
                        // the database before the flush, which writes the rows in JDBC batches)
                        Uni<Void> written = made.isEmpty() ? Uni.createFrom().voidItem()
                                : Panache.getSession().chain(s -> s.persistAll(made.toArray()))
                                .chain(() -> Multi.createFrom().range(0, made.size()).onItem().transformToUniAndConcatenate(
                                        i -> outbox.record(made.get(i).created(), madeFor.get(i).actor()))
                                        .collect().last()).replaceWithVoid();
                        return written.chain(() -> Panache.getSession().chain(s -> s.flush()))
                                .chain(() -> jobs.lock(job, first.result().seasonId(), first.actor()))
                                .chain(locked -> jobs.advance(locked, made.size(), results.size(), null, last.actor()));
                    });
        }
        return chain;
    }

    /**
     * A revised result: its live documents are revoked and the award it now earns gets a new document. A revision
     * that leaves the award as it was (only the score, rank or the scope's thresholds moved, which a document does not
     * print) keeps the document: revoking it would make a diploma already handed out show "revoked" for nothing.
     */
    Uni<Void> revised(PublishedResult result, String reason, Caller.Snapshot actor) {
        return live(result.resultId()).chain(existing -> {
            if (printsTheSame(existing, result)) {
                return Uni.createFrom().voidItem();
            }
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
                        .chain(() -> jobs.advance(job, 1, 0, null, actor));
            });
        });
    }

    /** One live document, of the type the revised result earns, with its award key and title. */
    private static boolean printsTheSame(List<AwardDocument> existing, PublishedResult result) {
        var type = AwardDocumentType.earnedBy(result.awardStatusKey());
        if (!result.stands() || type.isEmpty() || existing.size() != 1) {
            return false;
        }
        AwardDocument document = existing.get(0);
        return document.type == type.get()
                && java.util.Objects.equals(document.text("award_status_key"), result.awardStatusKey())
                && java.util.Objects.equals(document.text("award_title"), result.awardTitle());
    }

    /** A voided result: its documents are revoked with the reason, which verification shows. */
    Uni<Void> voided(UUID resultId, String reason, Caller.Snapshot actor) {
        return live(resultId).chain(existing -> revoke(existing,
                reason == null || reason.isBlank() ? "the result was voided" : reason, null, actor));
    }

    /** A publication went out: its job learns how many results to expect. */
    Uni<Void> publicationPublished(UUID publicationId, UUID seasonId, long resultCount, Caller.Snapshot actor) {
        return jobs.forPublication(publicationId, seasonId, actor)
                .chain(job -> jobs.advance(job, 0, 0, resultCount, actor));
    }

    private static Uni<List<AwardDocument>> live(UUID resultId) {
        return live(List.of(resultId));
    }

    /** The live documents of the results, locked: a concurrent revision or void of one of them waits for us. */
    private static Uni<List<AwardDocument>> live(List<UUID> resultIds) {
        return AwardDocument.<AwardDocument>find("resultId in ?1 and status <> ?2", resultIds, AwardDocumentStatus.revoked)
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
