package org.olympiad.competitions.attempt.checking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/** The organiser's whole-tour automatic check: chunk after chunk, each in its own transaction, until none waits. */
@ApplicationScoped
public class BulkChecking {

    private final AutoCheck autoCheck;

    public BulkChecking(AutoCheck autoCheck) {
        this.autoCheck = autoCheck;
    }

    public record Result(UUID tourId, int checked, int chunks, long millis) {
    }

    public Uni<Result> autoCheckTour(UUID tourId) {
        Caller.Snapshot actor = Caller.current();
        long started = System.nanoTime();
        return Panache.withSession(() -> ProjectedTour.require(tourId))
                .chain(tour -> next(tourId, actor, 0, 0, started));
    }

    private Uni<Result> next(UUID tourId, Caller.Snapshot actor, int checked, int chunks, long started) {
        return Panache.withTransaction(() -> autoCheck.checkTourChunk(tourId, actor)).chain(n -> {
            int total = checked + n;
            if (n < autoCheck.chunkSize()) {
                return Uni.createFrom().item(new Result(tourId, total, chunks + (n > 0 ? 1 : 0),
                        (System.nanoTime() - started) / 1_000_000));
            }
            return next(tourId, actor, total, chunks + 1, started);
        });
    }

    @WithSession
    public Uni<List<Scores.ScoreView>> scores(UUID submissionId) {
        return NativeSql.rows(Scores.SELECT + "where submission_id = ?1 order by tour_task_item_id, score_version", submissionId)
                .map(rows -> rows.stream().map(Scores::of).toList());
    }
}
