package org.olympiad.competitions.venue.venue;

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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonArrayColumn;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.venue.application.VenueApplicationView;
import org.olympiad.competitions.venue.application.VenueFields;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.venue.venue.VenueStatus.*;

/**
 * A venue of a season ({@code competition_venues}), made from an approved venue application.
 *
 * <p>{@code current_assignment_count} is never written from here: only the seat statements of {@code Seats} change
 * it, each a single conditional UPDATE, so that a stale copy of this entity can never overwrite a count (the column
 * is neither insertable nor updatable, and updates write only changed columns).
 */
@Entity
@Table(name = "competition_venues")
@DynamicUpdate
public class Venue extends PanacheEntityBase {

    /**
     * draft → approved | rejected; approved → active → registration_open ⇄ closed_for_selection → running → archived
     * (registration_open → running too). active, registration_open and closed_for_selection may be suspended and
     * come back as active. Cancelled from anywhere before running ends; archived, cancelled and rejected are final.
     */
    public static final StateMachine<VenueStatus> LIFECYCLE = StateMachine.of(EntityTypes.VENUE, VenueStatus.class)
            .allow(draft, approved)
            .allow(draft, rejected)
            .path(approved, active, registration_open, closed_for_selection, running, archived)
            .allow(closed_for_selection, registration_open)
            .allow(registration_open, running)
            .allow(active, suspended)
            .allow(registration_open, suspended)
            .allow(closed_for_selection, suspended)
            .allow(suspended, active)
            .fromAllExcept(cancelled, EnumSet.of(archived, rejected))
            .build();

