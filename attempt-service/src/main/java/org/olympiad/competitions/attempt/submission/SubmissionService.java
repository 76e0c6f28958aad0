package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.attempt.activity.ActivityBinding;
import org.olympiad.competitions.attempt.activity.ActivityService;
import org.olympiad.competitions.attempt.activity.TaskItem;
import org.olympiad.competitions.attempt.checking.AutoCheck;
import org.olympiad.competitions.attempt.checking.CheckingProgress;
import org.olympiad.competitions.attempt.projection.People;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.attempt.projection.ProjectedTourParticipation;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/**
 * Attempts: start, save answers item by item, submit, upload scans, void. Who may act is decided per submission:
 * the participant themself (their identity user is the caller), a helper of their group with the role the action
 * needs ({@code answers_entry} for answers, {@code file_upload} for scans), and organisers only to read and void.
 */
@ApplicationScoped
public class SubmissionService {

    static final String ANSWERS_ENTRY = "answers_entry";
    static final String FILE_UPLOAD = "file_upload";

    private final Outbox outbox;
    private final Caller caller;
    private final People people;
    private final AutoCheck autoCheck;

    public SubmissionService(Outbox outbox, Caller caller, People people, AutoCheck autoCheck) {
        this.outbox = outbox;
        this.caller = caller;
        this.people = people;
        this.autoCheck = autoCheck;
    }

    /** A started attempt and whether this call started it (false: it was already started). */
    public record Started(SubmissionView submission, boolean created) {
    }

    /** One saved answer as its author sees it. */
    public record AnswerView(UUID taskItemId, JsonNode answer, int version, String savedAt) {
    }

    /** A task as a participant sees it: never its answer key. */
    public record TaskView(UUID id, int taskNumber, String displayTitle, java.math.BigDecimal maxScore,
                           JsonNode lmsActivityItemRef) {
    }

    /** A submission with its tasks, answers, files and how far its check has come (scores for organisers only). */
    public record SubmissionDetails(SubmissionView submission, UUID participantId, UUID tourId, List<TaskView> tasks,
                                    List<AnswerView> answers, List<SubmissionFile.SubmissionFileView> files,
                                    CheckingProgress checking) {
    }

