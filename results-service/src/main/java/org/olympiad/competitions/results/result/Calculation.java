package org.olympiad.competitions.results.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.results.policy.AwardLadder;
import org.olympiad.competitions.results.policy.AwardRules;
import org.olympiad.competitions.results.policy.AwardStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Calculates a tour's or a season's results set-based: PostgreSQL sums the current scores per participant, Java
 * ranks and awards each group (track × grade category) by its award policy, and the results, their outbox events
 * (one per new or changed result) and the scope's rankings are written in a handful of array statements in one
 * transaction. A dry run does everything but the writes.
 */
@ApplicationScoped
public class Calculation {

    static final int CHANGES_SHOWN = 100;

    /**
     * For the calculation's transaction only: a season's aggregates and sorts (hundreds of thousands of rows) fit in
     * memory instead of spilling to disk; no JIT, whose compiling cost a second per statement and won nothing on
     * these plans; and the outbox payloads (about 2.5 kB each, so compressed on the way into the table) are
     * compressed with lz4 instead of pglz, several times faster.
     */
    static final String SESSION_SETTINGS = "set local work_mem = '64MB'; set local jit = off; "
            + "set local default_toast_compression = 'lz4'";
    private static final UUID ZERO = new UUID(0, 0);

    /**
     * A participant's score per tour, from the current totals of their non-void submissions (the sum of the current
     * score per task item, which the database keeps up to date: results_projection_submission_totals).
     */
    static final String TOUR_SCORES = "select tp.participant_id, p.grade_category_id, tp.track_id, t.position, sum(s.score) "
            + "from results_projection_tour_participations tp "
            + "join results_projection_tours t on t.id = tp.tour_id "
            + "join results_projection_participants p on p.id = tp.participant_id and not p.merged "
            + "join results_projection_submissions sub on sub.tour_participation_id = tp.id and sub.status <> 'void' "
            + "join results_projection_submission_totals s on s.submission_id = sub.id and s.items > 0 "
            + "where tp.season_id = $1 and ($2::uuid is null or tp.tour_id = $2) and t.status <> 'cancelled' "
            + "and tp.status in ('admitted', 'active', 'completed') "
            + "group by tp.participant_id, p.grade_category_id, tp.track_id, t.position";

    /** The maximum per tour and grade category: the task items' maximum scores, summed. */
    static final String MAX_SCORES = "select position, grade_category_id, sum(m) from (select t.position, p.grade_category_id, "
            + "s.tour_task_item_id, max(s.max_score) m from results_projection_tour_participations tp "
            + "join results_projection_tours t on t.id = tp.tour_id "
            + "join results_projection_participants p on p.id = tp.participant_id "
            + "join results_projection_submissions sub on sub.tour_participation_id = tp.id "
            + "join results_projection_scores s on s.submission_id = sub.id "
            + "where tp.season_id = $1 and ($2::uuid is null or tp.tour_id = $2) and t.status <> 'cancelled' "
            + "group by 1, 2, 3) items group by 1, 2";

    /** Why a participant's results are held back: an open arbitration case or an unconfirmed photo report. */
    static final String WITHHELD = "select c.participant_id, 'arbitration_case:' || min(c.id::text) "
            + "from competition_arbitration_cases c where c.status in ('opened', 'in_review') and c.participant_id in "
            + "(select participant_id from results_projection_tour_participations where season_id = $1) group by 1 "
            + "union all select tp.participant_id, 'photo_report:' || min(pr.id::text) "
            + "from results_projection_photo_reports pr join results_projection_tour_participations tp on tp.tour_id = pr.tour_id "
            + "and (tp.venue_id = pr.venue_id or tp.participant_id in (select gm.participant_id "
            + "  from results_projection_group_members gm where gm.group_id = pr.competition_group_id and gm.status = 'active')) "
            + "where pr.status = 'unconfirmed' and tp.season_id = $1 and ($2::uuid is null or tp.tour_id = $2) group by 1";