    private static final Map<VenueStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            approved, EventTypes.VENUE_CREATED,
            rejected, EventTypes.VENUE_REJECTED,
            active, EventTypes.VENUE_ACTIVATED,
            registration_open, EventTypes.VENUE_REGISTRATION_OPENED,
            closed_for_selection, EventTypes.VENUE_CLOSED_FOR_SELECTION,
            running, EventTypes.VENUE_STARTED,
            suspended, EventTypes.VENUE_SUSPENDED,
            cancelled, EventTypes.VENUE_CANCELLED,
            archived, EventTypes.VENUE_ARCHIVED);

    /** Statuses in which the public listing may show the venue (given a visibility other than hidden). */
    public static final EnumSet<VenueStatus> LISTED = EnumSet.of(active, registration_open, closed_for_selection, running);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "competition_organization_id")
    public UUID competitionOrganizationId;

    @Column(name = "venue_application_id")
    public UUID venueApplicationId;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode address;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "geo_point", columnDefinition = "jsonb")
    public JsonNode geoPoint;

    public Integer capacity;

    @Column(name = "current_assignment_count", nullable = false, insertable = false, updatable = false)
    public int currentAssignmentCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "public_visibility", nullable = false)
    public PublicVisibility publicVisibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "official_status", nullable = false)
    public OfficialStatus officialStatus;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VenueStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The venue an approved application makes: its address, point, capacity and rules; approved, hidden. */
    public static Venue fromApplication(VenueApplicationView application) {
        Venue v = new Venue();
        v.seasonId = application.seasonId();
        v.competitionOrganizationId = application.competitionOrganizationId();
        v.venueApplicationId = application.id();
        v.title = application.title();
        v.address = application.address();
        v.geoPoint = application.geoPoint();
        v.capacity = application.capacityTotal();
        v.publicVisibility = PublicVisibility.hidden;
        v.officialStatus = OfficialStatus.not_official;
        v.accessRules = application.accessRules();
        v.requiredDocuments = application.requiredDocuments();
        v.guardianPolicy = application.guardianPolicy();
        v.facilityRules = application.facilityRules();
        v.technicalCapabilities = application.technicalCapabilities();
        v.participantPublicComment = application.participantPublicComment();
        v.adminInternalComment = application.adminInternalComment();
        v.status = approved;
        v.createdAt = Timestamps.now();
        return v;
    }

    public DomainChange created() {
        return DomainChange.of(EventTypes.VENUE_CREATED, EntityTypes.VENUE, id, seasonId, null, view(), null);
    }

    DomainChange update(VenueRequests.Update patch) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.VENUE, status, "changed");
        }
        VenueView before = view();
        if (patch.title() != null) {
            title = VenueFields.text("title", patch.title());
        }
        if (patch.address() != null) {
            address = VenueFields.object("address", patch.address());
        }
        if (patch.geoPoint() != null) {
            geoPoint = VenueFields.geoPoint(patch.geoPoint());
        }
        if (patch.publicVisibility() != null) {
            publicVisibility = patch.publicVisibility();
        }
        if (patch.officialStatus() != null) {
            officialStatus = patch.officialStatus();
        }
        if (patch.accessRules() != null) {
            accessRules = VenueFields.object("accessRules", patch.accessRules());
        }
        if (patch.requiredDocuments() != null) {
            requiredDocuments = VenueFields.array("requiredDocuments", patch.requiredDocuments());
        }
        if (patch.guardianPolicy() != null) {
            guardianPolicy = VenueFields.object("guardianPolicy", patch.guardianPolicy());
        }
        if (patch.facilityRules() != null) {
            facilityRules = VenueFields.object("facilityRules", patch.facilityRules());
        }
        if (patch.technicalCapabilities() != null) {
            technicalCapabilities = VenueFields.object("technicalCapabilities", patch.technicalCapabilities());
        }
        if (patch.participantPublicComment() != null) {
            participantPublicComment = VenueFields.text("participantPublicComment", patch.participantPublicComment());
        }
        if (patch.adminInternalComment() != null) {
            adminInternalComment = VenueFields.text("adminInternalComment", patch.adminInternalComment());
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        return DomainChange.of(EventTypes.VENUE_UPDATED, EntityTypes.VENUE, id, seasonId, before, view(), null);
    }

    DomainChange moveTo(VenueStatus target, String reason) {
        if ((target == cancelled || target == suspended) && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-" + (target == cancelled ? "cancel" : "suspend"),
                    "a venue is " + target + " only with a reason");
        }
        if (target == registration_open && capacity == null) {
            throw ProblemException.invalidField("capacity", "required-to-open", "a venue without a capacity takes no seats");
        }
        VenueView before = view();
        status = LIFECYCLE.require(status, target);
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.VENUE, id, seasonId, before, view(), reason);
    }

    /**
     * Records a capacity change against the current assignments (read under the venue's row lock): applied when
     * the new capacity holds them, otherwise recorded as {@code requires_admin_process} and the capacity stays.
     */
    VenueCapacityChange changeCapacity(int newCapacity, String reason, UUID actor) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.VENUE, status, "given a new capacity");
        }
        VenueCapacityChange change = new VenueCapacityChange();
        change.venueId = id;
        change.oldCapacity = capacity;
        change.newCapacity = newCapacity;
        change.currentAssignmentCount = currentAssignmentCount;
        change.reason = reason == null ? null : VenueFields.text("reason", reason);
        change.actorUserId = actor;
        change.createdAt = Timestamps.now();
        if (newCapacity >= currentAssignmentCount) {
            change.status = CapacityChangeStatus.applied;
            capacity = newCapacity;
        } else {
            change.status = CapacityChangeStatus.requires_admin_process;
        }
        return change;
    }

    /**
     * Takes the capacity of a change that waited for the admin process, once the participants are moved: the new
     * capacity must hold the assignments that stand (read under the venue's row lock). Returns the capacity it
     * replaces.
     */
    Integer applyCapacity(int newCapacity) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.VENUE, status, "given a new capacity");
        }
        if (currentAssignmentCount > newCapacity) {
            throw ProblemException.conflict("newCapacity", "holds-current-assignments", "the venue holds "
                    + currentAssignmentCount + " seats; " + (currentAssignmentCount - newCapacity)
                    + " participants must move before its capacity can become " + newCapacity);
        }
        Integer old = capacity;
        capacity = newCapacity;
        return old;
    }

    DomainChange capacityChanged(VenueView before, String reason) {
        return DomainChange.of(EventTypes.VENUE_CAPACITY_CHANGED, EntityTypes.VENUE, id, seasonId, before, view(), reason);
    }

    /** Seats are taken only while a venue is open for selection. */
    public static boolean takesSeats(VenueStatus status) {
        return status == registration_open;
    }

    public VenueView view() {
        return new VenueView(id, seasonId, competitionOrganizationId, venueApplicationId, title, address, geoPoint, capacity,
                currentAssignmentCount, publicVisibility, officialStatus, accessRules, requiredDocuments, guardianPolicy,
                facilityRules, technicalCapabilities, participantPublicComment, adminInternalComment, status, createdAt);
    }
}
