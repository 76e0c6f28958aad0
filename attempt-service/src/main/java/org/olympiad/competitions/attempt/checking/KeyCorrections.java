package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.UUID;

/**
 * Rechecks every submission scored automatically on a task item whose answer key was corrected, in one set-based
 * pass: where the corrected key gives another score, a new {@code auto} check and a new score version are written
 * (reason: the correction's), the old version kept as not current. Scores set by hand (a checker, an appeal) stand.
 */
@ApplicationScoped
public class KeyCorrections {

    /** Answers with how many scores changed. Runs in the caller's transaction, after the corrected key is flushed. */
    public Uni<Integer> recheck(UUID taskItemId, UUID seasonId, String reason) {
        Caller.Snapshot actor = Caller.current();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> ScoreVersions.write(actor, "select r.submission_id, r.tour_task_item_id, r.score, r.max_score, "
                                + "gen_random_uuid() as check_id, true as new_check, 'auto' as method, cast(?4 as text) as reason, "
                                + "cast(?5 as uuid) as season_id, '{\"method\": \"auto\", \"key_corrected\": true}'::jsonb "
                                + "as score_snapshot from (select sc.submission_id, sc.tour_task_item_id, sc.score as old_score, "
                                + "ti.max_score, attempt_auto_score(ti.scoring_snapshot, ai.item_result_snapshot -> 'answer', "
                                + "ti.max_score) as score from competition_scores sc "
                                + "join competition_tour_task_items ti on ti.id = sc.tour_task_item_id "
                                + "join competition_submissions s on s.id = sc.submission_id and s.status <> 'void' "
                                + "left join competition_answer_items ai on ai.submission_id = sc.submission_id "
                                + "and ai.tour_task_item_id = sc.tour_task_item_id "
                                + "where sc.tour_task_item_id = ?3 and sc.is_current and sc.voided_at is null "
                                + "and sc.score_snapshot ->> 'method' = 'auto') r where r.score is distinct from r.old_score",
                        taskItemId, "answer key corrected: " + reason, seasonId));
    }
}
