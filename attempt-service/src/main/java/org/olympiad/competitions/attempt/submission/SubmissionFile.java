package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

import java.time.Instant;
import java.util.UUID;

/**
 * A scan or file of a submission ({@code competition_submission_files}): who uploaded it for whom, and whether it
 * came after the tour closed (then with the reason).
 */
@Entity
@Table(name = "competition_submission_files")
public class SubmissionFile extends PanacheEntityBase {

    public enum FileType { file, photo, scan, pdf, image, zip }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String url;

    @Column(name = "uploaded_by_user_id")
    public UUID uploadedByUserId;

    @Column(name = "uploaded_for_participant_id")
    public UUID uploadedForParticipantId;

    @Column(name = "is_late", nullable = false)
    public boolean isLate;

    @Column(name = "late_reason")
    public String lateReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static SubmissionFile uploaded(UUID submissionId, SubmissionRequests.UploadFile request, UUID uploadedBy,
                                   UUID forParticipant, boolean late) {
        PersonalDataGuard.refuseIn("url", request.url(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("lateReason", request.lateReason(), Strictness.FREE_TEXT_OR_POLICY);
        JsonNode metadata = JsonObjects.objectOrEmpty("metadata", request.metadata());
        PersonalDataGuard.refuseIn("metadata", metadata, Strictness.REF_OR_SNAPSHOT);
        if (late && (request.lateReason() == null || request.lateReason().isBlank())) {
            throw ProblemException.invalidField("lateReason", "required-when-late",
                    "the tour is closed: a file uploaded now needs the reason it is late");
        }
        SubmissionFile f = new SubmissionFile();
        f.submissionId = submissionId;
        f.type = request.type().name();
        f.url = request.url().strip();
        f.uploadedByUserId = uploadedBy;
        f.uploadedForParticipantId = forParticipant;
        f.isLate = late;
        f.lateReason = late ? request.lateReason().strip() : null;
        f.metadata = metadata;
        f.createdAt = Timestamps.now();
        return f;
    }

    DomainChange uploadedEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.SUBMISSION_FILE_UPLOADED, EntityTypes.SUBMISSION_FILE, id, seasonId, null,
                view(), lateReason);
    }

    public SubmissionFileView view() {
        return new SubmissionFileView(id, submissionId, type, url, uploadedByUserId, uploadedForParticipantId, isLate,
                lateReason, metadata, createdAt);
    }

    public record SubmissionFileView(UUID id, UUID submissionId, String type, String url, UUID uploadedByUserId,
                                     UUID uploadedForParticipantId, boolean isLate, String lateReason, JsonNode metadata,
                                     Instant createdAt) {
    }
}
