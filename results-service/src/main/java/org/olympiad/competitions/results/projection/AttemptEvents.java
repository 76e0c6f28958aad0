package org.olympiad.competitions.results.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;

import java.util.UUID;

/**
 * attempt-service's events in: submissions (a voided one no longer counts) and the current score of each
 * (submission, task item). A new score version of a submission under an accepted appeal recalculates the results
 * it feeds, through the {@link ScoreFollowUp}s.
 */
@ApplicationScoped
public class AttemptEvents {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AttemptEvents.class);

    private final EventConsumer events;
    private final Projections projections;
    private final Instance<ScoreFollowUp> followUps;

    public AttemptEvents(EventConsumer events, Projections projections, Instance<ScoreFollowUp> followUps) {
        this.events = events;
        this.projections = projections;
        this.followUps = followUps;
    }

    @Incoming("attempt-events")
    public Uni<Void> onAttemptEvent(ConsumerRecord<String, String> record) {
        return events.consume(RegistrationEvents.CONSUMER, record, this::apply)
                .chain(() -> afterCommit(record.value()));
    }

    /**
     * Once the new score is committed (a recalculation reads it on its own connection), the follow-ups run. A
     * redelivered event runs them again, which changes nothing: a recalculation only writes what differs.
     */
    private Uni<Void> afterCommit(String record) {
        EventEnvelope event = EventJson.read(record);
        if (!EntityTypes.SCORE.equals(event.entityType())) {
            return Uni.createFrom().voidItem();
        }
        UUID submission = UUID.fromString(event.after() != null ? event.after().path("submission_id").asText()
                : event.before().path("submission_id").asText());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ScoreFollowUp followUp : followUps) {
            chain = chain.chain(() -> followUp.scoreChanged(submission, event)
                    .onFailure().invoke(e -> LOG.warnf("after score %s of submission %s: %s", event.eventId(), submission, e))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    Uni<Void> apply(EventEnvelope event) {
        if (EntityTypes.SUBMISSION.equals(event.entityType())) {
            return projections.apply(Projections.SUBMISSION, event).replaceWithVoid();
        }
        if (!EntityTypes.SCORE.equals(event.entityType())) {
            return Uni.createFrom().voidItem();
        }
        return (EventTypes.SCORE_VOIDED.equals(event.type())
                ? projections.apply(Projections.VOIDED_SCORE, event)
                : projections.apply(Projections.CURRENT_SCORE, event)).replaceWithVoid();
    }

    /** What else must happen, after the commit, when a submission's current scores changed. */
    public interface ScoreFollowUp {
        Uni<Void> scoreChanged(UUID submissionId, EventEnvelope event);
    }
}
