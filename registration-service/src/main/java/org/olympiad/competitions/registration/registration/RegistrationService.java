package org.olympiad.competitions.registration.registration;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.GradeRanges;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.gradecategory.GradeCategory;
import org.olympiad.competitions.registration.group.GroupMember;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.participant.ParticipantAccess;
import org.olympiad.competitions.registration.participant.ParticipantDetails;
import org.olympiad.competitions.registration.participation.Admission;
import org.olympiad.competitions.registration.participation.DeliveryMode;
import org.olympiad.competitions.registration.policy.RegistrationPolicy;
import org.olympiad.competitions.registration.policy.RegistrationPolicy.RequiredField;
import org.olympiad.competitions.registration.policy.RegistrationSource;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonService;
import org.olympiad.competitions.registration.season.SeasonStatus;
import org.olympiad.competitions.registration.track.Track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The registration journey: taking a registration from any source under the season's policy, completing it,
 * reviewing it, and turning an approved one into the participant's season and first-tour participation.
 * Each step and its events commit together.
 */
@ApplicationScoped
public class RegistrationService {

    /** Which roles may register under which source. */
    private static final Map<RegistrationSource, Set<String>> SOURCE_ROLES = Map.of(
            RegistrationSource.self, Set.of(Roles.PARTICIPANT),
            RegistrationSource.parent, Set.of(Roles.PARENT),
            RegistrationSource.teacher, Set.of(Roles.TEACHER),
            RegistrationSource.organization, Set.of(Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN),
            RegistrationSource.admin, Set.of(Roles.ORGANIZER, Roles.ADMIN));

    private final Outbox outbox;
    private final Admission admission;
    private final Caller caller;

