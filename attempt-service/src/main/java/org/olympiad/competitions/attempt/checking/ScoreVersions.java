package org.olympiad.competitions.attempt.checking;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

/**
 * The one writer of scores, set-based: every path that scores (automatic check, manual check, senior decision,
 * appeal, key correction, import) first fills the transaction's {@code attempt_pending_scores} with one row per
 * (submission, task item), then {@link #apply} records the new checks, flips the previous current versions to
 * {@code is_current = false} (never deleting them) and inserts the new versions, with one event per row:
 * {@code score.recorded} for a first score, {@code score.recalculated} (before = the previous version) otherwise.
 */
public final class ScoreVersions {

    private ScoreVersions() {
    }

    /** Starts a scoring unit of work: an empty pending table, dropped when the transaction ends. */
    public static Uni<Void> begin() {
        return NativeSql.update("drop table if exists attempt_pending_scores")
                .chain(() -> NativeSql.update("""
                        create temp table attempt_pending_scores (
                        submission_id uuid not null, tour_task_item_id uuid not null, score numeric(8,2) not null,
                        max_score numeric(8,2), check_id uuid not null, new_check boolean not null, method text not null,
                        reason text, season_id uuid, score_snapshot jsonb not null default '{}'::jsonb,
                        primary key (submission_id, tour_task_item_id)) on commit drop"""))
                .replaceWithVoid();
    }

    /** Writes the pending scores as new versions; answers with how many score rows were written. */
    public static Uni<Integer> apply(Caller.Snapshot actor) {
        String user = NativeSql.text(actor.userId());
        String request = NativeSql.text(actor.requestId());
        return NativeSql.update("with c as (insert into competition_checks (id, submission_id, method, status, score, "
                        + "checked_by_user_id, reason, created_at) select check_id, submission_id, min(method), 'checked', sum(score), "
                        + "nullif(?1, '')::uuid, min(reason), now() from attempt_pending_scores where new_check "
                        + "group by check_id, submission_id returning *) "
                        + SetBasedOutbox.insertFrom("select '" + EventTypes.CHECK_COMPLETED + "' as type, '"
                        + EntityTypes.CHECK + "' as entity_type, c.id as entity_id, p.season_id, null::jsonb as before, "
                        + "to_jsonb(c) as after, c.reason, nullif(?1, '')::uuid as actor_user_id, nullif(?2, '') as request_id "
                        + "from c join (select distinct check_id, season_id from attempt_pending_scores) p on p.check_id = c.id"),
                        user, request)
                .chain(() -> NativeSql.update("drop table if exists attempt_previous_scores"))
                .chain(() -> NativeSql.update("create temp table attempt_previous_scores on commit drop as "
                        + "select sc.* from competition_scores sc join attempt_pending_scores p "
                        + "on p.submission_id = sc.submission_id and p.tour_task_item_id = sc.tour_task_item_id "
                        + "where sc.is_current"))
                .chain(() -> NativeSql.update("update competition_scores set is_current = false "
                        + "where id in (select id from attempt_previous_scores)"))
                .chain(() -> NativeSql.update("with ins as (insert into competition_scores (submission_id, tour_task_item_id, "
                        + "score_version, is_current, score, max_score, source_check_id, score_snapshot, recalculation_reason, "
                        + "created_at) select p.submission_id, p.tour_task_item_id, coalesce(pr.score_version, 0) + 1, true, "
                        + "p.score, p.max_score, p.check_id, p.score_snapshot, case when pr.id is null then null else p.reason end, "
                        + "now() from attempt_pending_scores p left join attempt_previous_scores pr "
                        + "on pr.submission_id = p.submission_id and pr.tour_task_item_id = p.tour_task_item_id returning *) "
                        + SetBasedOutbox.insertFrom("select case when pr.id is null then '" + EventTypes.SCORE_RECORDED
                        + "' else '" + EventTypes.SCORE_RECALCULATED + "' end as type, '" + EntityTypes.SCORE
                        + "' as entity_type, ins.id as entity_id, p.season_id, "
                        + "case when pr.id is null then null else to_jsonb(pr) end as before, to_jsonb(ins) as after, "
                        + "ins.recalculation_reason as reason, nullif(?1, '')::uuid as actor_user_id, "
                        + "nullif(?2, '') as request_id from ins join attempt_pending_scores p "
                        + "on p.submission_id = ins.submission_id and p.tour_task_item_id = ins.tour_task_item_id "
                        + "left join attempt_previous_scores pr on pr.submission_id = ins.submission_id "
                        + "and pr.tour_task_item_id = ins.tour_task_item_id"), user, request));
    }
}
