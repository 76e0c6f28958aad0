package org.olympiad.competitions.results.result;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Results as organisers work with them: calculate (or dry-run) a scope, move a scope's results along their
 * lifecycle in one statement, void one result, read results and rankings.
 */
@ApplicationScoped
public class ResultService {

    private static final UUID ZERO = new UUID(0, 0);
    private static final com.fasterxml.jackson.databind.ObjectMapper ROWS = EventJson.mapper().copy()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    /** The live results of a scope, narrowed to a track and a grade category when given. */
    static final String SCOPE = "season_id = $1 and coalesce(tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
            + "and ($3::uuid is null or track_id = $3) and ($4::uuid is null or participant_id in "
            + "(select id from results_projection_participants where grade_category_id = $4)) and status <> 'void'";

    static final String MOVE = "with prior as (select * from competition_results where " + SCOPE
            + " and status = any($5::text[]) for update), upd as (update competition_results r set status = $6, "
            + "approved_by_user_id = case when $6 = 'finalized' then $7::uuid else r.approved_by_user_id end, "
            + "approved_at = case when $6 = 'finalized' then now() else r.approved_at end, updated_at = now() "
            + "from prior where r.id = prior.id returning r.*), src as (select $10::text as event_type, upd.id as entity_id, "
            + "upd.season_id, to_jsonb(prior) as before_row, to_jsonb(upd) as after_row from upd join prior on prior.id = upd.id) "
            + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 7, 8, 9);

    private static final Map<ResultRequests.Target, String> EVENT_TYPE_ON_ENTERING = Map.of(
            ResultRequests.Target.calculated, EventTypes.RESULT_RETURNED_TO_CALCULATED,
            ResultRequests.Target.review, EventTypes.RESULT_REVIEW_STARTED,
            ResultRequests.Target.finalized, EventTypes.RESULT_FINALIZED);

    private final Pool pool;
    private final Calculation calculation;
    private final Outbox outbox;

    public ResultService(Pool pool, Calculation calculation, Outbox outbox) {
        this.pool = pool;
        this.calculation = calculation;
        this.outbox = outbox;
    }

    public Uni<CalculationReport> calculate(CalculationRequest request) {
        return calculation.run(request, Caller.current(), null);
    }

    /**
     * Moves every live result of the scope to the target status, after checking that each status found may move
     * there: one refused status is a 409 naming it, and nothing moves.
     */
    public Uni<ResultRequests.TransitionOutcome> transition(ResultRequests.Transition t) {
        Caller.Snapshot caller = Caller.current();
        ResultStatus target = ResultStatus.valueOf(t.to().name());
        Tuple scope = Tuple.of(t.seasonId(), t.tourId(), t.trackId(), t.gradeCategoryId());
        return pool.withTransaction(conn -> conn.preparedQuery("select status, count(*) from competition_results where "
                        + SCOPE + " group by status").execute(scope).chain(rows -> {
                    List<String> from = new ArrayList<>();
                    for (Row row : rows) {
                        ResultStatus current = ResultStatus.of(row.getString(0));
                        if (current != target) {
                            Result.LIFECYCLE.require(current, target);
                            from.add(current.key());
                        }
                    }
                    if (rows.size() == 0) {
                        throw ProblemException.invalidField("seasonId", "has-results",
                                "the scope has no live results: calculate it first");
                    }
                    if (from.isEmpty()) {
                        return Uni.createFrom().item(new ResultRequests.TransitionOutcome(t.to(), 0));
                    }
                    Tuple move = Tuple.of(t.seasonId(), t.tourId(), t.trackId(), t.gradeCategoryId())
                            .addValue(from.toArray(String[]::new)).addValue(target.key())
                            .addValue(caller.userId()).addValue(caller.requestId()).addValue(t.reason())
                            .addValue(EVENT_TYPE_ON_ENTERING.get(t.to()));
                    return conn.preparedQuery(MOVE).execute(move)
                            .map(r -> new ResultRequests.TransitionOutcome(t.to(), r.rowCount()));
                }));
    }

    @WithTransaction
    public Uni<ResultView> voidResult(UUID id, String reason) {
        return require(id).chain(result -> outbox.record(result.voidWith(reason), result::view));
    }

    @WithSession
    public Uni<ResultView> get(UUID id) {
        return require(id).map(Result::view);
    }

    public Uni<Page<ResultView>> list(UUID seasonId, UUID tourId, UUID trackId, UUID gradeCategoryId, PageRequest page) {
        Tuple scope = Tuple.of(seasonId, tourId, trackId, gradeCategoryId);
        String where = SCOPE.replace(" and status <> 'void'", "");
        return pool.preparedQuery("select count(*) from competition_results where " + where).execute(scope)
                .chain(count -> pool.preparedQuery("select to_jsonb(r)::text from competition_results r where " + where
                                + " order by track_id, rank nulls last, participant_id limit " + page.size + " offset "
                                + (long) page.page * page.size).execute(scope)
                        .map(rows -> {
                            List<ResultView> items = new ArrayList<>();
                            for (Row row : rows) {
                                items.add(fromRow(row.getString(0)));
                            }
                            return new Page<>(items, page.page, page.size, count.iterator().next().getLong(0));
                        }));
    }

    public Uni<Page<RankingView>> rankings(UUID seasonId, UUID tourId, UUID trackId, PageRequest page) {
        String where = "k.season_id = $1 and coalesce(k.tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
                + "and ($3::uuid is null or k.track_id = $3)";
        Tuple scope = Tuple.of(seasonId, tourId, trackId);
        return pool.preparedQuery("select count(*) from competition_rankings k where " + where).execute(scope)
                .chain(count -> pool.preparedQuery("select k.participant_id, p.display_name, k.track_id, k.rank, k.score, "
                                + "k.calculated_at from competition_rankings k left join results_projection_participants p "
                                + "on p.id = k.participant_id where " + where + " order by k.track_id, k.rank, k.participant_id "
                                + "limit " + page.size + " offset " + (long) page.page * page.size).execute(scope)
                        .map(rows -> {
                            List<RankingView> items = new ArrayList<>();
                            for (Row row : rows) {
                                items.add(new RankingView(row.getUUID(0), row.getString(1), row.getUUID(2), row.getInteger(3),
                                        row.getBigDecimal(4), row.getOffsetDateTime(5)));
                            }
                            return new Page<>(items, page.page, page.size, count.iterator().next().getLong(0));
                        }));
    }

    /** A result row read as {@code to_jsonb}: the same snake_case snapshot an event carries. */
    static ResultView fromRow(String json) {
        try {
            return ROWS.readValue(json, ResultView.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a result row always reads", e);
        }
    }

    static Uni<Result> require(UUID id) {
        return Result.<Result>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.RESULT, id));
    }

}
