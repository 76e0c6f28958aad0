package org.olympiad.competitions.results.result;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.results.projection.AttemptEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When the new score of an accepted appeal arrives, the results it feeds (the tour's, then the season's) are
 * recalculated as a revision: finalized results stay finalized, published ones are revised (result.revised).
 */
@ApplicationScoped
public class Revisions implements AttemptEvents.ScoreFollowUp {

    static final String SCOPES = "select distinct r.season_id, r.tour_id from competition_appeals a "
            + "join competition_results r on r.participant_id = a.participant_id and r.status <> 'void' "
            + "where a.submission_id = $1 and a.status = 'accepted' order by r.tour_id nulls last";

    private final Pool pool;
    private final Calculation calculation;

    public Revisions(Pool pool, Calculation calculation) {
        this.pool = pool;
        this.calculation = calculation;
    }

    @Override
    public Uni<Void> scoreChanged(UUID submissionId, EventEnvelope event) {
        Caller.Snapshot actor = new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
        return pool.preparedQuery(SCOPES).execute(Tuple.of(submissionId)).chain(rows -> {
            List<CalculationRequest> scopes = new ArrayList<>();
            for (Row row : rows) {
                scopes.add(new CalculationRequest(row.getUUID(0), row.getUUID(1), false));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CalculationRequest scope : scopes) {
                chain = chain.chain(() -> calculation.run(scope, actor, "appeal accepted: new score version", true)
                        .replaceWithVoid());
            }
            return chain;
        });
    }
}
