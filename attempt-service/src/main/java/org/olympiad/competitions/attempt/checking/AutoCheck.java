package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.UUID;

/**
 * The automatic check of submitted (or, at the close, locked) submissions, set-based: one chunk of submissions is
 * scored by one statement whatever its size, so that checking a whole tour costs no round trip per row.
 * Each keyed item gets a score from {@code attempt_auto_score}; each submission gets one {@code auto} check; a
 * submission with items left for checkers moves to {@code checking}, one without to {@code checked}.
 */
@ApplicationScoped
public class AutoCheck {

    private final int chunkSize;

    public AutoCheck(@ConfigProperty(name = "attempt.auto-check.chunk-size", defaultValue = "5000") int chunkSize) {
        this.chunkSize = chunkSize;
    }

    /** Checks one submission, if it is waiting for its automatic check. */
    public Uni<Integer> checkSubmission(UUID submissionId, Caller.Snapshot actor) {
        return check("s.id = ?3", submissionId, actor);
    }

    /** Checks one chunk of the tour's waiting submissions; answers with how many were checked (0: none left). */
    public Uni<Integer> checkTourChunk(UUID tourId, Caller.Snapshot actor) {
        return check("b.tour_id = ?3", tourId, actor);
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Checks one chunk of the tour's waiting submissions on a connection of its own (a whole-tour check runs several
     * chunks at once, each in its own transaction; {@code skip locked} keeps them apart).
     */
    public Uni<Integer> checkTourChunk(SqlConnection connection, UUID tourId, Caller.Snapshot actor) {
        return connection.preparedQuery(statement("b.tour_id = $3", "$"))
                .execute(Tuple.of(NativeSql.text(actor.userId()), NativeSql.text(actor.requestId()), tourId))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private Uni<Integer> check(String where, UUID parameter, Caller.Snapshot actor) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> NativeSql.column(statement(where, "?"), Long.class, NativeSql.text(actor.userId()),
                        NativeSql.text(actor.requestId()), parameter))
                .map(n -> n.get(0).intValue());
    }

    /**
     * One statement: pick and lock the chunk, score its keyed items, write checks and versions, move the submissions
     * on, and record every event; no temporary table, one round trip whatever the chunk's size. Its parameters are
     * the actor's user id, the request id and the {@code where}'s value, written {@code p1, p2, p3} with {@code p} the
     * driver's placeholder ({@code ?} through Hibernate, {@code $} on a plain connection).
     */
    private String statement(String where, String p) {
        String sql = "with picked as materialized (select s.id, to_jsonb(s) as before, "
                + "s.activity_binding_id, b.season_id, gen_random_uuid() as check_id from competition_submissions s "
                + "join competition_tour_activity_bindings b on b.id = s.activity_binding_id where " + where
                + " and s.status in ('submitted', 'locked') order by s.id limit " + chunkSize
                + " for update of s skip locked), "
                + "pending as materialized (select p.id as submission_id, ti.id as tour_task_item_id, "
                + "attempt_auto_score(ti.scoring_snapshot, ai.item_result_snapshot -> 'answer', ti.max_score) as score, "
                + "ti.max_score, p.check_id, true as new_check, 'auto' as method, "
                + "'automatic check of keyed items' as reason, p.season_id, "
                + "'{\"method\": \"auto\"}'::jsonb as score_snapshot from picked p "
                + "join competition_tour_task_items ti on ti.activity_binding_id = p.activity_binding_id "
                + "and (ti.scoring_snapshot ->> 'type') is not null left join competition_answer_items ai "
                + "on ai.submission_id = p.id and ai.tour_task_item_id = ti.id), "
                + ScoreVersions.writingCtes() + ", "
                // a work with tasks left to checkers (a hybrid or manual one) waits for them in checking
                + "moved as (update competition_submissions s set status = (case when exists (select 1 "
                + "from competition_tour_task_items ti where ti.activity_binding_id = s.activity_binding_id "
                + "and (ti.scoring_snapshot ->> 'type') is null) then 'checking' else 'checked' end)"
                + "::competition_submission_status, updated_at = now() from picked p where s.id = p.id returning s.*), "
                + "events as (" + SetBasedOutbox.insertFrom(ScoreVersions.eventRows() + " union all "
                + "select case when m.status = 'checked' then '" + EventTypes.SUBMISSION_CHECKED + "' else '"
                + EventTypes.SUBMISSION_CHECKING_STARTED + "' end, '" + EntityTypes.SUBMISSION + "', m.id, "
                + "p.season_id, p.before, to_jsonb(m), null::text, nullif(?1, '')::uuid, nullif(?2, '') "
                + "from moved m join picked p on p.id = m.id") + " returning 1) "
                + "select count(*) from moved";
        // the statement's own parameters are ?1 and ?2 (ScoreVersions' too); none of its operators is a '?'
        return p.equals("?") ? sql : sql.replace("?1", "$1").replace("?2", "$2");
    }
}
