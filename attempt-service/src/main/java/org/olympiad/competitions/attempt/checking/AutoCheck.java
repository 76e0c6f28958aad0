package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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
 * scored by a handful of statements whatever its size, so that checking a whole tour costs no round trip per row.
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
        return check("s.id = ?1", submissionId, actor);
    }

    /** Checks one chunk of the tour's waiting submissions; answers with how many were checked (0: none left). */
    public Uni<Integer> checkTourChunk(UUID tourId, Caller.Snapshot actor) {
        return check("b.tour_id = ?1", tourId, actor);
    }

    public int chunkSize() {
        return chunkSize;
    }

    private Uni<Integer> check(String where, UUID parameter, Caller.Snapshot actor) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> NativeSql.update("drop table if exists attempt_picked"))
                .chain(() -> NativeSql.update("create temp table attempt_picked (id uuid primary key, before jsonb, "
                        + "season_id uuid, check_id uuid) on commit drop"))
                .chain(() -> NativeSql.update("insert into attempt_picked select s.id, to_jsonb(s), b.season_id, "
                        + "gen_random_uuid() from competition_submissions s join competition_tour_activity_bindings b "
                        + "on b.id = s.activity_binding_id where " + where + " and s.status in ('submitted', 'locked') "
                        + "order by s.id limit " + chunkSize + " for update of s skip locked", parameter))
                .chain(picked -> picked == 0 ? Uni.createFrom().item(0) : score(actor).replaceWith(picked));
    }

    private static Uni<Void> score(Caller.Snapshot actor) {
        return ScoreVersions.begin()
                .chain(() -> NativeSql.update("insert into attempt_pending_scores (submission_id, tour_task_item_id, score, "
                        + "max_score, check_id, new_check, method, reason, season_id, score_snapshot) "
                        + "select p.id, ti.id, attempt_auto_score(ti.scoring_snapshot, ai.item_result_snapshot -> 'answer', "
                        + "ti.max_score), ti.max_score, p.check_id, true, 'auto', 'automatic check of keyed items', "
                        + "p.season_id, jsonb_build_object('method', 'auto') "
                        + "from attempt_picked p join competition_submissions s on s.id = p.id "
                        + "join competition_tour_task_items ti on ti.activity_binding_id = s.activity_binding_id "
                        + "and (ti.scoring_snapshot ->> 'type') is not null left join competition_answer_items ai "
                        + "on ai.submission_id = p.id and ai.tour_task_item_id = ti.id"))
                .chain(() -> ScoreVersions.apply(actor))
                .chain(() -> NativeSql.update("with moved as (update competition_submissions s set status = (case when "
                        + "exists (select 1 from competition_tour_task_items ti where ti.activity_binding_id = s.activity_binding_id "
                        + "and not ((ti.scoring_snapshot ->> 'type') is not null)) then 'checking' else 'checked' end)::competition_submission_status, "
                        + "updated_at = now() from attempt_picked p where s.id = p.id returning s.*) "
                        + SetBasedOutbox.insertFrom("select case when m.status = 'checked' then '"
                        + EventTypes.SUBMISSION_CHECKED + "' else '" + EventTypes.SUBMISSION_CHECKING_STARTED
                        + "' end as type, '" + EntityTypes.SUBMISSION + "' as entity_type, m.id as entity_id, p.season_id, "
                        + "p.before, to_jsonb(m) as after, null::text as reason, nullif(?1, '')::uuid as actor_user_id, "
                        + "nullif(?2, '') as request_id from moved m join attempt_picked p on p.id = m.id"),
                        NativeSql.text(actor.userId()), NativeSql.text(actor.requestId())))
                .replaceWithVoid();
    }
}
