package org.olympiad.competitions.registration.participation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.request.Caller;

import java.util.Set;
import java.util.UUID;

/**
 * results-service's events in: a sanctioned arbitration case disqualifies the tour participation it names, once,
 * under the arbiter's name and reason. Other results events are not this service's business.
 */
@ApplicationScoped
public class ArbitrationSanctions {

    static final String CONSUMER = "registration-service";

    private final EventConsumer events;
    private final TourParticipations participations;

    public ArbitrationSanctions(EventConsumer events, TourParticipations participations) {
        this.events = events;
        this.participations = participations;
    }

    @Incoming("results-events")
    public Uni<Void> onResultsEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record, event -> {
            if (!EventTypes.ARBITRATION_CASE_SANCTIONED.equals(event.type())) {
                return Uni.createFrom().voidItem();
            }
            UUID tourParticipation = uuid(event.after(), "tour_participation_id");
            return participations.disqualify(tourParticipation, event.reason(),
                    new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of()));
        });
    }

    private static UUID uuid(JsonNode row, String field) {
        JsonNode value = row == null ? null : row.get(field);
        try {
            return UUID.fromString(value.asText());
        } catch (RuntimeException e) {
            throw new EventJson.MalformedEventException("arbitration_case.sanctioned without a valid " + field);
        }
    }
}
