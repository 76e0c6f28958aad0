package org.olympiad.competitions.documents.document;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.platform.outbox.Outbox;

import java.util.UUID;

/** A job run again tries its failed documents again: each goes back to pending with its own event. */
@ApplicationScoped
public class FailedDocuments {

    private final Outbox outbox;

    public FailedDocuments(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs in the caller's transaction; answers how many documents went back to pending. */
    public Uni<Integer> requeue(UUID jobId, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from competition_award_documents "
                        + "where recipient_snapshot->>'job_id' = ?1 and status = 'failed' for update", AwardDocument.class)
                .setParameter(1, jobId.toString()).getResultList())
                .chain(failed -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (AwardDocument document : failed) {
                        chain = chain.chain(() -> outbox.record(document.requeue(reason))).replaceWithVoid();
                    }
                    return chain.replaceWith(failed.size());
                });
    }
}
