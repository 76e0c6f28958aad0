package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.attempt.activity.ActivityService;
import org.olympiad.competitions.attempt.activity.ScoringKey;
import org.olympiad.competitions.attempt.activity.TaskItem;
import org.olympiad.competitions.attempt.activity.TaskStructure;
import org.olympiad.competitions.attempt.submission.Submission;
import org.olympiad.competitions.attempt.submission.SubmissionStatus;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checking by hand, blind: a checker takes a work from the tour's queue and sees it by its work code only (never
 * the participant, their school or tour participation), marks the tasks left to checkers, and the scores are
 * written once the work has the checks its structure asks for. Two checks that differ on a task by more than the
 * tolerance put the work to {@code needs_review}; a senior (organiser or admin) decides, overriding them.
 */
@ApplicationScoped
public class CheckingService {

    private final Outbox outbox;
    private final Caller caller;

    public CheckingService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /** A task as a checker sees it: the answer and the rubric, not the key of other tasks nor who answered. */
    public record WorkTask(UUID taskItemId, int taskNumber, String displayTitle, BigDecimal maxScore, String rubric,
                           Object answer) {
    }

    public record WorkFile(String type, String url, boolean isLate) {
    }

    /** A work as a checker sees it. */
    public record WorkView(UUID checkId, String workCode, CheckStatus status, List<WorkTask> tasks, List<WorkFile> files) {
    }

    public record QueueView(UUID tourId, long waiting) {
    }

    /** The works of a tour still waiting for a check by hand. */
    @WithSession
    public Uni<QueueView> queue(UUID tourId) {
        return NativeSql.column("select count(*) from competition_submissions s join competition_tour_activity_bindings b "
                + "on b.id = s.activity_binding_id where b.tour_id = ?1 and s.status = 'checking' and " + WANTS_CHECKS,
                Long.class, tourId).map(n -> new QueueView(tourId, n.get(0)));
    }

    // a work wants another check while it has fewer live manual checks than its binding's policy asks for (the most
    // any of its structures asks for: see TaskStructure.checkingPolicy), and none in review
    private static final String WANTS_CHECKS = "(select count(*) from competition_checks c where c.submission_id = s.id "
            + "and c.method = 'manual' and c.status in ('pending', 'checked')) < coalesce((select "
            + "max((ts.structure_snapshot -> 'checking' ->> 'checksPerWork')::int) from competition_tour_task_structures ts "
            + "where ts.activity_binding_id = s.activity_binding_id), 1) "
            + "and not exists (select 1 from competition_checks c where c.submission_id = s.id "
            + "and c.status = 'needs_review')";

    /**
     * Gives the checker a work: the one they already hold in this tour, or the longest-waiting one they have not
     * checked yet (taken under a row lock, skipping works another checker is taking). Null when none is waiting.
     */
    @WithTransaction
    public Uni<WorkView> take(UUID tourId) {
        UUID me = caller.userId();
        return NativeSql.column("select c.id from competition_checks c join competition_submissions s on s.id = c.submission_id "
                        + "join competition_tour_activity_bindings b on b.id = s.activity_binding_id "
                        + "where b.tour_id = ?1 and c.checked_by_user_id = ?2 and c.method = 'manual' and c.status = 'pending' "
                        + "order by c.created_at limit 1", UUID.class, tourId, me)
                .chain(held -> !held.isEmpty() ? Check.<Check>findById(held.get(0)).chain(this::work)
                        : NativeSql.column("select s.id from competition_submissions s join competition_tour_activity_bindings b "
                                        + "on b.id = s.activity_binding_id where b.tour_id = ?1 and s.status = 'checking' and "
                                        + WANTS_CHECKS + " and not exists (select 1 from competition_checks c "
                                        + "where c.submission_id = s.id and c.checked_by_user_id = ?2 and c.method = 'manual') "
                                        + "order by s.updated_at, s.id limit 1 for update of s skip locked", UUID.class, tourId, me)
                        .chain(free -> free.isEmpty() ? Uni.createFrom().nullItem() : take(free.get(0), me)));
    }

    private Uni<WorkView> take(UUID submissionId, UUID me) {
        Check check = Check.taken(submissionId, me);
        return seasonOf(submissionId).chain(season -> check.persist()
                .chain(() -> outbox.record(check.takenEvent(season))).chain(() -> work(check)));
    }

