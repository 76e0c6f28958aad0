package org.olympiad.competitions.venue.application;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.venue.application.VenueApplicationStatus.*;
import static org.olympiad.competitions.venue.application.VenueFields.array;
import static org.olympiad.competitions.venue.application.VenueFields.object;
import static org.olympiad.competitions.venue.application.VenueFields.text;

/**
 * An organisation's application to host a venue for a season ({@code competition_venue_applications}). Approval
 * makes the venue from it; the venue keeps a reference back, through which its accepted grade categories and
 * contacts are read.
 */
@Entity
@Table(name = "competition_venue_applications")
public class VenueApplication extends PanacheEntityBase {

    /**
     * draft → submitted → approved | rejected | needs_changes; needs_changes → submitted again. The applicant (or an
     * organiser) may cancel an open application; approved, rejected and cancelled are final.
     */
    public static final StateMachine<VenueApplicationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.VENUE_APPLICATION, VenueApplicationStatus.class)
                    .path(draft, submitted, approved)
                    .allow(submitted, needs_changes)
                    .allow(needs_changes, submitted)
                    .allow(submitted, rejected)
                    .fromAllExcept(cancelled, EnumSet.of(approved, rejected))
                    .build();

    private static final Map<VenueApplicationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            submitted, EventTypes.VENUE_APPLICATION_SUBMITTED,
            needs_changes, EventTypes.VENUE_APPLICATION_CHANGES_REQUESTED,
            approved, EventTypes.VENUE_APPLICATION_APPROVED,
            rejected, EventTypes.VENUE_APPLICATION_REJECTED,
            cancelled, EventTypes.VENUE_APPLICATION_CANCELLED);

    /** Moves only an organiser may make: the review. */
    static final EnumSet<VenueApplicationStatus> REVIEW_MOVES = EnumSet.of(needs_changes, approved, rejected);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "competition_organization_id", nullable = false)
    public UUID competitionOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VenueApplicationStatus status;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode address;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "geo_point", columnDefinition = "jsonb")
    public JsonNode geoPoint;

    @Column(name = "capacity_total")
    public Integer capacityTotal;

    @Convert(converter = JsonArrayColumn.class)
    @ColumnTransformer(read = "accepted_grade_categories::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "accepted_grade_categories", nullable = false)
    public JsonNode acceptedGradeCategories;

    @Convert(converter = JsonArrayColumn.class)
    @ColumnTransformer(read = "contacts::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "contacts", nullable = false)
    public JsonNode contacts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "access_rules", nullable = false, columnDefinition = "jsonb")
    public JsonNode accessRules;

    @Convert(converter = JsonArrayColumn.class)
    @ColumnTransformer(read = "required_documents::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "required_documents", nullable = false)
    public JsonNode requiredDocuments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "guardian_policy", nullable = false, columnDefinition = "jsonb")
    public JsonNode guardianPolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "facility_rules", nullable = false, columnDefinition = "jsonb")
    public JsonNode facilityRules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "technical_capabilities", nullable = false, columnDefinition = "jsonb")
    public JsonNode technicalCapabilities;

    @Column(name = "participant_public_comment")
    public String participantPublicComment;

    @Column(name = "admin_internal_comment")
    public String adminInternalComment;

    @Column(name = "submitted_by_user_id")
    public UUID submittedByUserId;

    @Column(name = "reviewed_by_user_id")
    public UUID reviewedByUserId;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static VenueApplication draft(UUID seasonId, VenueApplicationRequests.Create request, UUID applicant) {
        VenueApplication a = new VenueApplication();
        a.seasonId = seasonId;
        a.competitionOrganizationId = request.competitionOrganizationId();
        a.status = draft;
        a.submittedByUserId = applicant;
        a.title = text("title", request.title());
        a.address = object("address", request.address());
        a.geoPoint = VenueFields.geoPoint(request.geoPoint());
        a.capacityTotal = request.capacityTotal();
        a.acceptedGradeCategories = VenueFields.idArray(request.acceptedGradeCategories());
        a.contacts = contactsOf(request.contacts());
        a.accessRules = object("accessRules", request.accessRules());
        a.requiredDocuments = array("requiredDocuments", request.requiredDocuments());
        a.guardianPolicy = object("guardianPolicy", request.guardianPolicy());
        a.facilityRules = object("facilityRules", request.facilityRules());
        a.technicalCapabilities = object("technicalCapabilities", request.technicalCapabilities());
        a.participantPublicComment = text("participantPublicComment", request.participantPublicComment());
        a.createdAt = Timestamps.now();
        a.updatedAt = a.createdAt;
        return a;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.VENUE_APPLICATION_CREATED, EntityTypes.VENUE_APPLICATION, id, seasonId,
                null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(VenueApplicationRequests.Update patch, boolean organiser) {
        if (status != draft && status != needs_changes) {
            throw ProblemException.lockedIn(EntityTypes.VENUE_APPLICATION, status, "changed");
        }
        if (patch.adminInternalComment() != null && !organiser) {
            throw ProblemException.invalidField("adminInternalComment", "organisers-only",
                    "adminInternalComment is written by organisers only");
        }
        VenueApplicationView before = view();
        if (patch.title() != null) {
            title = text("title", patch.title());
        }
        if (patch.address() != null) {
            address = object("address", patch.address());
        }
        if (patch.geoPoint() != null) {
            geoPoint = VenueFields.geoPoint(patch.geoPoint());
        }
        if (patch.capacityTotal() != null) {
            capacityTotal = patch.capacityTotal();
        }
        if (patch.acceptedGradeCategories() != null) {
            acceptedGradeCategories = VenueFields.idArray(patch.acceptedGradeCategories());
        }
        if (patch.contacts() != null) {
            contacts = contactsOf(patch.contacts());
        }
        if (patch.accessRules() != null) {
            accessRules = object("accessRules", patch.accessRules());
        }
        if (patch.requiredDocuments() != null) {
            requiredDocuments = array("requiredDocuments", patch.requiredDocuments());
        }
        if (patch.guardianPolicy() != null) {
            guardianPolicy = object("guardianPolicy", patch.guardianPolicy());
        }
        if (patch.facilityRules() != null) {
            facilityRules = object("facilityRules", patch.facilityRules());
        }
        if (patch.technicalCapabilities() != null) {
            technicalCapabilities = object("technicalCapabilities", patch.technicalCapabilities());
        }
        if (patch.participantPublicComment() != null) {
            participantPublicComment = text("participantPublicComment", patch.participantPublicComment());
        }
        if (patch.adminInternalComment() != null) {
            adminInternalComment = text("adminInternalComment", patch.adminInternalComment());
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.VENUE_APPLICATION_UPDATED, EntityTypes.VENUE_APPLICATION, id, seasonId,
                before, view(), null);
    }

    /**
     * Moves along {@link #LIFECYCLE}. Submitting needs what a venue cannot do without (capacity, address, geo
     * point); asking for changes and rejecting need a review comment; the review moves record the reviewer.
     */
    DomainChange moveTo(VenueApplicationStatus target, String comment, UUID actor) {
        VenueApplicationView before = view();
        LIFECYCLE.require(status, target);
        if (target == submitted) {
            requireCompleteForReview();
        }
        if ((target == needs_changes || target == rejected) && (comment == null || comment.isBlank())) {
            throw ProblemException.invalidField("comment", "required-to-" + (target == rejected ? "reject" : "request-changes"),
                    "a review comment is needed to move a venue application to " + target);
        }
        if (REVIEW_MOVES.contains(target)) {
            reviewedByUserId = actor;
            reviewedAt = Timestamps.now();
            reviewComment = comment == null ? null : text("comment", comment);
        }
        status = target;
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.VENUE_APPLICATION, id, seasonId,
                before, view(), comment);
    }

    private void requireCompleteForReview() {
        List<String> missing = new ArrayList<>();
        if (capacityTotal == null) {
            missing.add("capacityTotal");
        }
        if (geoPoint == null) {
            missing.add("geoPoint");
        }
        if (address == null || address.isEmpty()) {
            missing.add("address");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField(missing.get(0), "required-to-submit",
                    "a venue application needs " + String.join(", ", missing) + " before it is submitted");
        }
    }

    public boolean isApplicant(UUID user) {
        return user != null && user.equals(submittedByUserId);
    }

    /** The grade category ids the venue takes; empty means every grade category of the season. */
    public List<UUID> gradeCategoryIds() {
        return VenueFields.ids(acceptedGradeCategories);
    }

    public VenueApplicationView view() {
        return new VenueApplicationView(id, seasonId, competitionOrganizationId, status, title, address, geoPoint,
                capacityTotal, acceptedGradeCategories, contacts, accessRules, requiredDocuments, guardianPolicy,
                facilityRules, technicalCapabilities, participantPublicComment, adminInternalComment, submittedByUserId,
                reviewedByUserId, reviewedAt, reviewComment, createdAt, updatedAt);
    }

    // ---- input, checked before anything is stored --------------------------------------------------------------

    /**
     * Contacts are who to ask and how to reach them through identity, never a raw e-mail or phone: an array of
     * objects ({@code {"role": "завуч", "displayName": "…", "contactRef": "<identity ref>"}}).
     */
    private static JsonNode contactsOf(JsonNode value) {
        JsonNode contacts = array("contacts", value);
        for (int i = 0; i < contacts.size(); i++) {
            if (!contacts.get(i).isObject()) {
                throw ProblemException.invalidField("contacts[" + i + "]", "json-object", "each contact must be a JSON object");
            }
        }
        PersonalDataGuard.refuseIn("contacts", contacts, Strictness.REF_OR_SNAPSHOT);
        return contacts;
    }
}
