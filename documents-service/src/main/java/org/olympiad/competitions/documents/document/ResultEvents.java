package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.request.Caller;

import java.util.Set;
import java.util.UUID;

/**
 * results-service's events in, each applied once: a published result gets the document its award earns (made by its
 * publication's generation job), a publication says how many results it has, a voided result revokes its document,
 * and a revised one gets a new document in place of the old. Other results events are not documents' business.
 */
@ApplicationScoped
public class ResultEvents {

    static final String CONSUMER = "documents-service.results";

    private final EventConsumer events;
    private final ResultDocuments documents;

    public ResultEvents(EventConsumer events, ResultDocuments documents) {
        this.events = events;
        this.documents = documents;
    }

    @Incoming("results-events")
    public Uni<Void> onResultsEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record.topic(), record.value(), this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        Caller.Snapshot actor = new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
        return switch (event.type()) {
            case EventTypes.RESULT_PUBLISHED -> documents.published(PublishedResult.of(event.after()), actor);
            case EventTypes.RESULT_REVISED -> documents.revised(PublishedResult.of(event.after()), event.reason(), actor);
            case EventTypes.RESULT_VOIDED -> documents.voided(event.entityId(), event.reason(), actor);
            case EventTypes.PUBLICATION_PUBLISHED -> documents.publicationPublished(event.entityId(),
                    event.seasonId() != null ? event.seasonId() : uuid(event.after(), "season_id"),
                    count(event.after()), actor);
            default -> Uni.createFrom().voidItem();
        };
    }

    private static long count(JsonNode after) {
        JsonNode count = after == null ? null : after.get("published_result_count");
        if (count == null || !count.canConvertToLong()) {
            throw new EventJson.MalformedEventException("publication.published without published_result_count");
        }
        return count.asLong();
    }

    private static UUID uuid(JsonNode after, String field) {
        JsonNode value = after == null ? null : after.get(field);
        try {
            return value == null || value.isNull() ? null : UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new EventJson.MalformedEventException("publication.published whose " + field + " is not a uuid");
        }
    }
}
