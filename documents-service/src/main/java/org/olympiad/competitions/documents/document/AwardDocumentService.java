package org.olympiad.competitions.documents.document;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.documents.job.JobService;
import org.olympiad.competitions.documents.job.JobView;
import org.olympiad.competitions.documents.storage.DocumentStore;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Reading documents (object-level access), their PDFs, and requests for gratitude letters. */
@ApplicationScoped
public class AwardDocumentService {

    private final DocumentStore store;
    private final Outbox outbox;
    private final JobService jobs;

    public AwardDocumentService(DocumentStore store, Outbox outbox, JobService jobs) {
        this.store = store;
        this.outbox = outbox;
        this.jobs = jobs;
    }

    /** A PDF to send: its storage key and the file name it is saved under. */
    public record Download(String key, String fileName) {
    }

    @WithSession
    public Uni<AwardDocumentView> get(UUID id, Caller.Snapshot caller) {
        return readable(id, caller).map(AwardDocument::view);
    }

    /** A participant's documents, newest first, revoked ones included (their status says so). */
    @WithSession
    public Uni<List<AwardDocumentView>> ofParticipant(UUID participantId, Caller.Snapshot caller) {
        return DocumentAccess.requireReader(participantId, caller).chain(() -> Panache.getSession().chain(s -> NativeSql.bind(s
                        .createNativeQuery("select * from competition_award_documents where recipient_type = 'participant' "
                                + "and recipient_snapshot->>'participant_id' = ?1 "
                                + "order by generated_at desc nulls first, id", AwardDocument.class), participantId.toString())
                        .getResultList()))
                .map(list -> list.stream().map(AwardDocument::view).toList());
    }

    /** The documents a job makes (organisers: to follow a publication or a request for letters). */
    @WithSession
    public Uni<List<AwardDocumentView>> ofJob(UUID jobId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select * from competition_award_documents "
                        + "where recipient_snapshot->>'job_id' = ?1 order by id", AwardDocument.class), jobId.toString())
                .getResultList())
                .map(list -> list.stream().map(AwardDocument::view).toList());
    }

    /** Where the document's PDF is, once the caller may read it and it is generated. */
    @WithSession
    public Uni<Download> locate(UUID id, Caller.Snapshot caller) {
        return readable(id, caller).map(document -> {
            if (document.status != AwardDocumentStatus.generated) {
                throw ProblemException.lockedIn(EntityTypes.AWARD_DOCUMENT, document.status, "downloaded");
            }
            return new Download(DocumentFiles.storageKey(document.id), fileName(document));
        });
    }

    /** The stored PDF's bytes (a few dozen kilobytes), read on a worker thread: the store blocks. */
    public Uni<byte[]> read(Download download) {
        return Uni.createFrom().item(() -> {
            try (InputStream in = store.open(download.key())) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Gratitude letters for a season's teachers, organisations, venues or team members, made by a job of their own. */
    @WithTransaction
    public Uni<JobView> requestLetters(GratitudeRequests.Create request) {
        for (int i = 0; i < request.recipients().size(); i++) {
            GratitudeRequests.Recipient r = request.recipients().get(i);
            PersonalDataGuard.refuseIn("recipients[" + i + "].name", r.name(), Strictness.FREE_TEXT_OR_POLICY);
        }
        PersonalDataGuard.refuseIn("text", request.text(), Strictness.FREE_TEXT_OR_POLICY);
        return jobs.newLettersJob(request.seasonId()).chain(job -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (GratitudeRequests.Recipient r : request.recipients()) {
                AwardDocument letter = AwardDocument.letter(r.recipientType().documentType(),
                        r.recipientType().recipientType(), request.seasonId(), r.ref(), r.name().strip(),
                        request.text() == null ? "" : request.text().strip(), job.id);
                chain = chain.chain(() -> letter.persist()).chain(() -> outbox.record(letter.created())).replaceWithVoid();
            }
            return chain.chain(() -> jobs.advance(job, request.recipients().size(), 0, null, Caller.current()))
                    .map(ignored -> job.view());
        });
    }

    private static Uni<AwardDocument> readable(UUID id, Caller.Snapshot caller) {
        return AwardDocument.<AwardDocument>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.AWARD_DOCUMENT, id))
                .call(document -> document.recipientType == RecipientType.participant
                        ? DocumentAccess.requireReader(document.participantId(), caller)
                        : DocumentAccess.isOrganiser(caller) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(DocumentAccess.forbidden()));
    }

    private static String fileName(AwardDocument document) {
        return document.type + "-" + document.verificationCode + ".pdf";
    }
}
