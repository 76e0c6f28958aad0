package org.olympiad.competitions.results.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;

import java.util.UUID;

/**
 * Writes the local copies of other services' rows. Every statement reads the event's row snapshot (seed column
 * names) from one jsonb parameter, so a null column needs no typed binding, and upserts by the owner's id: applying
 * an event again writes the same row. Runs in the consumer's transaction, with the inbox mark.
 */
@ApplicationScoped
public class Projections {

    static final String SEASON = "insert into results_projection_seasons (id, status) "
            + "select (j->>'id')::uuid, j->>'status' from (select cast(cast(?1 as text) as jsonb) j) x "
            + "on conflict (id) do update set status = excluded.status";

    static final String TOUR = "insert into results_projection_tours (id, season_id, title, position, status) "
            + "select (j->>'id')::uuid, (j->>'season_id')::uuid, j->>'title', (j->>'position')::int, j->>'status' "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set title = excluded.title, "
            + "position = excluded.position, status = excluded.status";

    static final String TRACK = "insert into results_projection_tracks (id, season_id, tour_id, key, title, deleted) "
            + "select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'tour_id')::uuid, j->>'key', j->>'title', "
            + "coalesce((j->>'_deleted')::boolean, false) from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set "
            + "tour_id = excluded.tour_id, key = excluded.key, title = excluded.title, deleted = excluded.deleted";

    static final String GRADE_CATEGORY = "insert into results_projection_grade_categories "
            + "(id, season_id, key, title, grade_range_key, deleted) select (j->>'id')::uuid, (j->>'season_id')::uuid, "
            + "j->>'key', j->>'title', j->>'grade_range_key', coalesce((j->>'_deleted')::boolean, false) "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set key = excluded.key, title = excluded.title, "
            + "grade_range_key = excluded.grade_range_key, deleted = excluded.deleted";

    /** Places every participant of the season in the grade category that holds their grade (first by key). */
    static final String PLACE_SEASON_IN_CATEGORIES = "update results_projection_participants p set grade_category_id = ("
            + "select gc.id from results_projection_grade_categories gc where gc.season_id = p.season_id "
            + "and not gc.deleted and results_grade_in_range(gc.grade_range_key, gc.key, p.grade) order by gc.key limit 1) "
            + "where p.season_id = (select (cast(cast(?1 as text) as jsonb)->>'season_id')::uuid)";

    static final String PARTICIPANT = "insert into results_projection_participants "
            + "(id, season_id, identity_user_id, display_name, grade, child_mode_required, merged, grade_category_id) "
            + "select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'identity_user_id')::uuid, j->>'display_name', "
            + "j->>'grade', coalesce((j->>'child_mode_required')::boolean, false), "
            + "coalesce(j->>'duplicate_status', '') = 'merged', (select gc.id from results_projection_grade_categories gc "
            + "  where gc.season_id = (j->>'season_id')::uuid and not gc.deleted "
            + "  and results_grade_in_range(gc.grade_range_key, gc.key, j->>'grade') order by gc.key limit 1) "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set identity_user_id = excluded.identity_user_id, "
            + "display_name = excluded.display_name, grade = excluded.grade, "
            + "child_mode_required = excluded.child_mode_required, merged = excluded.merged, "
            + "grade_category_id = excluded.grade_category_id";

    static final String TOUR_PARTICIPATION = "insert into results_projection_tour_participations "
            + "(id, tour_id, season_id, season_participation_id, participant_id, track_id, venue_id, status) "
            + "select (j->>'id')::uuid, (j->>'tour_id')::uuid, (j->>'_season_id')::uuid, "
            + "(j->>'season_participation_id')::uuid, (j->>'participant_id')::uuid, (j->>'track_id')::uuid, "
            + "(j->>'venue_id')::uuid, j->>'status' from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set "
            + "track_id = excluded.track_id, venue_id = excluded.venue_id, status = excluded.status";

    static final String ACCESS_CLAIM = "insert into results_projection_access_claims "
            + "(id, participant_id, requester_user_id, status) select (j->>'id')::uuid, (j->>'participant_id')::uuid, "
            + "(j->>'requester_user_id')::uuid, j->>'status' from (select cast(cast(?1 as text) as jsonb) j) x "
            + "on conflict (id) do update set status = excluded.status, participant_id = excluded.participant_id";

