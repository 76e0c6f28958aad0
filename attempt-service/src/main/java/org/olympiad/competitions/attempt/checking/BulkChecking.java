package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/**
 * The organiser's whole-tour automatic check: chunk after chunk, each in its own transaction, until none waits.
 * Several workers take chunks at once, each on a connection of its own: a chunk is one statement, so one worker
 * keeps one PostgreSQL process (one core) busy and the service waits; two keep both cores of this machine busy.
 * {@code skip locked} gives each worker different submissions.
 */
@ApplicationScoped
public class BulkChecking {

    private final AutoCheck autoCheck;
    private final Pool pool;
    private final int workers;

    public BulkChecking(AutoCheck autoCheck, Pool pool,
                        @ConfigProperty(name = "attempt.auto-check.workers", defaultValue = "2") int workers) {
        this.autoCheck = autoCheck;
        this.pool = pool;
        this.workers = Math.max(1, workers);
    }

    public record Result(UUID tourId, int checked, int chunks, long millis) {
    }

    private record Progress(int checked, int chunks) {
        Progress plus(Progress other) {
            return new Progress(checked + other.checked, chunks + other.chunks);
        }
    }

    public Uni<Result> autoCheckTour(UUID tourId) {
        Caller.Snapshot actor = Caller.current();
        long started = System.nanoTime();
        return Panache.withSession(() -> ProjectedTour.require(tourId))
                .chain(tour -> Multi.createFrom().range(0, workers)
                        .onItem().transformToUniAndMerge(w -> worker(tourId, actor, new Progress(0, 0)))
                        .collect().in(() -> new Progress[]{new Progress(0, 0)}, (sum, p) -> sum[0] = sum[0].plus(p)))
                .map(sum -> new Result(tourId, sum[0].checked(), sum[0].chunks(), (System.nanoTime() - started) / 1_000_000));
    }

    /** One worker: chunks until one comes back short (nothing more waits that this worker could take). */
    private Uni<Progress> worker(UUID tourId, Caller.Snapshot actor, Progress done) {
        return pool.withTransaction(connection -> autoCheck.checkTourChunk(connection, tourId, actor)).chain(n -> {
            Progress now = done.plus(new Progress(n, n > 0 ? 1 : 0));
            return n < autoCheck.chunkSize() ? Uni.createFrom().item(now) : worker(tourId, actor, now);
        });
    }

    @WithSession
    public Uni<List<Scores.ScoreView>> scores(UUID submissionId) {
        return NativeSql.rows(Scores.SELECT + "where submission_id = ?1 order by tour_task_item_id, score_version", submissionId)
                .map(rows -> rows.stream().map(Scores::of).toList());
    }
}
