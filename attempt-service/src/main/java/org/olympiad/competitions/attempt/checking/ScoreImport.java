package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.attempt.activity.ActivityBinding;
import org.olympiad.competitions.attempt.activity.ActivityService;
import org.olympiad.competitions.attempt.activity.TaskItem;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.attempt.projection.ProjectedTourParticipation;
import org.olympiad.competitions.attempt.submission.Submission;
import org.olympiad.competitions.attempt.submission.SubmissionStatus;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Scores of an offline tour imported from CSV ({@code tour_participation_id,task_number,score}, a header line first).
 * Every line is validated; if any is refused, the answer is a 422 listing every refused line with its field and rule,
 * and nothing is written. Otherwise each work gets its submission (when it has none), one {@code imported} check,
 * and a new score version per line, in one transaction.
 */
@ApplicationScoped
public class ScoreImport {

    private static final String HEADER = "tour_participation_id,task_number,score";
    private static final int ROWS_PER_STATEMENT = 1000;

    private final Outbox outbox;

    public ScoreImport(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Result(int lines, int submissions, int scores) {
    }

    private record Line(int number, UUID participation, TaskItem item, BigDecimal score) {
    }

    @WithTransaction
    public Uni<Result> importCsv(UUID tourId, String csv) {
        Caller.Snapshot actor = Caller.current();
        String[] lines = (csv == null ? "" : csv.strip()).split("\\r?\\n");
        if (lines.length < 2 || !lines[0].strip().equalsIgnoreCase(HEADER)) {
            throw ProblemException.invalidField("body", "csv-header", "the CSV starts with the header line " + HEADER
                    + " and has at least one line of scores");
        }
        return ProjectedTour.require(tourId).chain(tour -> ProjectedTourParticipation
                .<ProjectedTourParticipation>list("tourId", tourId).chain(participations -> ActivityBinding
                        .<ActivityBinding>list("tourId = ?1 and status in ?2", tourId, ActivityBinding.IN_FORCE)
                        .chain(bindings -> itemsOf(bindings).chain(items -> Submission.<Submission>list(
                                        "tourParticipationId in (select p.tourParticipationId from ProjectedTourParticipation p "
                                                + "where p.tourId = ?1)", tourId)
                                .chain(existing -> {
                                    List<Line> valid = validate(lines, participations, bindings, items, existing);
                                    return write(tour, valid, bindings, participations, existing, actor);
                                })))));
    }

    private static Uni<Map<UUID, List<TaskItem>>> itemsOf(List<ActivityBinding> bindings) {
        Uni<Map<UUID, List<TaskItem>>> chain = Uni.createFrom().item(new HashMap<>());
        for (ActivityBinding b : bindings) {
            chain = chain.chain(map -> ActivityService.items(b.id).map(items -> {
                map.put(b.id, items);
                return map;
            }));
        }
        return chain;
    }

    private static List<Line> validate(String[] lines, List<ProjectedTourParticipation> participations,
                                       List<ActivityBinding> bindings, Map<UUID, List<TaskItem>> items,
                                       List<Submission> existing) {
        Map<UUID, ProjectedTourParticipation> byId = new HashMap<>();
        participations.forEach(p -> byId.put(p.tourParticipationId, p));
        Map<UUID, Submission> submissionOf = new HashMap<>();
        existing.forEach(s -> submissionOf.put(s.tourParticipationId, s));
        List<Problem.FieldError> refused = new ArrayList<>();
        List<Line> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            int number = i + 1;
            String text = lines[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != 3) {
                refused.add(error(number, "columns", "three-columns", "has " + cells.length + " columns, not 3"));
                continue;
            }
            UUID participationId;
            try {
                participationId = UUID.fromString(cells[0].strip());
            } catch (IllegalArgumentException e) {
                refused.add(error(number, "tour_participation_id", "uuid", "is not a uuid"));
                continue;
            }
            ProjectedTourParticipation p = byId.get(participationId);
            if (p == null || !(p.maySit() || "completed".equals(p.status))) {
                refused.add(error(number, "tour_participation_id", "admitted-to-this-tour",
                        participationId + " is not admitted to this tour"));
                continue;
            }
            Submission s = submissionOf.get(participationId);
            if (s != null && s.status == SubmissionStatus.voided) {
                refused.add(error(number, "tour_participation_id", "not-void", "the work of " + participationId + " is void"));
                continue;
            }
            UUID bindingId = s != null ? s.activityBindingId : bindingFor(bindings, p);
            if (bindingId == null) {
                refused.add(error(number, "tour_participation_id", "one-locked-activity",
                        "the tour has no single locked activity for " + participationId));
                continue;
            }
            int taskNumber;
            try {
                taskNumber = Integer.parseInt(cells[1].strip());
            } catch (NumberFormatException e) {
                refused.add(error(number, "task_number", "integer", "is not a whole number"));
                continue;
            }
            TaskItem item = items.getOrDefault(bindingId, List.of()).stream().filter(t -> t.taskNumber == taskNumber)
                    .findFirst().orElse(null);
            if (item == null) {
                refused.add(error(number, "task_number", "task-of-the-activity", "task " + taskNumber + " does not exist"));
                continue;
            }
            BigDecimal score;
            try {
                score = new BigDecimal(cells[2].strip());
            } catch (NumberFormatException e) {
                refused.add(error(number, "score", "number", "is not a number"));
                continue;
            }
            if (score.signum() < 0 || score.scale() > 2 || score.compareTo(item.maxScore) > 0) {
                refused.add(error(number, "score", "between-0-and-max-score", "task " + taskNumber + " scores 0 to "
                        + item.maxScore.toPlainString() + " with at most two decimals, not " + cells[2].strip()));
                continue;
            }
            if (!seen.add(participationId + "/" + taskNumber)) {
                refused.add(error(number, "task_number", "once-per-work", "task " + taskNumber + " of " + participationId
                        + " is scored on an earlier line"));
                continue;
            }
            valid.add(new Line(number, participationId, item, score.setScale(2)));
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, refused.size()
                            + " line(s) refused; nothing was imported")
                    .withField("body", "every-line-valid").withErrors(refused));
        }
        return valid;
    }

    private static UUID bindingFor(List<ActivityBinding> bindings, ProjectedTourParticipation p) {
        List<ActivityBinding> fitting = bindings.stream().filter(b -> b.trackId == null || b.trackId.equals(p.trackId)).toList();
        return fitting.size() == 1 ? fitting.get(0).id : null;
    }

    private static Problem.FieldError error(int line, String column, String rule, String detail) {
        return new Problem.FieldError("line " + line + ": " + column, rule, "line " + line + ": " + column + " " + detail);
    }

    private Uni<Result> write(ProjectedTour tour, List<Line> lines, List<ActivityBinding> bindings,
                              List<ProjectedTourParticipation> participations, List<Submission> existing,
                              Caller.Snapshot actor) {
        Map<UUID, Submission> submissionOf = new HashMap<>();
        existing.forEach(s -> submissionOf.put(s.tourParticipationId, s));
        Map<UUID, ProjectedTourParticipation> byId = new HashMap<>();
        participations.forEach(p -> byId.put(p.tourParticipationId, p));
        List<Submission> created = new ArrayList<>();
        for (Line line : lines) {
            if (!submissionOf.containsKey(line.participation())) {
                Submission s = Submission.imported(line.participation(), bindingFor(bindings, byId.get(line.participation())));
                submissionOf.put(line.participation(), s);
                created.add(s);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Submission s : created) {
            chain = chain.chain(() -> s.persist()).chain(() -> outbox.record(s.importedEvent(tour.seasonId), actor))
                    .replaceWithVoid();
        }
        Map<UUID, UUID> checkOf = new HashMap<>();
        lines.forEach(l -> checkOf.computeIfAbsent(l.participation(), k -> UUID.randomUUID()));
        chain = chain.chain(() -> Panache.getSession().chain(session -> session.flush())).chain(ScoreImport::staging);
        for (int from = 0; from < lines.size(); from += ROWS_PER_STATEMENT) {
            List<Line> slice = lines.subList(from, Math.min(lines.size(), from + ROWS_PER_STATEMENT));
            // the parameters are read when the statement runs: the new submissions have their ids only once persisted
            chain = chain.chain(() -> insertPending(slice, submissionOf, checkOf, tour.seasonId));
        }
        return chain.chain(() -> ScoreVersions.write(actor, "select " + ScoreVersions.PENDING_COLUMNS
                        + " from attempt_pending_scores"))
                .map(scores -> new Result(lines.size(), checkOf.size(), scores));
    }

    /**
     * The lines of an import, staged in a temporary table: a large import is sent in several statements (the
     * driver's parameter limit), then written as score versions by one. Imports are rare; the hot paths (submit,
     * the close, key corrections) write without one.
     */
    private static Uni<Void> staging() {
        return NativeSql.update("drop table if exists attempt_pending_scores")
                .chain(() -> NativeSql.update("""
                        create temp table attempt_pending_scores (
                        submission_id uuid not null, tour_task_item_id uuid not null, score numeric(8,2) not null,
                        max_score numeric(8,2), check_id uuid not null, new_check boolean not null, method text not null,
                        reason text, season_id uuid, score_snapshot jsonb not null default '{}'::jsonb,
                        primary key (submission_id, tour_task_item_id)) on commit drop"""))
                .replaceWithVoid();
    }

    private static Uni<Void> insertPending(List<Line> slice, Map<UUID, Submission> submissionOf, Map<UUID, UUID> checkOf,
                                           UUID seasonId) {
        StringBuilder sql = new StringBuilder("insert into attempt_pending_scores (submission_id, tour_task_item_id, "
                + "score, max_score, check_id, new_check, method, reason, season_id, score_snapshot) values ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            Line l = slice.get(i);
            int base = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?").append(base + 1).append(", ?").append(base + 2)
                    .append(", ?").append(base + 3).append(", ?").append(base + 4).append(", ?").append(base + 5)
                    .append(", true, 'imported', 'scores imported for an offline tour', cast('").append(seasonId)
                    .append("' as uuid), '{\"method\":\"imported\"}'::jsonb)");
            params.add(submissionOf.get(l.participation()).id);
            params.add(l.item().id);
            params.add(l.score());
            params.add(l.item().maxScore);
            params.add(checkOf.get(l.participation()));
        }
        return NativeSql.update(sql.toString(), params.toArray()).replaceWithVoid();
    }
}