    static final String EXTERNAL_TEACHER = "insert into results_projection_external_teachers "
            + "(id, identity_user_id, verification_status) select (j->>'id')::uuid, (j->>'identity_user_id')::uuid, "
            + "j->>'verification_status' from (select cast(cast(?1 as text) as jsonb) j) x "
            + "on conflict (id) do update set verification_status = excluded.verification_status";

    static final String TEACHER_LINK = "insert into results_projection_teacher_links "
            + "(id, external_teacher_profile_id, participant_id, relation_status) select (j->>'id')::uuid, "
            + "(j->>'external_teacher_profile_id')::uuid, (j->>'participant_id')::uuid, j->>'relation_status' "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set relation_status = excluded.relation_status, "
            + "participant_id = excluded.participant_id";

    static final String GROUP = "insert into results_projection_groups (id, season_id, primary_teacher_user_id, status) "
            + "select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'primary_teacher_user_id')::uuid, j->>'status' "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set "
            + "primary_teacher_user_id = excluded.primary_teacher_user_id, status = excluded.status";

    static final String GROUP_MEMBER = "insert into results_projection_group_members (id, group_id, participant_id, status) "
            + "select (j->>'id')::uuid, (j->>'group_id')::uuid, (j->>'participant_id')::uuid, j->>'status' "
            + "from (select cast(cast(?1 as text) as jsonb) j) x on conflict (id) do update set participant_id = excluded.participant_id, "
            + "status = excluded.status";

    static final String SUBMISSION = "insert into results_projection_submissions (id, tour_participation_id, status) "
            + "select (j->>'id')::uuid, (j->>'tour_participation_id')::uuid, j->>'status' from (select cast(cast(?1 as text) as jsonb) j) x "
            + "on conflict (id) do update set status = excluded.status";

    /** A current score replaces an older version of the same (submission, item); an older one arriving late does not. */
    static final String CURRENT_SCORE = "insert into results_projection_scores "
            + "(submission_id, tour_task_item_id, score_id, score_version, score, max_score) "
            + "select (j->>'submission_id')::uuid, coalesce((j->>'tour_task_item_id')::uuid, '" + zero() + "'::uuid), "
            + "(j->>'id')::uuid, coalesce((j->>'score_version')::int, 1), (j->>'score')::numeric, "
            + "(j->>'max_score')::numeric from (select cast(cast(?1 as text) as jsonb) j) x where coalesce((j->>'is_current')::boolean, true) "
            + "and j->>'voided_at' is null on conflict (submission_id, tour_task_item_id) do update set "
            + "score_id = excluded.score_id, score_version = excluded.score_version, score = excluded.score, "
            + "max_score = excluded.max_score where results_projection_scores.score_version <= excluded.score_version";

    static final String VOIDED_SCORE = "delete from results_projection_scores where score_id = (select (cast(cast(?1 as text) as jsonb)->>'id')::uuid)";

    static final String PHOTO_REPORT = "insert into results_projection_photo_reports "
            + "(id, tour_id, venue_id, competition_group_id, status) select (j->>'id')::uuid, (j->>'tour_id')::uuid, "
            + "(j->>'venue_id')::uuid, (j->>'competition_group_id')::uuid, j->>'status' from (select cast(cast(?1 as text) as jsonb) j) x "
            + "on conflict (id) do update set status = excluded.status";

    /** Runs one of the statements above with the event's row (its {@code after}, or {@code before} when gone). */
    public Uni<Integer> apply(String statement, EventEnvelope event) {
        JsonNode row = event.after() != null ? event.after() : event.before();
        if (row == null || !row.hasNonNull("id")) {
            throw new EventJson.MalformedEventException(event.type() + " without a row id");
        }
        ObjectNode json = row.deepCopy();
        if (event.seasonId() != null) {
            json.put("_season_id", event.seasonId().toString());
        }
        if (event.after() == null || event.type().endsWith(".deleted")) {
            json.put("_deleted", true);
        }
        return execute(statement, json.toString());
    }

    static Uni<Integer> execute(String statement, String json) {
        return Panache.getSession().chain(session -> session.createNativeQuery(statement)
                .setParameter(1, json).executeUpdate());
    }

    static String zero() {
        return new UUID(0, 0).toString();
    }
}
