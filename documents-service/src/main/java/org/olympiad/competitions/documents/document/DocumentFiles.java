package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.documents.DocumentsConfig;
import org.olympiad.competitions.documents.pdf.DocumentContent;
import org.olympiad.competitions.documents.pdf.DocumentRenderer;
import org.olympiad.competitions.documents.storage.DocumentStore;
import org.olympiad.competitions.documents.verification.VerificationCode;
import org.olympiad.competitions.platform.outbox.DomainChange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The documents' side of generation, for the worker's JDBC batches: which pending documents of a job can be made now
 * (their holder's name and season are known), making one (content, PDF, store), and marking a batch made.
 */
@ApplicationScoped
public class DocumentFiles {

    public static final String PDF = "application/pdf";

    private final DocumentRenderer renderer;
    private final DocumentStore store;
    private final DocumentsConfig config;

    public DocumentFiles(DocumentRenderer renderer, DocumentStore store, DocumentsConfig config) {
        this.renderer = renderer;
        this.store = store;
        this.config = config;
    }

    /** A pending document with what it prints. */
    public record Pending(UUID id, UUID resultId, AwardDocumentType type, RecipientType recipientType,
                          ObjectNode snapshot, String holderName, String seasonTitle, String eventTitle) {
        AwardDocumentView view(AwardDocumentStatus status, String url, String code, Instant generatedAt) {
            return new AwardDocumentView(id, resultId, type, recipientType, snapshot, status, url, code, generatedAt);
        }

        UUID seasonId() {
            return UUID.fromString(snapshot.get("season_id").asText());
        }
    }

    /** A document made (its code and URL), or one that could not be laid out (its failure). */
    public record Made(Pending document, String verificationCode, String documentUrl, Instant generatedAt,
                       String failure) {
    }

    /**
     * Up to {@code limit} pending documents of the job whose holder's name and season are known, other than those
     * {@code excluded} (the batch the worker has in flight).
     */
    public List<Pending> pendingOf(Connection c, UUID job, int limit, List<UUID> excluded) throws SQLException {
        List<Pending> pending = new ArrayList<>(limit);
        try (PreparedStatement s = c.prepareStatement("select d.id, d.result_id, d.type, d.recipient_type, "
                + "d.recipient_snapshot::text, coalesce(p.display_name, d.recipient_snapshot->>'recipient_name'), "
                + "s.title, e.title "
                + "from competition_award_documents d "
                + "left join documents_projection_participants p on p.id = (d.recipient_snapshot->>'participant_id')::uuid "
                + "left join documents_projection_seasons s on s.id = (d.recipient_snapshot->>'season_id')::uuid "
                + "left join documents_projection_events e on e.id = s.event_id "
                + "where d.recipient_snapshot->>'job_id' = ? and d.status = 'pending' and s.id is not null "
                + "and coalesce(p.display_name, d.recipient_snapshot->>'recipient_name') is not null "
                + "and d.id <> all(?) limit ?")) {
            s.setString(1, job.toString());
            s.setArray(2, c.createArrayOf("uuid", excluded.toArray()));
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            AwardDocumentType.valueOf(rs.getString(3)), RecipientType.valueOf(rs.getString(4)),
                            (ObjectNode) EventJson.mapper().readTree(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8) == null ? "" : rs.getString(8)));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("a document's recipient_snapshot is not JSON", e);
            }
        }
        return pending;
    }

    /**
     * Lays the document out and stores it. A storage failure is an {@link IOException} (transient: the job retries);
     * a document that cannot be laid out comes back with its failure and does not hold up the others.
     */
    public Made make(Pending document) throws IOException {
        String code = VerificationCode.next();
        byte[] pdf;
        try {
            pdf = renderer.render(content(document, code));
        } catch (RuntimeException e) {
            return new Made(document, null, null, null, "the document could not be laid out: " + e.getMessage());
        }
        store.put(storageKey(document.id()), pdf, PDF);
        return new Made(document, code, downloadPath(document.id()), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    private DocumentContent content(Pending document, String code) {
        String body = document.recipientType() == RecipientType.participant ? ""
                : text(document.snapshot(), "text");
        String awardLine = text(document.snapshot(), "award_title");
        return new DocumentContent(document.type().heading(), awardLine, document.holderName(), body,
                document.eventTitle(), document.seasonTitle(), LocalDate.now(config.zone()), code,
                config.verificationBaseUrl() + code);
    }

    /**
     * Marks the made documents generated (or failed), only from pending; returns the events of those it changed.
     * Two JDBC batches (one round trip each), not a statement per document.
     */
    public List<DomainChange> markMade(Connection c, List<Made> made) throws SQLException {
        List<Made> generatedOnes = made.stream().filter(m -> m.failure() == null).toList();
        List<Made> failedOnes = made.stream().filter(m -> m.failure() != null).toList();
        List<DomainChange> changes = new ArrayList<>(made.size());
        try (PreparedStatement generated = c.prepareStatement("update competition_award_documents "
                + "set status = 'generated', verification_code = ?, document_url = ?, generated_at = ? "
                + "where id = ? and status = 'pending'");
             PreparedStatement failed = c.prepareStatement("update competition_award_documents set status = 'failed' "
                     + "where id = ? and status = 'pending'")) {
            for (Made m : generatedOnes) {
                generated.setString(1, m.verificationCode());
                generated.setString(2, m.documentUrl());
                generated.setTimestamp(3, Timestamp.from(m.generatedAt()));
                generated.setObject(4, m.document().id());
                generated.addBatch();
            }
            int[] changed = generatedOnes.isEmpty() ? new int[0] : generated.executeBatch();
            for (int i = 0; i < generatedOnes.size(); i++) {
                Made m = generatedOnes.get(i);
                Pending d = m.document();
                if (changed[i] == 1) {
                    changes.add(DomainChange.of(EventTypes.AWARD_DOCUMENT_GENERATED, EntityTypes.AWARD_DOCUMENT,
                            d.id(), d.seasonId(), d.view(AwardDocumentStatus.pending, null, null, null),
                            d.view(AwardDocumentStatus.generated, m.documentUrl(), m.verificationCode(),
                                    m.generatedAt()), null));
                }
            }
            for (Made m : failedOnes) {
                failed.setObject(1, m.document().id());
                failed.addBatch();
            }
            changed = failedOnes.isEmpty() ? new int[0] : failed.executeBatch();
            for (int i = 0; i < failedOnes.size(); i++) {
                Made m = failedOnes.get(i);
                Pending d = m.document();
                if (changed[i] == 1) {
                    changes.add(DomainChange.of(EventTypes.AWARD_DOCUMENT_FAILED, EntityTypes.AWARD_DOCUMENT,
                            d.id(), d.seasonId(), d.view(AwardDocumentStatus.pending, null, null, null),
                            d.view(AwardDocumentStatus.failed, null, null, null), m.failure()));
                }
            }
        }
        return changes;
    }

    public static String storageKey(UUID document) {
        return "award-documents/" + document + ".pdf";
    }

    public static String downloadPath(UUID document) {
        return "/award-documents/" + document + "/pdf";
    }

    private static String text(ObjectNode snapshot, String field) {
        var value = snapshot.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
