package org.olympiad.competitions.attempt.submission;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.attempt.checking.AutoCheck;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.UUID;

/**
 * When registration-service closes a tour: every started attempt of it is locked with its answers kept (one
 * statement for the whole tour, one {@code submission.locked} event each), then the locked attempts get their
 * automatic check like submitted ones. Runs in the consumer's transaction, so a redelivered close changes nothing.
 */
@ApplicationScoped
public class TourClosing {

    private final AutoCheck autoCheck;

    public TourClosing(AutoCheck autoCheck) {
        this.autoCheck = autoCheck;
    }

    public Uni<Void> lockStartedAttempts(UUID tourId, Caller.Snapshot actor) {
        return NativeSql.update("with old as (select s.id, to_jsonb(s) as before, t.season_id from competition_submissions s "
                        + "join attempt_projection_tour_participations tp on tp.tour_participation_id = s.tour_participation_id "
                        + "join attempt_projection_tours t on t.tour_id = tp.tour_id "
                        + "where tp.tour_id = ?1 and s.status = 'started' for update of s), "
                        + "locked as (update competition_submissions s set status = 'locked', locked_at = now(), "
                        + "updated_at = now() from old where s.id = old.id returning s.*) "
                        + SetBasedOutbox.insertFrom("select '" + EventTypes.SUBMISSION_LOCKED + "' as type, '"
                        + EntityTypes.SUBMISSION + "' as entity_type, l.id as entity_id, old.season_id, old.before, "
                        + "to_jsonb(l) as after, 'the tour closed' as reason, nullif(?2, '')::uuid as actor_user_id, "
                        + "nullif(?3, '') as request_id from locked l join old on old.id = l.id"),
                        tourId, NativeSql.text(actor.userId()), NativeSql.text(actor.requestId()))
                .chain(() -> checkAll(tourId, actor));
    }

    private Uni<Void> checkAll(UUID tourId, Caller.Snapshot actor) {
        return autoCheck.checkTourChunk(tourId, actor)
                .chain(checked -> checked < autoCheck.chunkSize() ? Uni.createFrom().voidItem() : checkAll(tourId, actor));
    }
}