    @WithSession
    public Uni<WorkView> get(UUID checkId) {
        return requireCheck(checkId, false).chain(this::work);
    }

    /** The checker's marks for the work; scores follow when the work has all its checks and they agree. */
    @WithTransaction
    public Uni<Check.CheckView> mark(UUID checkId, CheckingRequests.Marks request) {
        return requireCheck(checkId, true).chain(check -> {
            if (!caller.userId().equals(check.checkedByUserId)) {
                throw forbidden("check " + checkId + " is held by another checker");
            }
            if (check.status != CheckStatus.pending) {
                throw ProblemException.lockedIn(EntityTypes.CHECK, check.status, "marked again");
            }
            return lockSubmission(check.submissionId).chain(s -> ActivityService.items(s.activityBindingId).chain(items -> {
                List<TaskItem> manual = items.stream().filter(i -> !ScoringKey.isKey(i.scoringSnapshot)).toList();
                Map<UUID, BigDecimal> marks = validated(request.marks(), manual, true);
                BigDecimal total = marks.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                return seasonOf(s.id).chain(season -> outbox.record(check.complete(season, total, request.comment()))
                        .chain(() -> storeMarks(check.id, request.marks(), marks))
                        .chain(() -> settle(s, check, items, season))
                        .map(v -> check.view()));
            }));
        });
    }

    /**
     * A senior's decision on a work, or a recheck: a new check with the given marks overrides the checks in review,
     * and each named task gets a new score version with the reason.
     */
    @WithTransaction
    public Uni<Check.CheckView> decide(UUID submissionId, CheckingRequests.Decision request) {
        return lockSubmission(submissionId).chain(s -> {
            s.requireNotVoid("rechecked");
            if (s.status != SubmissionStatus.checking && s.status != SubmissionStatus.checked) {
                throw ProblemException.lockedIn(EntityTypes.SUBMISSION, s.status.dbValue(), "decided before its check");
            }
            return ActivityService.items(s.activityBindingId).chain(items -> {
                Map<UUID, BigDecimal> marks = validated(request.marks(), items, false);
                BigDecimal total = marks.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                Check decision = Check.completed(s.id, "manual", caller.userId(), total, request.reason());
                return seasonOf(s.id).chain(season -> decision.persist()
                        .chain(() -> outbox.record(decision.createdEvent(season)))
                        .chain(() -> storeMarks(decision.id, request.marks(), marks))
                        .chain(() -> Check.<Check>list("submissionId = ?1 and status = ?2", s.id, CheckStatus.needs_review))
                        .chain(inReview -> recordAll(inReview.stream()
                                .map(c -> c.moveTo(CheckStatus.overridden, season, request.reason())).toList()))
                        .chain(() -> writeScores(s.id, decision.id, marks, items, season, request.reason(),
                                "{\"method\":\"manual\",\"decision\":true}"))
                        .chain(() -> completeWork(s, items, season))
                        .map(v -> decision.view()));
            });
        });
    }

