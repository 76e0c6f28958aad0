package org.olympiad.competitions.attempt.checking;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.ArrayList;
import java.util.List;

/**
 * The one writer of scores, set-based and in one statement: every path that scores (automatic check, manual check,
 * senior decision, appeal, key correction, import) describes its new scores as a query, the <em>pending</em> rows —
 * one per (submission, task item) with the columns {@code submission_id, tour_task_item_id, score, max_score,
 * check_id, new_check, method, reason, season_id, score_snapshot} — and this records the new checks, flips the
 * previous current versions to {@code is_current = false} (never deleting them) and inserts the new versions, with
 * one event per row: {@code score.recorded} for a first score, {@code score.recalculated} (before = the previous
 * version) otherwise.
 *
 * <p>All of it is CTEs of a single statement rather than temporary tables: a temporary table per scoring call
 * (three per submit, before) writes to the system catalog each time, and at thousands of submits a minute that
 * catalog churn and its round trips were the cost of a submit. A new version of a (submission, task) can only be
 * produced joined to the row {@code flipped} returned, so the old version is already not current when the new one
 * is inserted (the partial unique index on the current version holds row by row).
 */
public final class ScoreVersions {

    /** The positional parameters every statement built here binds first: the actor's user id and request id. */
    public static final int FIRST_FREE_PARAMETER = 3;

    private ScoreVersions() {
    }

    /**
     * The CTEs {@code new_checks}, {@code flipped} and {@code versions}, to follow a CTE named {@code pending}; the
     * actor is the parameter {@code ?1}.
     */
    static String writingCtes() {
        return "new_checks as (insert into competition_checks (id, submission_id, method, status, score, "
                + "checked_by_user_id, reason, created_at) select check_id, submission_id, min(method), 'checked', sum(score), "
                + "nullif(?1, '')::uuid, min(reason), now() from pending where new_check group by check_id, submission_id "
                + "returning *), "
                + "flipped as (update competition_scores sc set is_current = false from pending p "
                + "where sc.submission_id = p.submission_id and sc.tour_task_item_id = p.tour_task_item_id and sc.is_current "
                + "returning sc.*), "
                + "versions as (insert into competition_scores (submission_id, tour_task_item_id, score_version, is_current, "
                + "score, max_score, source_check_id, score_snapshot, recalculation_reason, created_at) "
                + "select p.submission_id, p.tour_task_item_id, coalesce(f.score_version, 0) + 1, true, p.score, p.max_score, "
                + "p.check_id, p.score_snapshot, case when f.id is null then null else p.reason end, now() "
                + "from pending p left join flipped f on f.submission_id = p.submission_id "
                + "and f.tour_task_item_id = p.tour_task_item_id returning *)";
    }

    /** The event rows (for {@link SetBasedOutbox#insertFrom(String)}) of {@link #writingCtes()}: checks, then scores. */
    static String eventRows() {
        String actor = "nullif(?1, '')::uuid as actor_user_id, nullif(?2, '') as request_id";
        return "select '" + EventTypes.CHECK_COMPLETED + "' as type, '" + EntityTypes.CHECK + "' as entity_type, "
                + "c.id as entity_id, p.season_id, null::jsonb as before, to_jsonb(c) as after, c.reason, " + actor
                + " from new_checks c join (select distinct check_id, season_id from pending) p on p.check_id = c.id "
                + "union all "
                + "select case when f.id is null then '" + EventTypes.SCORE_RECORDED + "' else '"
                + EventTypes.SCORE_RECALCULATED + "' end, '" + EntityTypes.SCORE + "', v.id, p.season_id, "
                // flipped holds the previous version as it is now; the event's before is the row as it was
                + "case when f.id is null then null else to_jsonb(f) || '{\"is_current\": true}'::jsonb end, "
                + "to_jsonb(v), v.recalculation_reason, " + actor + " from versions v join pending p "
                + "on p.submission_id = v.submission_id and p.tour_task_item_id = v.tour_task_item_id "
                + "left join flipped f on f.submission_id = v.submission_id and f.tour_task_item_id = v.tour_task_item_id";
    }

    /**
     * Writes the pending scores given by {@code pendingQuery} (its parameters from {@code ?3} on) as new versions, in
     * one statement; answers with how many score versions were written.
     */
    public static Uni<Integer> write(Caller.Snapshot actor, String pendingQuery, Object... parameters) {
        List<Object> all = new ArrayList<>();
        all.add(NativeSql.text(actor.userId()));
        all.add(NativeSql.text(actor.requestId()));
        all.addAll(List.of(parameters));
        return NativeSql.column("with pending as materialized (" + pendingQuery + "), " + writingCtes() + ", "
                        + "events as (" + SetBasedOutbox.insertFrom(eventRows()) + " returning type) "
                        + "select count(*) from events where type <> '" + EventTypes.CHECK_COMPLETED + "'",
                Long.class, all.toArray()).map(n -> n.get(0).intValue());
    }

    /**
     * Writes the given pending rows (each the ten values of {@link #PENDING_COLUMNS}, in order; the snapshot as JSON
     * text) as new versions: for the paths that score one work at a time.
     */
    public static Uni<Integer> writeRows(Caller.Snapshot actor, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder values = new StringBuilder("select * from (values ");
        List<Object> parameters = new ArrayList<>();
        for (Object[] row : rows) {
            values.append(parameters.isEmpty() ? "" : ", ").append(valuesRow(FIRST_FREE_PARAMETER + parameters.size()));
            parameters.addAll(List.of(row));
        }
        values.append(") as v (").append(PENDING_COLUMNS).append(')');
        return write(actor, values.toString(), parameters.toArray());
    }

    /** The pending-row columns, for paths that list their scores as {@code values}. */
    static final String PENDING_COLUMNS = "submission_id, tour_task_item_id, score, max_score, check_id, new_check, "
            + "method, reason, season_id, score_snapshot";

    /** One typed {@code values} row of pending scores whose ten values are the parameters from {@code ?first} on. */
    static String valuesRow(int first) {
        String[] types = {"uuid", "uuid", "numeric(8,2)", "numeric(8,2)", "uuid", "boolean", "text", "text", "uuid", "jsonb"};
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < types.length; i++) {
            row.append(i == 0 ? "" : ", ").append(types[i].equals("jsonb") ? "cast(cast(?" + (first + i) + " as text) as jsonb)"
                    : "cast(?" + (first + i) + " as " + types[i] + ")");
        }
        return row.append(')').toString();
    }
}
