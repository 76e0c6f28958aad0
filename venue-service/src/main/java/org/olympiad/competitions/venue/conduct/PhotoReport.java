package org.olympiad.competitions.venue.conduct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonArrayColumn;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.venue.application.VenueFields;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.venue.conduct.PhotoReportStatus.*;

/**
 * Photos of a conducted tour ({@code competition_photo_reports}), by the conducting teacher or the venue's staff.
 * An organiser confirms it or finds it wanting; results-service withholds the group's or venue's results of the tour
 * while its report is unconfirmed.
 */
@Entity
@Table(name = "competition_photo_reports")
public class PhotoReport extends PanacheEntityBase {

    /** submitted → confirmed | unconfirmed; a later look may turn either verdict into the other. */
    public static final StateMachine<PhotoReportStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.PHOTO_REPORT, PhotoReportStatus.class)
                    .allow(submitted, confirmed).allow(submitted, unconfirmed)
                    .allow(unconfirmed, confirmed).allow(confirmed, unconfirmed)
                    .build();

    private static final Map<PhotoReportStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            confirmed, EventTypes.PHOTO_REPORT_CONFIRMED,
            unconfirmed, EventTypes.PHOTO_REPORT_UNCONFIRMED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "competition_group_id")
    public UUID competitionGroupId;

    @Column(name = "teacher_conduct_application_id")
    public UUID teacherConductApplicationId;

    @Column(name = "competition_organization_id")
    public UUID competitionOrganizationId;

    @Column(name = "submitted_by_user_id", nullable = false)
    public UUID submittedByUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PhotoReportStatus status;

    @Convert(converter = JsonArrayColumn.class)
    @ColumnTransformer(read = "file_refs::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "file_refs", nullable = false)
    public JsonNode fileRefs;

    public String comment;

    @Column(name = "reviewed_by_user_id")
    public UUID reviewedByUserId;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A report submitted for a tour: of a conduct application, a venue, or both, with the group it shows. */
    static PhotoReport submitted(UUID tourId, UUID venueId, UUID conductApplicationId, UUID organizationId,
                                 ConductRequests.Report request, UUID by) {
        ArrayNode refs = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> given = request.fileRefs();
        for (JsonNode ref : given) {
            refs.add(ref);
        }
        // file refs point into the document store; a ref carrying a person's data is refused like any ref
        PersonalDataGuard.refuseIn("fileRefs", refs, Strictness.REF_OR_SNAPSHOT);
        PhotoReport r = new PhotoReport();
        r.tourId = tourId;
        r.venueId = venueId;
        r.teacherConductApplicationId = conductApplicationId;
        r.competitionOrganizationId = organizationId;
        r.competitionGroupId = request.competitionGroupId();
        r.submittedByUserId = by;
        r.status = submitted;
        r.fileRefs = refs;
        r.comment = VenueFields.text("comment", request.comment());
        r.createdAt = Timestamps.now();
        r.updatedAt = r.createdAt;
        return r;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.PHOTO_REPORT_SUBMITTED, EntityTypes.PHOTO_REPORT, id, seasonId, null, view(), null);
    }

    DomainChange review(PhotoReportStatus target, String reason, UUID reviewer, UUID seasonId) {
        PhotoReportView before = view();
        status = LIFECYCLE.require(status, target);
        reviewedByUserId = reviewer;
        reviewedAt = Timestamps.now();
        updatedAt = reviewedAt;
        if (reason != null) {
            PersonalDataGuard.refuseIn("comment", reason, Strictness.FREE_TEXT_OR_POLICY);
        }
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.PHOTO_REPORT, id, seasonId, before, view(), reason);
    }

    public PhotoReportView view() {
        return new PhotoReportView(id, tourId, venueId, competitionGroupId, teacherConductApplicationId,
                competitionOrganizationId, submittedByUserId, status, fileRefs, comment, reviewedByUserId, reviewedAt,
                createdAt, updatedAt);
    }
}