    /** After a manual check: write the scores when the work has its checks, or send a disagreement to review. */
    private Uni<Void> settle(Submission s, Check latest, List<TaskItem> items, UUID season) {
        List<TaskItem> manual = items.stream().filter(i -> !ScoringKey.isKey(i.scoringSnapshot)).toList();
        return ActivityService.structures(s.activityBindingId).chain(structures -> {
            TaskStructure.CheckingPolicy policy = TaskStructure.checkingPolicy(structures);
            return Check.<Check>list("submissionId = ?1 and method = 'manual' and status = ?2 order by createdAt",
                    s.id, CheckStatus.checked).chain(done -> {
                if (done.size() < policy.checksPerWork()) {
                    return Uni.createFrom().voidItem();
                }
                return marksOf(done.stream().map(c -> c.id).toList()).chain(byCheck -> {
                    Map<UUID, BigDecimal> settled = new HashMap<>();
                    if (done.size() == 1) {
                        settled.putAll(byCheck.get(latest.id));
                    } else {
                        Map<UUID, BigDecimal> first = byCheck.get(done.get(0).id);
                        Map<UUID, BigDecimal> second = byCheck.get(done.get(1).id);
                        for (TaskItem item : manual) {
                            BigDecimal a = first.get(item.id);
                            BigDecimal b = second.get(item.id);
                            if (a.subtract(b).abs().compareTo(policy.tolerance()) > 0) {
                                return recordAll(done.stream().map(c -> c.moveTo(CheckStatus.needs_review, season,
                                        "task " + item.taskNumber + ": " + a.toPlainString() + " and " + b.toPlainString()
                                                + " differ by more than " + policy.tolerance().toPlainString())).toList());
                            }
                            settled.put(item.id, a.add(b).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
                        }
                    }
                    String snapshot = "{\"method\":\"manual\",\"checks\":" + done.size() + "}";
                    return writeScores(s.id, latest.id, settled, manual, season, "checked by hand", snapshot)
                            .chain(() -> completeWork(s, items, season));
                });
            });
        });
    }

    /**
     * Every task of the work has its score now: the submission is checked. A hybrid work (keyed tasks scored
     * automatically, the rest by hand) also gets its {@code hybrid} check, holding the work's total of both parts: its
     * total is complete only now, never from the automatic part alone. A recheck of a checked work changes nothing here.
     */
    private Uni<Void> completeWork(Submission s, List<TaskItem> items, UUID season) {
        DomainChange checked = s.checked(season);
        if (checked == null) {
            return Uni.createFrom().voidItem();
        }
        return outbox.record(checked).chain(() -> !CheckingProgress.HYBRID.equals(CheckingProgress.methodOf(items))
                ? Uni.createFrom().voidItem()
                : NativeSql.column("select coalesce(sum(score), 0) from competition_scores where submission_id = ?1 "
                        + "and is_current and voided_at is null", BigDecimal.class, s.id).chain(total -> {
                    Check whole = Check.completed(s.id, CheckingProgress.HYBRID, caller.userId(),
                            total.get(0).setScale(2, RoundingMode.HALF_UP),
                            "automatic and manual parts checked: the work's total");
                    return whole.persist().chain(() -> outbox.record(whole.createdEvent(season))).replaceWithVoid();
                }));
    }

    private static Uni<Void> writeScores(UUID submissionId, UUID checkId, Map<UUID, BigDecimal> scores, List<TaskItem> items,
                                         UUID season, String reason, String snapshot) {
        List<Object[]> rows = new ArrayList<>();
        for (TaskItem item : items) {
            BigDecimal score = scores.get(item.id);
            if (score != null) {
                rows.add(new Object[]{submissionId, item.id, score, item.maxScore, checkId, false, "manual", reason, season,
                        snapshot});
            }
        }
        Caller.Snapshot actor = Caller.current();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> ScoreVersions.writeRows(actor, rows)).replaceWithVoid();
    }

