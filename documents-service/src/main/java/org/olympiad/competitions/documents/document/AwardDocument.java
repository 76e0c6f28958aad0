package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.olympiad.competitions.documents.document.AwardDocumentStatus.*;

/**
 * One diploma, certificate or letter ({@code competition_award_documents}). It is created {@code pending} when a
 * result earns it (or a letter is requested) and made by the generation job of {@code recipient_snapshot.job_id}.
 * {@code recipient_snapshot} holds what the document prints and why it exists: the result's award, season and
 * publication, and, once revoked, the reason.
 */
@Entity
@Table(name = "competition_award_documents")
public class AwardDocument extends PanacheEntityBase {

    /**
     * pending → generated, or failed (and failed → pending when its job runs again). Any document not yet revoked
     * can be revoked; revoked is final: a revised result gets a new document, the old one stays revoked.
     */
    public static final StateMachine<AwardDocumentStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.AWARD_DOCUMENT, AwardDocumentStatus.class)
                    .path(pending, generated)
                    .allow(pending, failed)
                    .allow(failed, pending)
                    .fromAllExcept(revoked, EnumSet.noneOf(AwardDocumentStatus.class))
                    .build();

    /** Assigned here, not by the database: a reissue names its successor in the revoked document before both are written. */
    @Id
    public UUID id;

    @Column(name = "result_id")
    public UUID resultId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AwardDocumentType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false)
    public RecipientType recipientType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recipient_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode recipientSnapshot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AwardDocumentStatus status;

    @Column(name = "document_url")
    public String documentUrl;

    @Column(name = "verification_code")
    public String verificationCode;

    @Column(name = "generated_at")
    public Instant generatedAt;

    /**
     * The document a published result earns, pending for the given job. The snapshot keeps the result's fields a
     * document prints or is found by (participant, season, award), and the job and publication it came with.
     */
    static AwardDocument forResult(PublishedResult result, AwardDocumentType type, UUID jobId) {
        AwardDocument document = new AwardDocument();
        document.id = UUID.randomUUID();
        document.resultId = result.resultId();
        document.type = type;
        document.recipientType = RecipientType.participant;
        ObjectNode snapshot = JsonObjects.emptyObject();
        snapshot.put("participant_id", result.participantId().toString());
        snapshot.put("season_id", result.seasonId().toString());
        snapshot.put("publication_id", result.publicationId() == null ? null : result.publicationId().toString());
        snapshot.put("award_status_key", result.awardStatusKey());
        snapshot.put("award_title", result.awardLine());
        if (result.tourId() != null) {
            snapshot.put("tour_id", result.tourId().toString());
        }
        if (result.gradeCategoryId() != null) {
            snapshot.put("grade_category_id", result.gradeCategoryId().toString());
        }
        snapshot.put("job_id", jobId.toString());
        document.recipientSnapshot = snapshot;
        document.status = pending;
        return document;
    }

    /** A gratitude letter requested for a teacher, organisation, venue or team member of a season. */
    static AwardDocument letter(AwardDocumentType type, RecipientType recipientType, UUID seasonId, UUID recipientRef,
                                String recipientName, String text, UUID jobId) {
        AwardDocument document = new AwardDocument();
        document.id = UUID.randomUUID();
        document.type = type;
        document.recipientType = recipientType;
        ObjectNode snapshot = JsonObjects.emptyObject();
        snapshot.put("season_id", seasonId.toString());
        snapshot.put("recipient_ref", recipientRef == null ? null : recipientRef.toString());
        snapshot.put("recipient_name", recipientName);
        snapshot.put("text", text == null ? "" : text);
        snapshot.put("job_id", jobId.toString());
        document.recipientSnapshot = snapshot;
        document.status = pending;
        return document;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.AWARD_DOCUMENT_CREATED, EntityTypes.AWARD_DOCUMENT, id, seasonId(), null,
                view(), null);
    }

    /** Revokes the document, keeping the reason (shown on verification) and, on a reissue, its successor. */
    DomainChange revoke(String reason, UUID supersededBy) {
        AwardDocumentView before = view();
        status = LIFECYCLE.require(status, revoked);
        ObjectNode snapshot = ((ObjectNode) recipientSnapshot).deepCopy();
        snapshot.put("revocation_reason", reason);
        snapshot.put("revoked_at", Timestamps.now().toString());
        if (supersededBy != null) {
            snapshot.put("superseded_by", supersededBy.toString());
        }
        recipientSnapshot = snapshot;
        return DomainChange.of(EventTypes.AWARD_DOCUMENT_REVOKED, EntityTypes.AWARD_DOCUMENT, id, seasonId(), before,
                view(), reason);
    }

    public boolean isLive() {
        return status != revoked;
    }

    public UUID seasonId() {
        return uuid("season_id");
    }

    public UUID participantId() {
        return uuid("participant_id");
    }

    public String text(String field) {
        JsonNode value = recipientSnapshot.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private UUID uuid(String field) {
        String value = text(field);
        return value == null ? null : UUID.fromString(value);
    }

    public AwardDocumentView view() {
        return new AwardDocumentView(id, resultId, type, recipientType, recipientSnapshot, status, documentUrl,
                verificationCode, generatedAt);
    }
}
