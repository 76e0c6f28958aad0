package org.olympiad.competitions.registration.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.registration.policy.RegistrationPolicy;
import org.olympiad.competitions.registration.policy.RegistrationSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.registration.registration.RegistrationStatus.*;

/**
 * One registration of a participant for a season ({@code competition_registrations}), by any source. Its status
 * moves along {@link #LIFECYCLE}; its stage follows from the status: what is still being filled in, what waits
 * for details, what is ready for review, and what is complete.
 */
@Entity
@Table(name = "competition_registrations")
public class Registration extends PanacheEntityBase {

    /**
     * draft → pre_submitted → (needs_completion ⇄) submitted → pending_review → approved; rejected and cancelled
     * (with a reason) along the way; duplicate_hold when it would make a second participant of one child, until
     * an organiser resolves it. An approved registration can still be cancelled (the child withdraws).
     */
    public static final StateMachine<RegistrationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.REGISTRATION, RegistrationStatus.class)
                    .allow(draft, pre_submitted).allow(draft, needs_completion).allow(draft, submitted)
                    .allow(pre_submitted, needs_completion).allow(pre_submitted, submitted)
                    .allow(needs_completion, submitted)
                    .allow(submitted, pending_review).allow(submitted, needs_completion).allow(submitted, approved)
                    .allow(submitted, rejected)
                    .allow(pending_review, approved).allow(pending_review, rejected).allow(pending_review, needs_completion)
                    .allow(duplicate_hold, submitted).allow(duplicate_hold, needs_completion).allow(duplicate_hold, rejected)
                    .fromAllExcept(duplicate_hold, EnumSet.of(approved, rejected, cancelled, needs_completion))
                    .fromAllExcept(cancelled, EnumSet.of(rejected))
                    .build();

    private static final Map<RegistrationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            pre_submitted, EventTypes.REGISTRATION_PRE_SUBMITTED,
            submitted, EventTypes.REGISTRATION_SUBMITTED,
            needs_completion, EventTypes.REGISTRATION_COMPLETION_REQUESTED,
            pending_review, EventTypes.REGISTRATION_REVIEW_STARTED,
            approved, EventTypes.REGISTRATION_APPROVED,
            rejected, EventTypes.REGISTRATION_REJECTED,
            cancelled, EventTypes.REGISTRATION_CANCELLED,
            duplicate_hold, EventTypes.REGISTRATION_HELD_AS_DUPLICATE);

    /**
     * The official data package (ГИР), of which only the status and a ref are kept here: not_filled → incomplete →
     * needs_verification → confirmed / rejected; a rejected package is collected again; not_required never moves.
     */
    public static final StateMachine<OfficialDataPackageStatus> OFFICIAL_DATA_PACKAGE =
            StateMachine.of("official data package", OfficialDataPackageStatus.class)
                    .allow(OfficialDataPackageStatus.not_filled, OfficialDataPackageStatus.incomplete)
                    .allow(OfficialDataPackageStatus.not_filled, OfficialDataPackageStatus.needs_verification)
                    .allow(OfficialDataPackageStatus.incomplete, OfficialDataPackageStatus.needs_verification)
                    .allow(OfficialDataPackageStatus.needs_verification, OfficialDataPackageStatus.confirmed)
                    .allow(OfficialDataPackageStatus.needs_verification, OfficialDataPackageStatus.rejected)
                    .allow(OfficialDataPackageStatus.needs_verification, OfficialDataPackageStatus.incomplete)
                    .allow(OfficialDataPackageStatus.rejected, OfficialDataPackageStatus.needs_verification)
                    .allow(OfficialDataPackageStatus.rejected, OfficialDataPackageStatus.incomplete)
                    .build();

    /** While the registrant may still change the details. */
    static final EnumSet<RegistrationStatus> EDITABLE = EnumSet.of(draft, pre_submitted, needs_completion);

    /** Assigned when the row is made (not by Hibernate at persist): its events name it before it is stored. */
    @Id
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "learning_workspace_id")
    public UUID learningWorkspaceId;

    @Column(name = "learning_group_id")
    public UUID learningGroupId;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_registration_status")
    public RegistrationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationSource source;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "required_fields_status", nullable = false, columnDefinition = "jsonb")
    public JsonNode requiredFieldsStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "delivery_preferences", nullable = false, columnDefinition = "jsonb")
    public JsonNode deliveryPreferences;

    @Column(name = "teacher_name_text")
    public String teacherNameText;

    @Column(name = "official_data_package_required", nullable = false)
    public boolean officialDataPackageRequired;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "official_data_package_status", nullable = false,
            columnDefinition = "competition_official_data_package_status")
    public OfficialDataPackageStatus officialDataPackageStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "official_data_ref", columnDefinition = "jsonb")
    public JsonNode officialDataRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "parent_contact_ref", columnDefinition = "jsonb")
    public JsonNode parentContactRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "parent_invite_ref", columnDefinition = "jsonb")
    public JsonNode parentInviteRef;

    @Column(name = "official_data_collected_by_user_id")
    public UUID officialDataCollectedByUserId;

    @Column(name = "official_data_collected_at")
    public Instant officialDataCollectedAt;

    @Column(name = "official_data_verified_by_user_id")
    public UUID officialDataVerifiedByUserId;

    @Column(name = "official_data_verified_at")
    public Instant officialDataVerifiedAt;

    @Column(name = "submitted_by_user_id")
    public UUID submittedByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Registration draft(UUID seasonId, UUID participantId, RegistrationRequests.Create request,
                              RegistrationPolicy.SourceRule rule, UUID submittedBy) {
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.seasonId = seasonId;
        r.participantId = participantId;
        r.groupId = request.groupId();
        r.learningWorkspaceId = request.learningWorkspaceId();
        r.learningGroupId = request.learningGroupId();
        r.status = draft;
        r.stage = RegistrationStage.pre_registration;
        r.source = request.source();
        r.deliveryPreferences = EventJson.mapper().valueToTree(
                request.deliveryPreferences() == null ? DeliveryPreferences.NONE : request.deliveryPreferences());
        r.teacherNameText = request.teacherNameText();
        r.parentContactRef = request.parentContactRef();
        r.parentInviteRef = request.parentInviteRef();
        r.officialDataRef = request.officialDataRef();
        r.officialDataPackageRequired = rule.officialDataPackage().required();
        r.officialDataPackageStatus = !r.officialDataPackageRequired ? OfficialDataPackageStatus.not_required
                : r.officialDataRef == null ? OfficialDataPackageStatus.not_filled
                : OfficialDataPackageStatus.needs_verification;
        if (r.officialDataRef != null && r.officialDataPackageRequired) {
            r.officialDataCollectedByUserId = submittedBy;
            r.officialDataCollectedAt = Timestamps.now();
        }
        r.submittedByUserId = submittedBy;
        r.requiredFieldsStatus = JsonNodeFactory.instance.objectNode();
        r.createdAt = Timestamps.now();
        r.updatedAt = r.createdAt;
        return r;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.REGISTRATION_CREATED, EntityTypes.REGISTRATION, id, seasonId, null, view(), null);
    }

    DeliveryPreferences deliveryPreferences() {
        return EventJson.mapper().convertValue(deliveryPreferences, DeliveryPreferences.class);
    }

    /** Records which required fields are given and which are missing; true when none is missing. */
    boolean recordRequiredFields(List<RegistrationPolicy.RequiredField> required, List<RegistrationPolicy.RequiredField> missing) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        ArrayNode requiredNode = status.putArray("required");
        required.forEach(f -> requiredNode.add(f.name()));
        ArrayNode missingNode = status.putArray("missing");
        missing.forEach(f -> missingNode.add(f.name()));
        status.put("complete", missing.isEmpty());
        if (officialDataPackageRequired) {
            status.put("officialDataPackage", officialDataPackageStatus.name());
        }
        requiredFieldsStatus = status;
        return missing.isEmpty();
    }

    /** Sends the registration on: submitted when nothing required is missing, otherwise back for completion. */
    DomainChange submit(boolean complete) {
        return moveTo(complete ? submitted : needs_completion, null);
    }

    DomainChange moveTo(RegistrationStatus target, String reason) {
        if ((target == rejected || target == cancelled) && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-" + (target == rejected ? "reject" : "cancel"),
                    "a " + (target == rejected ? "rejection" : "cancellation") + " needs a reason");
        }
        RegistrationView before = view();
        status = LIFECYCLE.require(status, target);
        stage = stageOf(target, stage);
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.REGISTRATION, id, seasonId, before, view(), reason);
    }

    /**
     * Moves the official data package. Collecting (incomplete, needs_verification) records who collected it and
     * the new ref; verifying (confirmed, rejected) records who verified it. Only refs are ever stored.
     */
    DomainChange moveOfficialDataPackage(OfficialDataPackageStatus target, JsonNode ref, UUID actor, String reason) {
        if (target == OfficialDataPackageStatus.rejected && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-reject", "a rejected package needs a reason");
        }
        RegistrationView before = view();
        officialDataPackageStatus = OFFICIAL_DATA_PACKAGE.require(officialDataPackageStatus, target);
        Instant now = Timestamps.now();
        if (target == OfficialDataPackageStatus.incomplete || target == OfficialDataPackageStatus.needs_verification) {
            if (ref != null) {
                officialDataRef = ref;
            }
            if (target == OfficialDataPackageStatus.needs_verification && officialDataRef == null) {
                throw ProblemException.invalidField("officialDataRef", "required-for-verification",
                        "a package goes to verification with the ref of its data in identity");
            }
            officialDataCollectedByUserId = actor;
            officialDataCollectedAt = now;
        } else {
            officialDataVerifiedByUserId = actor;
            officialDataVerifiedAt = now;
        }
        if (requiredFieldsStatus instanceof ObjectNode fields && fields.has("officialDataPackage")) {
            fields.put("officialDataPackage", target.name());
        }
        updatedAt = now;
        return DomainChange.of(EventTypes.REGISTRATION_OFFICIAL_DATA_PACKAGE_CHANGED, EntityTypes.REGISTRATION, id,
                seasonId, before, view(), reason);
    }

    /** Approval may wait for the official data package when the policy says so. */
    void requireOfficialDataFor(RegistrationPolicy.SourceRule rule) {
        if (rule != null && rule.officialDataPackage().approvalWaitsForIt()
                && officialDataPackageStatus != OfficialDataPackageStatus.confirmed) {
            throw ProblemException.conflict("officialDataPackageStatus", "confirmed-before-approval",
                    "the season's policy approves only with a confirmed official data package; it is "
                            + officialDataPackageStatus);
        }
    }

    private static RegistrationStage stageOf(RegistrationStatus status, RegistrationStage current) {
        return switch (status) {
            case draft, pre_submitted -> RegistrationStage.pre_registration;
            case needs_completion -> RegistrationStage.details_required;
            case submitted, pending_review, duplicate_hold -> RegistrationStage.ready_for_review;
            case approved -> RegistrationStage.complete;
            case rejected, cancelled -> current;
        };
    }

    public RegistrationView view() {
        return new RegistrationView(id, seasonId, participantId, groupId, learningWorkspaceId, learningGroupId, status,
                stage, source, requiredFieldsStatus, deliveryPreferences, teacherNameText, officialDataPackageRequired,
                officialDataPackageStatus, officialDataRef, parentContactRef, parentInviteRef, submittedByUserId,
                createdAt, updatedAt);
    }
}