    @WithTransaction
    public Uni<Started> start(UUID tourId, SubmissionRequests.Start request) {
        UUID me = caller.userId();
        return ProjectedTour.require(tourId).chain(tour -> {
            tour.requireOpen("started");
            return participationFor(tourId, request.participantId(), me).chain(participation -> {
                if (!participation.maySit()) {
                    throw ProblemException.lockedIn(EntityTypes.TOUR_PARTICIPATION, participation.status, "sitting the tour");
                }
                return Submission.<Submission>find("tourParticipationId", participation.tourParticipationId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(existing -> {
                            if (existing != null) {
                                existing.requireStarted("started again");
                                return Uni.createFrom().item(new Started(existing.view(), false));
                            }
                            return bindingFor(tour, participation, request.activityBindingId()).chain(binding -> {
                                Submission s = Submission.started(participation.tourParticipationId, binding.id, me);
                                return s.persist().chain(() -> outbox.record(s.startedEvent(tour.seasonId),
                                        () -> new Started(s.view(), true)));
                            });
                        });
            });
        });
    }

    @WithTransaction
    public Uni<AnswerView> saveAnswer(UUID submissionId, UUID taskItemId, SubmissionRequests.SaveAnswer request) {
        PersonalDataGuard.refuseIn("answer", request.answer(), Strictness.FREE_TEXT_OR_POLICY);
        return requireLocked(submissionId).chain(s -> participation(s).chain(p -> requireActor(p, ANSWERS_ENTRY)
                .chain(() -> ProjectedTour.require(p.tourId)).chain(tour -> {
                    s.requireStarted("answered");
                    tour.requireOpen("answered");
                    return ActivityService.requireItem(taskItemId).chain(item -> {
                        if (!item.activityBindingId.equals(s.activityBindingId)) {
                            throw ProblemException.notFound(EntityTypes.TOUR_TASK_ITEM, taskItemId);
                        }
                        return AnswerItem.<AnswerItem>find("submissionId = ?1 and tourTaskItemId = ?2", s.id, item.id)
                                .firstResult().chain(found -> {
                                    boolean isNew = found == null;
                                    AnswerItem answer = isNew ? AnswerItem.first(s.id, item.id, item.lmsActivityItemRef) : found;
                                    answer.requireBase(request.baseVersion());
                                    Uni<Void> stored = isNew ? answer.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                                    return stored.chain(() -> outbox.record(answer.save(tour.seasonId, request.answer(),
                                            request.baseVersion(), caller.userId(), isNew), () -> answerView(answer)));
                                });
                    });
                })));
    }

    @WithTransaction
    public Uni<SubmissionView> submit(UUID submissionId) {
        return requireLocked(submissionId).chain(s -> participation(s).chain(p -> requireActor(p, ANSWERS_ENTRY)
                .chain(() -> ProjectedTour.require(p.tourId)).chain(tour -> {
                    s.requireStarted("submitted");
                    tour.requireOpen("submitted to");
                    return outbox.record(s.submit(tour.seasonId, caller.userId()))
                            .chain(() -> autoCheck.checkSubmission(s.id, caller.snapshot()))
                            .chain(() -> Panache.getSession().chain(session -> session.refresh(s)))
                            .map(v -> s.view());
                })));
    }

    @WithTransaction
    public Uni<SubmissionFile.SubmissionFileView> uploadFile(UUID submissionId, SubmissionRequests.UploadFile request) {
        return requireLocked(submissionId).chain(s -> participation(s).chain(p -> requireActor(p, FILE_UPLOAD)
                .chain(() -> ProjectedTour.require(p.tourId)).chain(tour -> {
                    s.requireNotVoid("given files");
                    boolean late = ProjectedTour.CLOSED_OR_LATER.contains(tour.status);
                    if (!late && !tour.isOpen()) {
                        throw ProblemException.lockedIn(EntityTypes.TOUR, tour.status, "given files");
                    }
                    SubmissionFile file = SubmissionFile.uploaded(s.id, request, caller.userId(), p.participantId, late);
                    return file.persist().chain(() -> outbox.record(file.uploadedEvent(tour.seasonId), file::view));
                })));
    }

    /** Voids the submission with a reason; its current scores are marked voided (kept, never deleted). */
    @WithTransaction
    public Uni<SubmissionView> voidSubmission(UUID submissionId, String reason) {
        return requireLocked(submissionId).chain(s -> participation(s).chain(p -> ProjectedTour.require(p.tourId))
                .chain(tour -> outbox.record(s.voidWith(tour.seasonId, reason))
                        .chain(() -> NativeSql.update("with v as (update competition_scores sc set voided_at = now() "
                                        + "where sc.submission_id = ?1 and sc.is_current and sc.voided_at is null returning sc.*) "
                                        + SetBasedOutbox.insertFrom("select '" + EventTypes.SCORE_VOIDED + "' as type, '"
                                        + EntityTypes.SCORE + "' as entity_type, v.id as entity_id, cast(?2 as uuid) as season_id, "
                                        + "jsonb_set(to_jsonb(v), '{voided_at}', 'null') as before, to_jsonb(v) as after, "
                                        + "?3 as reason, nullif(?4, '')::uuid as actor_user_id, nullif(?5, '') as request_id from v"),
                                s.id, tour.seasonId, reason, NativeSql.text(caller.userId()),
                                NativeSql.text(caller.snapshot().requestId())))
                        .map(n -> s.view())));
    }

    @WithSession
    public Uni<SubmissionDetails> get(UUID submissionId) {
        return require(submissionId).chain(s -> participation(s).chain(p -> mayRead(p).chain(() -> details(s, p))));
    }

    @WithSession
    public Uni<SubmissionDetails> mine(UUID tourId) {
        return participationFor(tourId, null, caller.userId()).chain(p -> Submission.<Submission>find(
                        "tourParticipationId", p.tourParticipationId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SUBMISSION, "of tour " + tourId))
                .chain(s -> details(s, p)));
    }