    public RegistrationService(Outbox outbox, Admission admission, Caller caller) {
        this.outbox = outbox;
        this.admission = admission;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<RegistrationView> create(UUID seasonId, RegistrationRequests.Create request) {
        if (SOURCE_ROLES.get(request.source()).stream().noneMatch(caller::hasRole)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        UUID me = caller.userId();
        RegistrationRequests.Create asked = request.source() == RegistrationSource.self
                ? request.withParticipant(withIdentity(request.participant(), me)) // a student registers themself, as the token says
                : request;
        return SeasonService.require(seasonId).chain(season -> {
            // a new registration's rows and events go out together, table by table, when it is decided
            RegistrationWrites writes = RegistrationWrites.deferred(outbox);
            return register(season, asked, me, Instant.now(), writes).call(writes::write);
        }).map(Registration::view);
    }

    /**
     * Takes one registration under the season's policy, inside the caller's transaction: checks it, finds or creates
     * the participant (a second participant of the same child is held as a duplicate instead), records its events,
     * and submits and approves it as far as the policy allows. The building block of single and bulk registration;
     * the caller has checked who may register under the source.
     */
    public Uni<Registration> register(Season season, RegistrationRequests.Create request, UUID actor, Instant now,
                                      RegistrationWrites writes) {
        return SeasonCatalogue.of(season, request.deliveryPreferences())
                .chain(catalogue -> register(season, catalogue, Twins.IN_DATABASE, request, actor, now, writes));
    }

    /**
     * {@link #register(Season, RegistrationRequests.Create, UUID, Instant)} with the season's catalogue read
     * beforehand and the twins found where the caller says: everything it reads is read before its first write,
     * so the session is not flushed (nor dirty-checked) until the caller's transaction ends, and the writes go out
     * together then. {@code catalogue} must be of this request's track. Its new rows and events go to {@code writes}
     * (held there until the caller writes them, when deferred).
     */
    public Uni<Registration> register(Season season, SeasonCatalogue catalogue, Twins twins,
                                      RegistrationRequests.Create request, UUID actor, Instant now,
                                      RegistrationWrites writes) {
        refusePersonalData(request);
        ParticipantDetails details = request.participant();
        RegistrationPolicy.SourceRule rule = openRuleFor(season, request.source(), now);
        GradeCategory category = catalogue.categoryOf(details.grade());
        if (category == null ? !rule.gradeCategories().isEmpty() : !rule.admitsCategory(category.key)) {
            throw ProblemException.invalidField("participant.grade", "grade-category-admitted-by-policy",
                    "the season's policy does not take " + request.source() + " registrations for grade "
                            + details.grade());
        }
        if (catalogue.trackKey() != null && catalogue.track() == null) {
            throw noSuchTrack(catalogue.trackKey());
        }
        return twins.sameIdentity(season.id, details)
                .chain(twin -> twin != null
                        ? Uni.createFrom().item(new Holder(twin, "a participant with the same identity refs exists in this season"))
                        : twins.likely(season.id, details).chain(likely -> newParticipant(season.id, details, actor,
                                likely == null ? Participant.UNIQUE : Participant.SUSPECTED, writes)
                                .invoke(twins::created)
                                .map(p -> new Holder(p, likely == null ? null : "likely the same child as participant "
                                        + likely.id + " (name, grade and organisation)"))))
                .chain(holder -> {
                    Registration registration = Registration.draft(season.id, holder.participant.id, request, rule, actor);
                    return writes.insert(registration).chain(() -> writes.record(registration.created()))
                            .chain(() -> holder.heldBecause != null
                                    ? writes.record(registration.moveTo(RegistrationStatus.duplicate_hold, holder.heldBecause))
                                    .replaceWith(registration)
                                    : request.submitNow()
                                    // a participant created just now: approval admits it without looking anything up
                                    ? submitAndMaybeApprove(registration, season, holder.participant, category, catalogue, writes)
                                    : recordRequiredFields(registration, rule, holder.participant, category));
                });
    }

    /**
     * An organiser resolves a duplicate hold. Merge: the held participant is the same child as the other one; it
     * becomes merged and all its registrations move to the survivor. Release: it is a different child. Either way
     * the registration goes on to review (and is approved when the policy approves automatically).
     */
    @WithTransaction
    public Uni<RegistrationView> resolveDuplicate(UUID id, RegistrationRequests.DuplicateResolution resolution) {
        return require(id).chain(registration -> {
            if (registration.status != RegistrationStatus.duplicate_hold) {
                throw new org.olympiad.competitions.platform.state.IllegalTransitionException(EntityTypes.REGISTRATION,
                        registration.status, resolution.action() == RegistrationRequests.DuplicateAction.merge
                        ? "merged" : "released");
            }
            return SeasonService.require(registration.seasonId).chain(season -> participantOf(registration)
                    .chain(held -> (resolution.action() == RegistrationRequests.DuplicateAction.merge
                            ? merge(registration, held, resolution)
                            : release(held, resolution.reason()))
                            .chain(participant -> categoryOf(season.id, participant.grade)
                                    .chain(category -> submitAndMaybeApprove(registration, season, participant, category)))));
        }).map(Registration::view);
    }

    private Uni<Participant> merge(Registration registration, Participant held, RegistrationRequests.DuplicateResolution resolution) {
        if (!Participant.SUSPECTED.equals(held.duplicateStatus)) {
            // held for the same identity refs: it already is the existing participant, nothing to merge
            return Uni.createFrom().item(held);
        }
        Uni<Participant> survivor = resolution.intoParticipantId() != null
                ? Participant.<Participant>findById(resolution.intoParticipantId())
                : Participant.<Participant>find("seasonId = ?1 and id <> ?2 and duplicateStatus <> ?3",
                        held.seasonId, held.id, Participant.MERGED).list()
                .map(all -> all.stream().filter(p -> p.likelySameChildAs(new ParticipantDetails(held.displayName, held.grade,
                        null, null, null, held.identityOrganizationId, null, null, null))).findFirst().orElse(null));
        return survivor.chain(into -> {
            if (into == null || !into.seasonId.equals(held.seasonId) || Participant.MERGED.equals(into.duplicateStatus)) {
                throw ProblemException.invalidField("intoParticipantId", "participant-of-season",
                        "name the participant of this season to merge into");
            }
            return outbox.record(held.mergeInto(into, resolution.reason()))
                    .chain(() -> Registration.update("participantId = ?1, updatedAt = ?2 where participantId = ?3",
                            into.id, org.olympiad.competitions.platform.api.Timestamps.now(), held.id))
                    .invoke(() -> registration.participantId = into.id)
                    .chain(() -> moveGroupMemberships(held, into))
                    .replaceWith(into);
        });
    }

    /** Group rows of a merged participant follow the surviving one (or go, where it already is a member). */
    private Uni<Void> moveGroupMemberships(Participant held, Participant into) {
        return GroupMember.<GroupMember>list("participantId", into.id).chain(survivorRows -> {
            java.util.Set<UUID> survivorGroups = survivorRows.stream().map(m -> m.groupId)
                    .collect(java.util.stream.Collectors.toSet());
            return GroupMember.<GroupMember>list("participantId", held.id).chain(rows -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (GroupMember row : rows) {
                    DomainChange change = row.followMerge(into.id, survivorGroups.contains(row.groupId), held.seasonId);
                    chain = chain.chain(() -> outbox.record(change)).replaceWithVoid();
                }
                return chain;
            });
        });
    }

    private Uni<Participant> release(Participant held, String reason) {
        if (!Participant.SUSPECTED.equals(held.duplicateStatus)) {
            throw ProblemException.conflict("action", "different-identity-refs",
                    "the registration names the identity refs of an existing participant: it is the same child; merge it");
        }
        return outbox.record(held.releaseAsUnique(reason)).replaceWith(held);
    }

    @WithTransaction
    public Uni<RegistrationView> submit(UUID id) {
        return requireOwned(id).chain(registration -> SeasonService.require(registration.seasonId)
                .chain(season -> participantOf(registration).chain(participant ->
                        categoryOf(season.id, participant.grade).chain(category -> {
                            openRuleFor(season, registration.source, Instant.now());
                            return submitAndMaybeApprove(registration, season, participant, category);
                        }))))
                .map(Registration::view);
    }

    @WithTransaction
    public Uni<RegistrationView> update(UUID id, RegistrationRequests.Update patch) {
        PersonalDataGuard.refuseIn("grade", patch.grade(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("teacherNameText", patch.teacherNameText(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("parentContactRef", patch.parentContactRef(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("officialDataRef", patch.officialDataRef(), Strictness.REF_OR_SNAPSHOT);
        return requireOwned(id).chain(registration -> {
            if (!Registration.EDITABLE.contains(registration.status)) {
                throw ProblemException.lockedIn(EntityTypes.REGISTRATION, registration.status, "edited by the registrant");
            }
            return SeasonService.require(registration.seasonId).chain(season -> participantOf(registration)
                    .chain(participant -> applyPatch(registration, participant, patch, season)));
        }).map(Registration::view);
    }

    /** An organiser's moves: review, approve, reject, send back for completion, cancel; the registrant may cancel. */
    @WithTransaction
    public Uni<RegistrationView> transition(UUID id, RegistrationRequests.Transition request) {
        boolean organiser = caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
        if (!organiser && request.to() != RegistrationStatus.cancelled) {
            throw new io.quarkus.security.ForbiddenException();
        }
        Uni<Registration> found = organiser ? require(id) : requireOwned(id);
        return found.chain(registration -> {
            if (request.to() == RegistrationStatus.approved) {
                return SeasonService.require(registration.seasonId).chain(season -> participantOf(registration)
                        .chain(participant -> approve(registration, season, participant, request.reason())));
            }
            return outbox.record(registration.moveTo(request.to(), request.reason())).replaceWith(registration);
        }).map(Registration::view);
    }

    /**
     * Collecting the package (incomplete, needs_verification) is the registrant's or an organiser's; verifying it
     * (confirmed, rejected) an organiser's. A confirmed package lets a waiting registration through: it is approved
     * at once when the policy approves automatically.
     */
    @WithTransaction
    public Uni<RegistrationView> moveOfficialDataPackage(UUID id, RegistrationRequests.OfficialDataPackageTransition request) {
        PersonalDataGuard.refuseIn("officialDataRef", request.officialDataRef(), Strictness.REF_OR_SNAPSHOT);
        boolean organiser = caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
        boolean verifying = request.to() == OfficialDataPackageStatus.confirmed || request.to() == OfficialDataPackageStatus.rejected;
        if (verifying && !organiser) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return (organiser ? require(id) : requireOwned(id)).chain(registration -> {
            if (registration.status == RegistrationStatus.rejected || registration.status == RegistrationStatus.cancelled) {
                throw ProblemException.lockedIn(EntityTypes.REGISTRATION, registration.status, "given official data");
            }
            DomainChange change = registration.moveOfficialDataPackage(request.to(), request.officialDataRef(),
                    caller.userId(), request.reason());
            return outbox.record(change).chain(() -> SeasonService.require(registration.seasonId)).chain(season -> {
                RegistrationPolicy.SourceRule rule = season.registrationPolicy().ruleFor(registration.source);
                boolean waiting = registration.status == RegistrationStatus.submitted
                        || registration.status == RegistrationStatus.pending_review;
                if (request.to() == OfficialDataPackageStatus.confirmed && waiting && rule != null
                        && rule.approval() == RegistrationPolicy.Approval.automatic) {
                    return participantOf(registration).chain(p -> approve(registration, season, p,
                            "approved automatically once the official data package was confirmed"));
                }
                return Uni.createFrom().item(registration);
            });
        }).map(Registration::view);
    }

    @WithSession
    public Uni<RegistrationView> get(UUID id) {
        return requireVisible(id).map(Registration::view);
    }

    @WithSession
    public Uni<Page<RegistrationView>> listOfSeason(UUID seasonId, RegistrationStatus status, RegistrationSource source,
                                                   PageRequest page) {
        StringBuilder where = new StringBuilder("seasonId = :seasonId");
        Parameters params = Parameters.with("seasonId", seasonId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (source != null) {
            where.append(" and source = :source");
            params.and("source", source);
        }
        return SeasonService.require(seasonId).chain(season -> Page.of(
                Registration.<Registration>find(where.toString(), Sort.by("createdAt").and("id"), params), page, Registration::view));
    }

    /**
     * The caller's registrations: the ones they submitted, the ones of the participant they are, and those of the
     * participants an approved access claim links them to (a parent's children).
     */
    @WithSession
    public Uni<Page<RegistrationView>> mine(PageRequest page) {
        UUID me = caller.userId();
        return Page.of(Registration.<Registration>find(
                "submittedByUserId = ?1 or participantId in (select p.id from Participant p where p.identityUserId = ?1) "
                        + "or participantId in (select c.participantId from AccessClaim c where c.requesterUserId = ?1 "
                        + "and c.status = ?2)",
                Sort.by("createdAt").descending().and("id"), me,
                org.olympiad.competitions.registration.accessclaim.AccessClaimStatus.approved), page, Registration::view);
    }

    // ---- the steps -------------------------------------------------------------------------------------------

    private Uni<Registration> submitAndMaybeApprove(Registration registration, Season season, Participant participant,
                                                    GradeCategory category) {
        return submitAndMaybeApprove(registration, season, participant, category, null, RegistrationWrites.immediate(outbox));
    }

    /** {@code newParticipantIn}: the participant was created in this transaction, and this is its season's catalogue. */
    private Uni<Registration> submitAndMaybeApprove(Registration registration, Season season, Participant participant,
                                                    GradeCategory category, SeasonCatalogue newParticipantIn,
                                                    RegistrationWrites writes) {
        RegistrationPolicy.SourceRule rule = season.registrationPolicy().ruleFor(registration.source);
        boolean complete = registration.recordRequiredFields(rule.requiredFields(), missing(rule, registration, participant, category));
        return writes.record(registration.submit(complete)).chain(() -> {
            boolean waitsForData = rule.officialDataPackage().approvalWaitsForIt()
                    && registration.officialDataPackageStatus != OfficialDataPackageStatus.confirmed;
            if (complete && rule.approval() == RegistrationPolicy.Approval.automatic && !waitsForData) {
                return approve(registration, season, participant, "approved automatically by the season's policy",
                        newParticipantIn, writes);
            }
            return Uni.createFrom().item(registration);
        });
    }

    private Uni<Registration> recordRequiredFields(Registration registration, RegistrationPolicy.SourceRule rule,
                                                   Participant participant, GradeCategory category) {
        registration.recordRequiredFields(rule.requiredFields(), missing(rule, registration, participant, category));
        return Uni.createFrom().item(registration);
    }

    private Uni<Registration> approve(Registration registration, Season season, Participant participant, String reason) {
        return approve(registration, season, participant, reason, null, RegistrationWrites.immediate(outbox));
    }

    private Uni<Registration> approve(Registration registration, Season season, Participant participant, String reason,
                                      SeasonCatalogue newParticipantIn, RegistrationWrites writes) {
        if (season.status != SeasonStatus.registration_open && season.status != SeasonStatus.running) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, season.status, "approving registrations");
        }
        registration.requireOfficialDataFor(season.registrationPolicy().ruleFor(registration.source));
        DomainChange approved = registration.moveTo(RegistrationStatus.approved, reason);
        if (Participant.NOT_CHECKED.equals(participant.duplicateStatus)) {
            participant.duplicateStatus = Participant.UNIQUE;
        }
        DeliveryPreferences preferences = registration.deliveryPreferences();
        java.util.function.Function<Track, Admission.Request> admitting = track -> new Admission.Request(season.id,
                participant.id, registration.id, season.feePolicy().payableBy(registration.source),
                preferences.mode() == null ? DeliveryMode.online : preferences.mode(),
                track == null ? null : track.id, preferences.venueId());
        if (newParticipantIn != null) {
            return writes.record(approved)
                    .chain(() -> admission.admitNew(admitting.apply(newParticipantIn.track()),
                            newParticipantIn.firstAdmittingTour(), writes))
                    .replaceWith(registration);
        }
        return writes.record(approved)
                .chain(() -> trackOf(season.id, preferences))
                .chain(track -> admission.admit(admitting.apply(track), writes))
                .replaceWith(registration);
    }

    private Uni<Registration> applyPatch(Registration registration, Participant participant,
                                         RegistrationRequests.Update patch, Season season) {
        RegistrationView before = registration.view();
        if (patch.grade() != null) {
            participant.grade = patch.grade().strip();
        }
        if (patch.identityOrganizationId() != null) {
            participant.identityOrganizationId = patch.identityOrganizationId();
        }
        if (patch.deliveryPreferences() != null) {
            registration.deliveryPreferences = org.olympiad.competitions.contracts.EventJson.mapper()
                    .valueToTree(patch.deliveryPreferences());
        }
        if (patch.teacherNameText() != null) {
            registration.teacherNameText = patch.teacherNameText().strip();
        }
        if (patch.parentContactRef() != null) {
            registration.parentContactRef = patch.parentContactRef();
        }
        if (patch.officialDataRef() != null) {
            registration.officialDataRef = patch.officialDataRef();
            if (registration.officialDataPackageRequired) {
                registration.officialDataPackageStatus = OfficialDataPackageStatus.needs_verification;
                registration.officialDataCollectedByUserId = caller.userId();
                registration.officialDataCollectedAt = org.olympiad.competitions.platform.api.Timestamps.now();
            }
        }
        RegistrationPolicy.SourceRule rule = season.registrationPolicy().ruleFor(registration.source);
        return trackOf(season.id, registration.deliveryPreferences())
                .chain(track -> categoryOf(season.id, participant.grade))
                .chain(category -> {
                    boolean complete = registration.recordRequiredFields(
                            rule == null ? List.of() : rule.requiredFields(),
                            rule == null ? List.of() : missing(rule, registration, participant, category));
                    registration.updatedAt = org.olympiad.competitions.platform.api.Timestamps.now();
                    Uni<Void> updated = outbox.record(DomainChange.of(
                            org.olympiad.competitions.contracts.EventTypes.REGISTRATION_UPDATED, EntityTypes.REGISTRATION,
                            registration.id, registration.seasonId, before, registration.view(), null)).replaceWithVoid();
                    // completing what was asked for sends it straight on to review
                    if (complete && registration.status == RegistrationStatus.needs_completion) {
                        return updated.chain(() -> submitAndMaybeApprove(registration, season, participant, category));
                    }
                    return updated.replaceWith(registration);
                });
    }

    /** What the policy requires and the registration does not yet have. */
    static List<RequiredField> missing(RegistrationPolicy.SourceRule rule, Registration registration,
                                       Participant participant, GradeCategory category) {
        DeliveryPreferences preferences = registration.deliveryPreferences();
        List<RequiredField> missing = new ArrayList<>();
        for (RequiredField field : rule.requiredFields()) {
            boolean given = switch (field) {
                case grade -> participant.grade != null && !participant.grade.isBlank();
                case gradeCategory -> category != null;
                case deliveryMode -> preferences.mode() != null;
                case teacherName -> registration.teacherNameText != null && !registration.teacherNameText.isBlank();
                case parentContact -> registration.parentContactRef != null && !registration.parentContactRef.isEmpty();
                case organization -> participant.identityOrganizationId != null;
                case track -> preferences.trackKey() != null;
            };
            if (!given) {
                missing.add(field);
            }
        }
        return missing;
    }

    // ---- lookups ---------------------------------------------------------------------------------------------

    private static RegistrationPolicy.SourceRule openRuleFor(Season season, RegistrationSource source, Instant now) {
        if (season.status != SeasonStatus.registration_open) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, season.status, "taking registrations");
        }
        RegistrationPolicy.SourceRule rule = season.registrationPolicy().ruleFor(source);
        if (rule == null) {
            throw ProblemException.invalidField("source", "allowed-by-policy",
                    "the season's policy does not take " + source + " registrations");
        }
        if (!rule.isOpenAt(now)) {
            throw ProblemException.conflict("source", "inside-registration-window",
                    "the registration window for " + source + " registrations is closed");
        }
        return rule;
    }

    /** The season's grade category whose grade range holds the grade ({@code 7}, {@code 7-8}, {@code 5,6}). */
    static Uni<GradeCategory> categoryOf(UUID seasonId, String grade) {
        if (grade == null || grade.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return GradeCategory.<GradeCategory>find("seasonId", Sort.by("key"), seasonId).list()
                .map(categories -> categories.stream().filter(c -> GradeRanges.holds(c.gradeRangeKey, c.key, grade.strip()))
                        .findFirst().orElse(null));
    }

    private static Uni<Track> trackOf(UUID seasonId, DeliveryPreferences preferences) {
        if (preferences == null || preferences.trackKey() == null) {
            return Uni.createFrom().nullItem();
        }
        return Track.<Track>find("seasonId = ?1 and key = ?2", seasonId, preferences.trackKey()).firstResult()
                .onItem().ifNull().failWith(() -> noSuchTrack(preferences.trackKey()));
    }

    private static ProblemException noSuchTrack(String trackKey) {
        return ProblemException.invalidField("deliveryPreferences.trackKey", "existing-track",
                "the season has no track " + trackKey);
    }

    private Uni<Participant> newParticipant(UUID seasonId, ParticipantDetails details, UUID createdBy, String duplicateStatus,
                                            RegistrationWrites writes) {
        if (details.organizationStudentId() != null && details.identityOrganizationId() == null) {
            throw ProblemException.invalidField("participant.identityOrganizationId", "required-with-organization-student",
                    "an organisation's student is registered with the organisation's identity id");
        }
        Participant participant = Participant.of(seasonId, details, createdBy);
        participant.duplicateStatus = duplicateStatus;
        return writes.insert(participant).chain(() -> writes.record(participant.created())).replaceWith(participant);
    }

    private static Uni<Participant> participantOf(Registration registration) {
        return Participant.<Participant>findById(registration.participantId);
    }

    private static Uni<Registration> require(UUID id) {
        return Registration.<Registration>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.REGISTRATION, id));
    }

    /**
     * The registration when the caller may act on it: they submitted it, or may act for its participant (the child,
     * an approved claimant, an organiser). For anyone else it does not exist.
     */
    private Uni<Registration> requireOwned(UUID id) {
        return requireAllowed(id, ParticipantAccess::mayActFor);
    }

    /** The registration when the caller may see it: as {@link #requireOwned}, and a linked teacher. */
    private Uni<Registration> requireVisible(UUID id) {
        return requireAllowed(id, ParticipantAccess::maySee);
    }

    private Uni<Registration> requireAllowed(UUID id, java.util.function.BiFunction<Caller, Participant, Uni<Boolean>> rule) {
        UUID me = caller.userId();
        return require(id).chain(registration -> participantOf(registration)
                .chain(participant -> me != null && me.equals(registration.submittedByUserId)
                        ? Uni.createFrom().item(true)
                        : rule.apply(caller, participant))
                .map(allowed -> {
                    if (!allowed) {
                        throw ProblemException.notFound(EntityTypes.REGISTRATION, id);
                    }
                    return registration;
                }));
    }

    /** A participant's registrations, for whoever may see the participant. */
    @WithSession
    public Uni<Page<RegistrationView>> ofParticipant(UUID participantId, PageRequest page) {
        return Participant.<Participant>findById(participantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.PARTICIPANT, participantId))
                .chain(participant -> ParticipantAccess.maySee(caller, participant).chain(allowed -> {
                    if (!allowed) {
                        throw ProblemException.notFound(EntityTypes.PARTICIPANT, participantId);
                    }
                    return Page.of(Registration.<Registration>find("participantId", Sort.by("createdAt").descending().and("id"),
                            participantId), page, Registration::view);
                }));
    }

    private static void refusePersonalData(RegistrationRequests.Create request) {
        PersonalDataGuard.refuseIn("participant.displayName", request.participant().displayName(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("participant.grade", request.participant().grade(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("participant.organizationStudentSnapshot",
                request.participant().organizationStudentSnapshot(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("teacherNameText", request.teacherNameText(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("parentContactRef", request.parentContactRef(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("parentInviteRef", request.parentInviteRef(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("officialDataRef", request.officialDataRef(), Strictness.REF_OR_SNAPSHOT);
    }

    private static ParticipantDetails withIdentity(ParticipantDetails d, UUID identityUserId) {
        return new ParticipantDetails(d.displayName(), d.grade(), identityUserId, d.studentProfileId(),
                d.organizationStudentId(), d.identityOrganizationId(), d.organizationMembershipId(),
                d.organizationStudentSnapshot(), d.childModeRequired());
    }

    /** The participant a registration gets, and why it is held as a duplicate (null when it is not). */
    private record Holder(Participant participant, String heldBecause) {
    }
}
