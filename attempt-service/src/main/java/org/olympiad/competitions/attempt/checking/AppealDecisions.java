package org.olympiad.competitions.attempt.checking;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.olympiad.competitions.attempt.activity.ActivityService;
import org.olympiad.competitions.attempt.activity.TaskItem;
import org.olympiad.competitions.attempt.submission.Submission;
import org.olympiad.competitions.attempt.submission.SubmissionStatus;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * results-service's events in: an accepted appeal writes a new score version for its submission, once. With
 * {@code requested_scores} those are the new scores (an {@code manual} check under the appeal's decider); without,
 * the keyed tasks are rechecked against their current keys and the changed ones get a new version. An appeal naming
 * a task outside the work or a score above the max is not applied: it goes to the dead-letter topic, visibly.
 */
@ApplicationScoped
public class AppealDecisions {

    private static final Logger LOG = Logger.getLogger(AppealDecisions.class);
    static final String CONSUMER = "attempt-service";

    private final EventConsumer events;
    private final Outbox outbox;

    public AppealDecisions(EventConsumer events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Incoming("results-events")
    public Uni<Void> onResultsEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record, event ->
                EventTypes.APPEAL_ACCEPTED.equals(event.type()) ? apply(event) : Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(EventEnvelope event) {
        UUID submissionId = uuid(event.after(), "submission_id");
        Caller.Snapshot actor = new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
        String comment = event.after().path("decision_comment").asText("");
        String reason = "appeal accepted" + (comment.isBlank() ? "" : ": " + comment);
        return Submission.<Submission>findById(submissionId).chain(s -> {
            if (s == null) {
                throw new EventJson.MalformedEventException("appeal.accepted for unknown submission " + submissionId);
            }
            if (s.status == SubmissionStatus.voided) {
                LOG.infof("appeal for void submission %s: nothing to rescore", submissionId);
                return Uni.createFrom().voidItem();
            }
            JsonNode requested = event.after().get("requested_scores");
            return CheckingService.seasonOf(s.id).chain(season -> requested != null && requested.isArray() && !requested.isEmpty()
                    ? rescore(s, requested, actor, reason, season)
                    : recheckKeys(s, actor, reason, season));
        });
    }

    private Uni<Void> rescore(Submission s, JsonNode requested, Caller.Snapshot actor, String reason, UUID season) {
        return ActivityService.items(s.activityBindingId).chain(items -> {
            Map<UUID, TaskItem> byId = new HashMap<>();
            items.forEach(i -> byId.put(i.id, i));
            Map<UUID, BigDecimal> scores = new HashMap<>();
            for (JsonNode entry : requested) {
                TaskItem item = byId.get(uuid(entry, "tour_task_item_id"));
                JsonNode score = entry.get("score");
                if (item == null || score == null || !score.isNumber() || score.decimalValue().signum() < 0
                        || score.decimalValue().compareTo(item.maxScore) > 0) {
                    throw new EventJson.MalformedEventException("appeal.accepted with a requested score outside the work "
                            + "or its task's range: " + entry);
                }
                scores.put(item.id, score.decimalValue().setScale(2, RoundingMode.HALF_UP));
            }
            BigDecimal total = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Check check = Check.completed(s.id, "manual", actor.userId(), total, reason);
            return check.persist().chain(() -> outbox.record(check.createdEvent(season), actor))
                    .chain(() -> ScoreVersions.writeRows(actor, pending(s.id, check.id, scores, items, season, reason)))
                    .replaceWithVoid();
        });
    }

    private static List<Object[]> pending(UUID submissionId, UUID checkId, Map<UUID, BigDecimal> scores,
                                          List<TaskItem> items, UUID season, String reason) {
        List<Object[]> rows = new ArrayList<>();
        for (TaskItem item : items) {
            if (scores.containsKey(item.id)) {
                rows.add(new Object[]{submissionId, item.id, scores.get(item.id), item.maxScore, checkId, false, "manual",
                        reason, season, "{\"method\":\"appeal\"}"});
            }
        }
        return rows;
    }

    /** No scores named: the keyed tasks are checked again under their current keys; changed scores get a version. */
    private static Uni<Void> recheckKeys(Submission s, Caller.Snapshot actor, String reason, UUID season) {
        // one check for the submission: every changed task's row carries the same new check id
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.flush())
                .chain(() -> ScoreVersions.write(actor, "select r.submission_id, r.tour_task_item_id, r.score, r.max_score, "
                        + "cast(?4 as uuid) as check_id, true as new_check, 'auto' as method, cast(?5 as text) as reason, "
                        + "cast(?6 as uuid) as season_id, '{\"method\":\"auto\",\"appeal\":true}'::jsonb as score_snapshot "
                        + "from (select s.id as submission_id, ti.id as tour_task_item_id, ti.max_score, "
                        + "attempt_auto_score(ti.scoring_snapshot, ai.item_result_snapshot -> 'answer', ti.max_score) as score, "
                        + "sc.score as old_score from competition_submissions s join competition_tour_task_items ti "
                        + "on ti.activity_binding_id = s.activity_binding_id and (ti.scoring_snapshot ->> 'type') is not null "
                        + "left join competition_answer_items ai on ai.submission_id = s.id and ai.tour_task_item_id = ti.id "
                        + "left join competition_scores sc on sc.submission_id = s.id and sc.tour_task_item_id = ti.id "
                        + "and sc.is_current where s.id = ?3) r where r.score is distinct from r.old_score",
                        s.id, UUID.randomUUID(), reason, season))
                .replaceWithVoid();
    }

    private static UUID uuid(JsonNode row, String field) {
        try {
            return UUID.fromString(row.get(field).asText());
        } catch (RuntimeException e) {
            throw new EventJson.MalformedEventException("appeal.accepted without a valid " + field);
        }
    }
}