    private Uni<SubmissionDetails> details(Submission s, ProjectedTourParticipation p) {
        boolean organiser = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.ORGANIZER);
        return ActivityService.items(s.activityBindingId).chain(items -> AnswerItem.<AnswerItem>list("submissionId", s.id)
                .chain(answers -> SubmissionFile.<SubmissionFile>list("submissionId", Sort.by("createdAt"), s.id)
                        .chain(files -> CheckingProgress.of(s.id, items).map(progress -> new SubmissionDetails(s.view(),
                                p.participantId, p.tourId, items.stream().map(SubmissionService::taskView).toList(),
                                answers.stream().map(SubmissionService::answerView).toList(),
                                files.stream().map(SubmissionFile::view).toList(),
                                organiser ? progress : progress.withoutScores())))));
    }

    private static TaskView taskView(TaskItem i) {
        return new TaskView(i.id, i.taskNumber, i.displayTitle, i.maxScore, i.lmsActivityItemRef);
    }

    private static AnswerView answerView(AnswerItem a) {
        return new AnswerView(a.tourTaskItemId, a.itemResultSnapshot.get("answer"), a.version(),
                a.itemResultSnapshot.path("saved_at").asText(null));
    }

    /** The caller's own tour participation in the tour, or (for a helper) that of the named participant. */
    private Uni<ProjectedTourParticipation> participationFor(UUID tourId, UUID participantId, UUID me) {
        Uni<List<UUID>> candidates = participantId == null ? people.ownParticipantIds(me)
                : people.isOwnParticipant(me, participantId)
                .chain(own -> own ? Uni.createFrom().item(true) : people.isHelperOf(me, ANSWERS_ENTRY, participantId))
                .map(allowed -> {
                    if (!allowed) {
                        throw forbidden("only the participant or a helper of their group with answers_entry acts for them");
                    }
                    return List.of(participantId);
                });
        return candidates.chain(ids -> ids.isEmpty() ? Uni.createFrom().<ProjectedTourParticipation>nullItem()
                        : ProjectedTourParticipation.<ProjectedTourParticipation>find("tourId = ?1 and participantId in ?2",
                        tourId, ids).firstResult())
                .onItem().ifNull().failWith(() -> forbidden("the caller is not admitted to tour " + tourId));
    }

    /** The tour's binding in force for this participation's track: the named one, or the only one. */
    private static Uni<ActivityBinding> bindingFor(ProjectedTour tour, ProjectedTourParticipation p, UUID named) {
        return ActivityBinding.<ActivityBinding>list("tourId = ?1 and status in ?2", tour.tourId, ActivityBinding.IN_FORCE)
                .map(all -> {
                    List<ActivityBinding> fitting = all.stream()
                            .filter(b -> b.trackId == null || b.trackId.equals(p.trackId)).toList();
                    if (named != null) {
                        return fitting.stream().filter(b -> b.id.equals(named)).findFirst().orElseThrow(() ->
                                ProblemException.invalidField("activityBindingId", "in-force-for-this-tour",
                                        "activity binding " + named + " is not a locked binding of this tour for you"));
                    }
                    if (fitting.isEmpty()) {
                        throw ProblemException.conflict("activityBindingId", "locked-binding-exists",
                                "tour " + tour.tourId + " has no locked activity to sit yet");
                    }
                    if (fitting.size() > 1) {
                        throw ProblemException.invalidField("activityBindingId", "required-when-several",
                                "the tour has several activities: name the activityBindingId");
                    }
                    return fitting.get(0);
                });
    }

    /** The caller is the participant, or a helper of their group with this role; organisers do not sit tours. */
    private Uni<Void> requireActor(ProjectedTourParticipation p, String helperRole) {
        UUID me = caller.userId();
        return people.isOwnParticipant(me, p.participantId)
                .chain(own -> own ? Uni.createFrom().item(true) : people.isHelperOf(me, helperRole, p.participantId))
                .map(allowed -> {
                    if (!allowed) {
                        throw forbidden("only the participant or a helper of their group with " + helperRole + " may do this");
                    }
                    return null;
                });
    }

    private Uni<Void> mayRead(ProjectedTourParticipation p) {
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.ORGANIZER)) {
            return Uni.createFrom().voidItem();
        }
        UUID me = caller.userId();
        return people.isOwnParticipant(me, p.participantId)
                .chain(own -> own ? Uni.createFrom().item(true) : people.isHelperOf(me, ANSWERS_ENTRY, p.participantId))
                .chain(ok -> ok ? Uni.createFrom().item(true) : people.isHelperOf(me, FILE_UPLOAD, p.participantId))
                .map(ok -> {
                    if (!ok) {
                        throw ProblemException.notFound(EntityTypes.SUBMISSION, "for this caller");
                    }
                    return null;
                });
    }

    private static Uni<ProjectedTourParticipation> participation(Submission s) {
        return ProjectedTourParticipation.<ProjectedTourParticipation>findById(s.tourParticipationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR_PARTICIPATION, s.tourParticipationId));
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }

    public static Uni<Submission> require(UUID id) {
        return Submission.<Submission>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SUBMISSION, id));
    }

    static Uni<Submission> requireLocked(UUID id) {
        return Submission.<Submission>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SUBMISSION, id));
    }
}