    private static Uni<Void> storeMarks(UUID checkId, List<CheckingRequests.Mark> given, Map<UUID, BigDecimal> marks) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CheckingRequests.Mark mark : given) {
            chain = chain.chain(() -> NativeSql.update("insert into attempt_check_marks (check_id, tour_task_item_id, score, "
                            + "comment) values (?1, ?2, ?3, nullif(?4, ''))", checkId, mark.taskItemId(),
                    marks.get(mark.taskItemId()), NativeSql.text(mark.comment())).replaceWithVoid());
        }
        return chain;
    }

    private static Uni<Map<UUID, Map<UUID, BigDecimal>>> marksOf(List<UUID> checkIds) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> NativeSql.rows("select check_id, tour_task_item_id, score from attempt_check_marks "
                        + "where check_id in (?1)", checkIds))
                .map(rows -> {
                    Map<UUID, Map<UUID, BigDecimal>> byCheck = new HashMap<>();
                    for (Object[] row : rows) {
                        byCheck.computeIfAbsent((UUID) row[0], k -> new HashMap<>()).put((UUID) row[1], (BigDecimal) row[2]);
                    }
                    return byCheck;
                });
    }

    /** Each mark names a task of the work once, within its max score; a checker marks every task left to them. */
    private static Map<UUID, BigDecimal> validated(List<CheckingRequests.Mark> marks, List<TaskItem> allowed,
                                                   boolean everyOne) {
        Map<UUID, TaskItem> byId = new HashMap<>();
        allowed.forEach(i -> byId.put(i.id, i));
        Map<UUID, BigDecimal> result = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            CheckingRequests.Mark mark = marks.get(i);
            TaskItem item = byId.get(mark.taskItemId());
            if (item == null) {
                throw ProblemException.invalidField("marks[" + i + "].taskItemId", "task-of-this-work",
                        "task " + mark.taskItemId() + " is not a task to mark in this work");
            }
            if (!seen.add(item.id)) {
                throw ProblemException.invalidField("marks[" + i + "].taskItemId", "once", "task " + item.taskNumber
                        + " is marked twice");
            }
            if (mark.score().scale() > 2) {
                throw ProblemException.invalidField("marks[" + i + "].score", "two-decimals", "a score has at most two decimals");
            }
            if (mark.score().compareTo(item.maxScore) > 0) {
                throw ProblemException.invalidField("marks[" + i + "].score", "at-most-max-score", "task " + item.taskNumber
                        + " scores at most " + item.maxScore.toPlainString() + ", not " + mark.score().toPlainString());
            }
            result.put(item.id, mark.score().setScale(2, RoundingMode.UNNECESSARY));
        }
        if (everyOne && seen.size() != allowed.size()) {
            List<Integer> missing = new ArrayList<>();
            allowed.stream().filter(i -> !seen.contains(i.id)).forEach(i -> missing.add(i.taskNumber));
            throw ProblemException.invalidField("marks", "every-task-once", "tasks " + missing + " are not marked");
        }
        return result;
    }

    private Uni<WorkView> work(Check check) {
        return Submission.<Submission>findById(check.submissionId).chain(s -> ActivityService.items(s.activityBindingId)
                .chain(items -> NativeSql.rows("select tour_task_item_id, (item_result_snapshot -> 'answer')::text "
                        + "from competition_answer_items where submission_id = ?1", s.id)
                        .chain(answers -> NativeSql.rows("select type, url, is_late from competition_submission_files "
                                + "where submission_id = ?1 order by created_at", s.id).map(files -> {
                            Map<UUID, Object> answerOf = new HashMap<>();
                            answers.forEach(r -> answerOf.put((UUID) r[0], r[1] == null ? null : json(String.valueOf(r[1]))));
                            List<WorkTask> tasks = items.stream().filter(i -> !ScoringKey.isKey(i.scoringSnapshot))
                                    .map(i -> new WorkTask(i.id, i.taskNumber, i.displayTitle, i.maxScore,
                                            i.scoringSnapshot.path("rubric").asText(null), answerOf.get(i.id))).toList();
                            return new WorkView(check.id, workCode(s.id), check.status, tasks, files.stream()
                                    .map(f -> new WorkFile((String) f[0], (String) f[1], (Boolean) f[2])).toList());
                        }))));
    }

    private static Object json(String text) {
        try {
            return org.olympiad.competitions.contracts.EventJson.mapper().readTree(text);
        } catch (Exception e) {
            return text;
        }
    }

    /** A work's code: stable, short, and not the participant's nor the submission's id. */
    public static String workCode(UUID submissionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("work:" + submissionId).getBytes(StandardCharsets.UTF_8));
            return "W-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The check, for the checker who holds it or a senior; anyone else is told it does not exist. */
    private Uni<Check> requireCheck(UUID id, boolean lock) {
        var found = lock ? Check.<Check>findById(id, LockModeType.PESSIMISTIC_WRITE) : Check.<Check>findById(id);
        return found.map(c -> {
            boolean senior = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.ORGANIZER);
            if (c == null || !(senior || caller.userId() != null && caller.userId().equals(c.checkedByUserId))) {
                throw ProblemException.notFound(EntityTypes.CHECK, id);
            }
            return c;
        });
    }

    private static Uni<Submission> lockSubmission(UUID id) {
        return Submission.<Submission>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SUBMISSION, id));
    }

    static Uni<UUID> seasonOf(UUID submissionId) {
        return NativeSql.column("select b.season_id from competition_submissions s join competition_tour_activity_bindings b "
                + "on b.id = s.activity_binding_id where s.id = ?1", UUID.class, submissionId).map(l -> l.get(0));
    }

    private Uni<Void> recordAll(List<DomainChange> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DomainChange change : changes) {
            chain = chain.chain(() -> outbox.record(change)).replaceWithVoid();
        }
        return chain;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