    /** The scope's live results, with the group (track, grade category) their stored snapshot was made for. */
    static final String EXISTING = "select id, participant_id, score, rank, award_status_key, status, is_withheld, track_id, "
            + "withheld_reason, threshold_policy_snapshot->>'gradeCategoryId' "
            + "from competition_results where season_id = $1 and coalesce(tour_id, '" + ZERO + "') = coalesce($2::uuid, '"
            + ZERO + "') and status <> 'void'";

    /**
     * The planned rows as parallel arrays (one element per result; held_reason null unless withheld) and the groups'
     * snapshots, each parsed once and joined by group index.
     */
    static final String INPUT = "input as (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], "
            + "$6::text[], $7::int[], $9::text[]) as u(id, participant_id, track_id, score, rank, award, grp, held_reason)), "
            + "snap as (select (ord - 1)::int as grp, s::jsonb as snapshot from unnest($8::text[]) with ordinality as t(s, ord))";

    /**
     * New results and their result.calculated events. The rows get their ids first (a small materialized CTE), so the
     * events are built from the planned rows and the group's snapshot, joined once per group, instead of from
     * {@code returning *}, which would hold every inserted row, snapshot and all, in a spilled tuple store. The
     * event's row is exactly what the insert stores (to_jsonb of a competition_results row: every column, numeric
     * scale 2, now() as the timestamps); keep both lists in step with the table.
     */
    static final String INSERT = "with " + INPUT + ", fresh as materialized (select gen_random_uuid() as rid, i.participant_id, "
            + "i.track_id, i.score, i.rank, i.award, i.grp, i.held_reason from input i where i.id is null), ins as (insert into competition_results (id, tour_id, season_id, participant_id, track_id, "
            + "score, rank, award_status_key, status, threshold_policy_snapshot, is_withheld, withheld_reason, created_at, "
            + "updated_at) select f.rid, $10::uuid, $11::uuid, f.participant_id::uuid, f.track_id::uuid, f.score::numeric(8,2), "
            + "f.rank::int, f.award, 'calculated', s.snapshot, f.held_reason is not null, f.held_reason, now(), now() "
            + "from fresh f join snap s on s.grp = f.grp), "
            + "src as (select '" + EventTypes.RESULT_CALCULATED + "'::text as event_type, f.rid as entity_id, "
            + "$11::uuid as season_id, null::jsonb as before_row, jsonb_build_object('id', f.rid, 'tour_id', $10::uuid, "
            + "'season_id', $11::uuid, 'participant_id', f.participant_id::uuid, 'track_id', f.track_id::uuid, "
            + "'score', f.score::numeric(8,2), 'rank', f.rank::int, 'award_status_key', f.award, 'status', 'calculated', "
            + "'publication_status', 'hidden', 'threshold_policy_snapshot', s.snapshot, 'approved_by_user_id', null, "
            + "'approved_at', null, 'is_withheld', f.held_reason is not null, 'withheld_reason', f.held_reason, "
            + "'created_at', now(), 'updated_at', now()) as after_row from fresh f join snap s on s.grp = f.grp) "
            + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 12, 13, 14);

    /**
     * Only rows whose values differ are touched, and only they get an event. In a revision ($13: an accepted
     * appeal's new score) a result keeps its status, and a published one's event is result.revised with the fields
     * documents-service needs; otherwise results return to calculated.
     */
    static final String UPDATE = "with " + INPUT + ", prior as (select r.* from competition_results r join input i "
            + "on r.id = i.id::uuid), fresh as (select i.*, s.snapshot, "
            + "case when $13::boolean then p.status else 'calculated' end as next_status from input i join snap s on s.grp = i.grp "
            + "join prior p on p.id = i.id::uuid), "
            + "upd as (update competition_results r set track_id = n.track_id::uuid, "
            + "score = n.score::numeric, rank = n.rank::int, award_status_key = n.award, status = n.next_status, "
            + "threshold_policy_snapshot = n.snapshot, is_withheld = n.held_reason is not null, withheld_reason = n.held_reason, "
            + "updated_at = now() from fresh n where r.id = n.id::uuid and (r.track_id, r.score, r.rank, r.award_status_key, "
            + "r.status, r.is_withheld, r.withheld_reason, r.threshold_policy_snapshot) is distinct from (n.track_id::uuid, "
            + "n.score::numeric, n.rank::int, n.award, n.next_status, n.held_reason is not null, n.held_reason, n.snapshot) "
            + "returning r.*), src as (select case when $13::boolean and upd.publication_status <> 'hidden' then '"
            + EventTypes.RESULT_REVISED + "' else '" + EventTypes.RESULT_RECALCULATED + "' end as event_type, "
            + "upd.id as entity_id, upd.season_id, to_jsonb(prior) as before_row, to_jsonb(upd) || case when $13::boolean "
            + "and upd.publication_status <> 'hidden' then jsonb_build_object('grade_category_id', pp.grade_category_id, "
            + "'award_title', a.title, 'publication_id', (select pub.id from competition_publications pub "
            + "where pub.season_id = upd.season_id and pub.status = 'published' and pub.type in ('personal_results', 'public_results') "
            + "and (pub.track_id is null or pub.track_id = upd.track_id) and (pub.grade_category_id is null "
            + "or pub.grade_category_id = pp.grade_category_id) order by pub.published_at desc limit 1)) else '{}'::jsonb end "
            + "as after_row from upd join prior on prior.id = upd.id join competition_award_statuses a on a.key = upd.award_status_key "
            + "left join results_projection_participants pp on pp.id = upd.participant_id) "
            + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 10, 11, 12);

    /** Results of participants who no longer have a counted score (a voided submission, a withdrawal) are voided. */
    static final String VOID_GONE = "with prior as (select r.* from competition_results r where r.id = any($1::text[]::uuid[])), "
            + "upd as (update competition_results r set status = 'void', updated_at = now() from prior "
            + "where r.id = prior.id returning r.*), src as (select '" + EventTypes.RESULT_VOIDED + "'::text as event_type, "
            + "upd.id as entity_id, upd.season_id, to_jsonb(prior) as before_row, to_jsonb(upd) as after_row from upd "
            + "join prior on prior.id = upd.id) " + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 2, 3, 4);

    /**
     * Which groups' snapshots differ from the one stored on a result of the group (all live results of a group carry
     * the same snapshot: a calculation writes every row of a group whose snapshot changed): 20 comparisons for a
     * season instead of one per result.
     */
    static final String CHANGED_SNAPSHOTS = "select (u.ord - 1)::int from unnest($1::text[], $2::text[]) with ordinality "
            + "as u(id, snapshot, ord) left join competition_results r on r.id = u.id::uuid "
            + "where u.id is not null and r.threshold_policy_snapshot is distinct from u.snapshot::jsonb";

    static final String DELETE_RANKINGS = "delete from competition_rankings where season_id = $1 "
            + "and coalesce(tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "')";

    /** The scope's rankings per track, over every grade category, from the live results just written. */
    static final String INSERT_RANKINGS = "with ins as (insert into competition_rankings (season_id, tour_id, track_id, "
            + "participant_id, rank, score) select season_id, tour_id, track_id, participant_id, "
            + "rank() over (partition by track_id order by score desc), score from competition_results "
            + "where season_id = $1 and coalesce(tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
            + "and status <> 'void' returning season_id, tour_id, track_id, calculated_at), "
            + "src as (select '" + EventTypes.RANKING_CALCULATED + "'::text as event_type, "
            + "coalesce(track_id, tour_id, season_id) as entity_id, season_id, null::jsonb as before_row, "
            + "jsonb_build_object('season_id', season_id, 'tour_id', tour_id, 'track_id', track_id, "
            + "'participants', count(*), 'calculated_at', max(calculated_at)) as after_row from ins "
            + "group by season_id, tour_id, track_id) " + SetBasedOutbox.insertFrom("src", EntityTypes.RANKING, 3, 4, 5);

    private final Pool pool;

    public Calculation(Pool pool) {
        this.pool = pool;
    }

    /** Calculates (or, dry, shows) the scope's results under the caller's name. */
    public Uni<CalculationReport> run(CalculationRequest request, Caller.Snapshot caller, String reason) {
        return run(request, caller, reason, false);
    }

    /**
     * A revision recalculates a scope whose results may be finalized or published, because an accepted appeal's
     * new score arrived: results keep their status, nobody's result is voided, published ones are revised.
     */
    public Uni<CalculationReport> run(CalculationRequest request, Caller.Snapshot caller, String reason, boolean revision) {
        long started = System.nanoTime();
        return pool.withTransaction(conn -> lock(conn, request)
                .chain(() -> tours(conn, request))
                .chain(lastPosition -> policies(conn, request.seasonId()).chain(policies -> load(conn, request)
                        .chain(scores -> maxScores(conn, request, policies)
                                .chain(maxima -> withheld(conn, request)
                                        .chain(held -> existing(conn, request, revision).chain(existing -> {
                                            Plan plan = plan(request, policies, scores, maxima, held, existing, lastPosition,
                                                    revision);
                                            if (revision) {
                                                plan.gone.clear();
                                            }
                                            return changedSnapshots(conn, plan).chain(changedGroups -> {
                                                plan.keepOnlyChanged(changedGroups);
                                                if (request.isDryRun()) {
                                                    return Uni.createFrom().item(plan.report(request, true, started));
                                                }
                                                return write(conn, request, plan, caller, reason, revision)
                                                        .map(written -> written.report(request, false, started));
                                            });
                                        })))))));
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    private static Uni<Void> lock(SqlConnection conn, CalculationRequest r) {
        // one calculation of a scope at a time; others wait for it rather than interleave their writes
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 7))")
                .execute(Tuple.of("results:" + r.seasonId() + ":" + r.tourId()))
                .chain(() -> conn.query(SESSION_SETTINGS).execute()).replaceWithVoid();
    }

    /** The season's tours: the tour asked for must be one of them; answers the last counted tour's position. */
    private static Uni<Integer> tours(SqlConnection conn, CalculationRequest r) {
        return conn.preparedQuery("select id, position, status from results_projection_tours where season_id = $1")
                .execute(Tuple.of(r.seasonId())).map(rows -> {
                    int last = Integer.MIN_VALUE;
                    boolean found = r.tourId() == null;
                    for (Row row : rows) {
                        if (row.getUUID(0).equals(r.tourId())) {
                            found = true;
                            if ("cancelled".equals(row.getString(2))) {
                                throw ProblemException.lockedIn(EntityTypes.TOUR, "cancelled", "calculated");
                            }
                        }
                        if (!"cancelled".equals(row.getString(2))) {
                            last = Math.max(last, row.getInteger(1));
                        }
                    }
                    if (!found) {
                        throw ProblemException.notFound(EntityTypes.TOUR, r.tourId());
                    }
                    return last;
                });
    }

    record Policy(UUID id, UUID trackId, UUID gradeCategoryId, AwardRules rules, JsonNode json) {
        int specificity() {
            return (trackId != null ? 2 : 0) + (gradeCategoryId != null ? 1 : 0);
        }

        boolean covers(UUID track, UUID category) {
            return (trackId == null || trackId.equals(track)) && (gradeCategoryId == null || gradeCategoryId.equals(category));
        }
    }

    private static Uni<List<Policy>> policies(SqlConnection conn, UUID season) {
        return conn.preparedQuery("select id, track_id, grade_category_id, rules::text from competition_award_policies "
                + "where season_id = $1").execute(Tuple.of(season)).map(rows -> {
                    List<Policy> policies = new ArrayList<>();
                    for (Row row : rows) {
                        JsonNode json = readJson(row.getString(3));
                        policies.add(new Policy(row.getUUID(0), row.getUUID(1), row.getUUID(2), AwardRules.parse(json), json));
                    }
                    return policies;
                });
    }

    record TourScore(UUID participantId, UUID gradeCategoryId, UUID trackId, int position, BigDecimal score) {
    }

    private static Uni<List<TourScore>> load(SqlConnection conn, CalculationRequest r) {
        return conn.preparedQuery(TOUR_SCORES).execute(Tuple.of(r.seasonId(), r.tourId())).map(rows -> {
            List<TourScore> scores = new ArrayList<>(rows.size());
            for (Row row : rows) {
                scores.add(new TourScore(row.getUUID(0), row.getUUID(1), row.getUUID(2), row.getInteger(3), row.getBigDecimal(4)));
            }
            return scores;
        });
    }

    /** The maximum per (tour position, grade category); read only when some policy needs it and does not say it. */
    private static Uni<Map<String, BigDecimal>> maxScores(SqlConnection conn, CalculationRequest r, List<Policy> policies) {
        boolean needed = policies.stream().anyMatch(p -> p.rules().needsMaxScore() && p.rules().maxScore() == null);
        if (!needed) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery(MAX_SCORES).execute(Tuple.of(r.seasonId(), r.tourId())).map(rows -> {
            Map<String, BigDecimal> maxima = new HashMap<>();
            for (Row row : rows) {
                maxima.put(row.getInteger(0) + ":" + row.getUUID(1), row.getBigDecimal(2));
            }
            return maxima;
        });
    }

    private static Uni<Map<UUID, String>> withheld(SqlConnection conn, CalculationRequest r) {
        return conn.preparedQuery(WITHHELD).execute(Tuple.of(r.seasonId(), r.tourId())).map(rows -> {
            Map<UUID, String> held = new HashMap<>();
            for (Row row : rows) {
                held.putIfAbsent(row.getUUID(0), row.getString(1));
            }
            return held;
        });
    }

    record Existing(UUID id, UUID participantId, BigDecimal score, Integer rank, String award, String status, boolean withheld,
                    UUID trackId, String withheldReason, String snapshotGradeCategoryId) {
    }

    private static Uni<Map<UUID, Existing>> existing(SqlConnection conn, CalculationRequest r, boolean revision) {
        return conn.preparedQuery(EXISTING).execute(Tuple.of(r.seasonId(), r.tourId())).map(rows -> {
            Map<UUID, Existing> byParticipant = new HashMap<>(rows.size() * 2);
            for (Row row : rows) {
                Existing e = new Existing(row.getUUID(0), row.getUUID(1), row.getBigDecimal(2), row.getInteger(3),
                        row.getString(4), row.getString(5), row.getBoolean(6), row.getUUID(7), row.getString(8), row.getString(9));
                if (!revision && ResultStatus.of(e.status()) == ResultStatus.finalized) {
                    throw new ProblemException(org.olympiad.competitions.platform.problem.Problem.of(
                                    org.olympiad.competitions.platform.problem.ProblemType.CONFLICT,
                                    "results of this scope are finalized: a change goes through an appeal or an arbitration decision")
                            .withStates("finalized", "calculated").withField("status", "not-finalized"));
                }
                byParticipant.put(e.participantId(), e);
            }
            return byParticipant;
        });
    }

    // ---- planning (pure) ------------------------------------------------------------------------------------------

    record Entry(UUID participantId, UUID trackId, UUID gradeCategoryId, BigDecimal score) {
    }

    /** The groups whose snapshot differs from the one stored on their results: every row of them is written. */
    private static Uni<Set<Integer>> changedSnapshots(SqlConnection conn, Plan plan) {
        if (plan.representatives.stream().allMatch(Objects::isNull)) {
            return Uni.createFrom().item(Set.of());
        }
        return conn.preparedQuery(CHANGED_SNAPSHOTS).execute(Tuple.of(plan.representatives.toArray(String[]::new),
                plan.snapshots.toArray(String[]::new))).map(rows -> {
                    Set<Integer> changed = new java.util.HashSet<>();
                    for (Row row : rows) {
                        changed.add(row.getInteger(0));
                    }
                    return changed;
                });
    }

    /**
     * Everything the writes need, as arrays (only new rows and rows that change), and the report. A row the same as
     * its stored result (standing, track, withholding, status, group) is left out once its group's snapshot is known
     * to be the same too, so an unchanged recalculation writes nothing and sends no events.
     */
    static final class Plan {
        final List<String> ids = new ArrayList<>();
        final List<String> participants = new ArrayList<>();
        final List<String> tracks = new ArrayList<>();
        final List<String> scores = new ArrayList<>();
        final List<String> ranks = new ArrayList<>();
        final List<String> awards = new ArrayList<>();
        final List<Integer> groupIndexes = new ArrayList<>();
        final List<String> snapshots = new ArrayList<>();
        final List<String> heldReasons = new ArrayList<>();
        /** per row: the same as the stored result, snapshot aside */
        final List<Boolean> same = new ArrayList<>();
        /** per group: a stored result of the group whose snapshot stands for the group's, or null */
        final List<String> representatives = new ArrayList<>();
        final List<String> gone = new ArrayList<>();
        final List<CalculationReport.Group> groups = new ArrayList<>();
        final List<CalculationReport.Change> changes = new ArrayList<>();
        int created;
        int changed;
        int unchanged;
        int calculated;

        CalculationReport report(CalculationRequest r, boolean dry, long started) {
            return new CalculationReport(r.seasonId(), r.tourId(), dry, calculated, created, changed, unchanged,
                    gone.size(), groups, changes, (System.nanoTime() - started) / 1_000_000);
        }

        boolean writesResults() {
            return !participants.isEmpty() || !gone.isEmpty();
        }

        /** Drops the rows that stay as they are: the same standing and the same snapshot as stored. */
        void keepOnlyChanged(Set<Integer> changedGroups) {
            calculated = same.size();
            int kept = 0;
            for (int i = 0; i < same.size(); i++) {
                boolean write = !same.get(i) || changedGroups.contains(groupIndexes.get(i));
                if (!write) {
                    continue;
                }
                if (ids.get(i) != null && same.get(i)) {
                    changed++; // only the group's snapshot changed (the policy, or the group's thresholds)
                    unchanged--;
                }
                ids.set(kept, ids.get(i));
                participants.set(kept, participants.get(i));
                tracks.set(kept, tracks.get(i));
                scores.set(kept, scores.get(i));
                ranks.set(kept, ranks.get(i));
                awards.set(kept, awards.get(i));
                groupIndexes.set(kept, groupIndexes.get(i));
                heldReasons.set(kept, heldReasons.get(i));
                kept++;
            }
            for (List<?> column : List.<List<?>>of(ids, participants, tracks, scores, ranks, awards, groupIndexes, heldReasons, same)) {
                column.subList(Math.min(kept, column.size()), column.size()).clear();
            }
        }
    }

    static Plan plan(CalculationRequest request, List<Policy> policies, List<TourScore> tourScores,
                     Map<String, BigDecimal> maxima, Map<UUID, String> held, Map<UUID, Existing> existing, int lastPosition,
                     boolean revision) {
        Map<UUID, List<TourScore>> byParticipant = new LinkedHashMap<>();
        for (TourScore s : tourScores) {
            byParticipant.computeIfAbsent(s.participantId(), k -> new ArrayList<>(2)).add(s);
        }
        // group by track × grade category; the season's counting mode depends on the group's policy
        Map<List<UUID>, List<List<TourScore>>> grouped = new LinkedHashMap<>();
        for (List<TourScore> ofOne : byParticipant.values()) {
            TourScore latest = ofOne.stream().max(Comparator.comparingInt(TourScore::position)).orElseThrow();
            grouped.computeIfAbsent(Arrays.asList(latest.trackId(), latest.gradeCategoryId()), k -> new ArrayList<>()).add(ofOne);
        }
        Plan plan = new Plan();
        for (Map.Entry<List<UUID>, List<List<TourScore>>> g : grouped.entrySet()) {
            UUID track = g.getKey().get(0);
            UUID category = g.getKey().get(1);
            Policy policy = policies.stream().filter(p -> p.covers(track, category))
                    .max(Comparator.comparingInt(Policy::specificity)).orElseThrow(() -> ProblemException.invalidField(
                            "awardPolicy", "required", "no award policy of the season covers track " + track
                                    + " and grade category " + category + ": create one before calculating"));
            AwardRules rules = policy.rules();
            List<Entry> entries = new ArrayList<>(g.getValue().size());
            Set<Integer> positions = new java.util.TreeSet<>();
            for (List<TourScore> ofOne : g.getValue()) {
                BigDecimal score = counted(rules, ofOne, request.tourId() != null, lastPosition, positions);
                if (score != null) {
                    entries.add(new Entry(ofOne.get(0).participantId(), track, category, score));
                }
            }
            entries.sort(Comparator.comparing(Entry::score).reversed().thenComparing(Entry::participantId));
            BigDecimal[] descending = entries.stream().map(Entry::score).toArray(BigDecimal[]::new);
            BigDecimal maxScore = rules.maxScore() != null ? rules.maxScore() : derivedMax(rules, maxima, positions, category,
                    request.tourId() != null);
            if (rules.needsMaxScore() && maxScore == null) {
                throw ProblemException.invalidField("rules.maxScore", "required", "the policy " + policy.id()
                        + " sets a minimum score but no maxScore, and no task item of the counted tours has a max_score");
            }
            AwardLadder.Outcome outcome = AwardLadder.apply(rules, descending, maxScore);
            int groupIndex = plan.snapshots.size();
            ObjectNode snapshot = snapshot(policy, track, category, entries.size(), maxScore, outcome);
            plan.snapshots.add(snapshot.toString());
            plan.representatives.add(null);
            Map<String, Integer> awardCounts = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                AwardStatus award = outcome.awards()[i];
                awardCounts.merge(award.name(), 1, Integer::sum);
                Existing before = existing.remove(e.participantId());
                plan.ids.add(before == null ? null : before.id().toString());
                plan.participants.add(e.participantId().toString());
                plan.tracks.add(track == null ? null : track.toString());
                plan.scores.add(e.score().toPlainString());
                plan.ranks.add(Integer.toString(outcome.ranks()[i]));
                plan.awards.add(award.name());
                plan.groupIndexes.add(groupIndex);
                String heldReason = held.get(e.participantId());
                plan.heldReasons.add(heldReason);
                boolean sameGroup = before != null && Objects.equals(before.trackId(), track)
                        && Objects.equals(before.snapshotGradeCategoryId(), category == null ? null : category.toString());
                if (sameGroup && plan.representatives.get(groupIndex) == null) {
                    plan.representatives.set(groupIndex, before.id().toString());
                }
                CalculationReport.Standing after = new CalculationReport.Standing(e.score(), outcome.ranks()[i], award.name(),
                        heldReason != null);
                CalculationReport.Standing was = before == null ? null : new CalculationReport.Standing(before.score(),
                        before.rank(), before.award(), before.withheld());
                boolean same = sameGroup && sameStanding(was, after) && Objects.equals(before.withheldReason(), heldReason)
                        && (revision || ResultStatus.of(before.status()) == ResultStatus.calculated);
                plan.same.add(same);
                if (before == null) {
                    plan.created++;
                } else if (same) {
                    plan.unchanged++;
                    continue;
                } else {
                    plan.changed++;
                }
                if (plan.changes.size() < CHANGES_SHOWN) {
                    plan.changes.add(new CalculationReport.Change(e.participantId(), was, after));
                }
            }
            plan.groups.add(new CalculationReport.Group(track, category, policy.id(), entries.size(), maxScore, awardCounts,
                    snapshot.get("thresholds")));
        }
        for (Existing left : existing.values()) {
            plan.gone.add(left.id().toString());
            if (plan.changes.size() < CHANGES_SHOWN) {
                plan.changes.add(new CalculationReport.Change(left.participantId(), new CalculationReport.Standing(
                        left.score(), left.rank(), left.award(), left.withheld()), null));
            }
        }
        return plan;
    }

    private static boolean sameStanding(CalculationReport.Standing a, CalculationReport.Standing b) {
        return a.score().compareTo(b.score()) == 0 && Objects.equals(a.rank(), b.rank())
                && a.awardStatusKey().equals(b.awardStatusKey()) && a.withheld() == b.withheld();
    }

    /** The participant's score by the policy's counted tours; null when the season's last tour has none. */
    static BigDecimal counted(AwardRules rules, List<TourScore> ofOne, boolean singleTour, int lastPosition,
                              Set<Integer> positions) {
        if (singleTour) {
            positions.add(ofOne.get(0).position());
            return ofOne.get(0).score();
        }
        return switch (rules.countedTours().mode()) {
            case last -> {
                positions.add(lastPosition);
                yield ofOne.stream().filter(s -> s.position() == lastPosition).map(TourScore::score).findFirst().orElse(null);
            }
            case sum -> {
                ofOne.forEach(s -> positions.add(s.position()));
                yield ofOne.stream().map(TourScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            case best_of -> {
                ofOne.forEach(s -> positions.add(s.position()));
                yield ofOne.stream().map(TourScore::score).sorted(Comparator.reverseOrder())
                        .limit(rules.countedTours().count()).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        };
    }

    /** The maximum of the counted tours: last → that tour's; sum → all; best_of N → the N largest. */
    private static BigDecimal derivedMax(AwardRules rules, Map<String, BigDecimal> maxima, Set<Integer> positions,
                                         UUID category, boolean singleTour) {
        List<BigDecimal> perTour = new ArrayList<>();
        for (int position : positions) {
            BigDecimal m = maxima.get(position + ":" + category);
            if (m != null) {
                perTour.add(m);
            }
        }
        if (perTour.isEmpty()) {
            return null;
        }
        perTour.sort(Comparator.reverseOrder());
        long take = !singleTour && rules.countedTours().mode() == AwardRules.Mode.best_of ? rules.countedTours().count() : perTour.size();
        return perTour.stream().limit(take).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What a result stores to explain its award: the policy as applied and the group's thresholds. */
    static ObjectNode snapshot(Policy policy, UUID track, UUID category, int participants, BigDecimal maxScore,
                              AwardLadder.Outcome outcome) {
        ObjectNode s = EventJson.mapper().createObjectNode();
        s.put("policyId", policy.id().toString());
        s.set("rules", policy.json());
        s.put("trackId", track == null ? null : track.toString());
        s.put("gradeCategoryId", category == null ? null : category.toString());
        s.put("participants", participants);
        s.put("maxScore", maxScore);
        s.put("ranking", "standard_competition_1224");
        ArrayNode thresholds = s.putArray("thresholds");
        for (AwardLadder.Threshold t : outcome.thresholds()) {
            thresholds.add(EventJson.mapper().valueToTree(t));
        }
        return s;
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    private static Uni<Plan> write(SqlConnection conn, CalculationRequest r, Plan plan, Caller.Snapshot caller, String reason,
                                   boolean revision) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!plan.writesResults()) {
            return Uni.createFrom().item(plan); // nothing changed: the stored results and rankings stand
        }
        if (plan.created > 0) {
            Tuple insert = arrays(plan).addValue(r.tourId()).addValue(r.seasonId())
                    .addValue(caller.userId()).addValue(caller.requestId()).addValue(reason);
            chain = chain.chain(() -> conn.preparedQuery(INSERT).execute(insert).replaceWithVoid());
        }
        if (plan.created < plan.participants.size()) { // after keepOnlyChanged: rows to change
            Tuple update = arrays(plan).addValue(caller.userId()).addValue(caller.requestId()).addValue(reason)
                    .addValue(revision);
            chain = chain.chain(() -> conn.preparedQuery(UPDATE).execute(update).replaceWithVoid());
        }
        if (!plan.gone.isEmpty()) {
            chain = chain.chain(() -> conn.preparedQuery(VOID_GONE).execute(Tuple.of(plan.gone.toArray(String[]::new),
                    caller.userId(), caller.requestId(), reason == null ? "no counted score in this scope any more" : reason))
                    .replaceWithVoid());
        }
        return chain.chain(() -> conn.preparedQuery(DELETE_RANKINGS).execute(Tuple.of(r.seasonId(), r.tourId())))
                .chain(() -> conn.preparedQuery(INSERT_RANKINGS).execute(Tuple.of(r.seasonId(), r.tourId(),
                        caller.userId(), caller.requestId(), reason)))
                .replaceWith(plan);
    }

    private static Tuple arrays(Plan plan) {
        return Tuple.tuple().addValue(plan.ids.toArray(String[]::new)).addValue(plan.participants.toArray(String[]::new))
                .addValue(plan.tracks.toArray(String[]::new)).addValue(plan.scores.toArray(String[]::new))
                .addValue(plan.ranks.toArray(String[]::new)).addValue(plan.awards.toArray(String[]::new))
                .addValue(plan.groupIndexes.toArray(Integer[]::new)).addValue(plan.snapshots.toArray(String[]::new))
                .addValue(plan.heldReasons.toArray(String[]::new));
    }

    private static JsonNode readJson(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("jsonb always parses", e);
        }
    }
}
