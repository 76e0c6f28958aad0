package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventBatchConsumer;
import org.olympiad.competitions.platform.request.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * results-service's events in, each applied once: a published result gets the document its award earns (made by its
 * publication's generation job), a publication says how many results it has, a voided result revokes its document,
 * and a revised one gets a new document in place of the old. Other results events are not documents' business.
 * <p>
 * The events of one poll are applied in one transaction ({@link EventBatchConsumer}): a publication of 10,000
 * results arrives as 10,000 {@code result.published} at once, and one transaction each could not keep up with the
 * generation worker. Events are applied in their order; consecutive {@code result.published} are applied together
 * (their documents found, written and counted set-wise), which keeps each result's events in order.
 */
@ApplicationScoped
public class ResultEvents {

    static final String CONSUMER = "documents-service.results";

    private final EventBatchConsumer events;
    private final ResultDocuments documents;

    public ResultEvents(EventBatchConsumer events, ResultDocuments documents) {
        this.events = events;
        this.documents = documents;
    }

    @Incoming("results-events")
    public Uni<Void> onResultsEvents(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        return events.consume(CONSUMER, records, this::applyInOrder);
    }

    /** The batch's fresh events in order, runs of result.published together. Inside the batch's transaction. */
    private Uni<Void> applyInOrder(List<EventEnvelope> fresh) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<EventEnvelope> published = new ArrayList<>();
        for (EventEnvelope event : fresh) {
            if (EventTypes.RESULT_PUBLISHED.equals(event.type())) {
                published.add(event);
                continue;
            }
            chain = chainPublished(chain, published);
            published = new ArrayList<>();
            chain = chain.chain(() -> apply(event));
        }
        return chainPublished(chain, published);
    }

    private Uni<Void> chainPublished(Uni<Void> chain, List<EventEnvelope> run) {
        if (run.isEmpty()) {
            return chain;
        }
        List<ResultDocuments.Published> results = run.stream().map(event -> new ResultDocuments.Published(
                PublishedResult.of(event.after()), actorOf(event))).toList();
        return chain.chain(() -> documents.published(results));
    }

    private static Caller.Snapshot actorOf(EventEnvelope event) {
        return new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
    }

    private Uni<Void> apply(EventEnvelope event) {
        Caller.Snapshot actor = actorOf(event);
        return switch (event.type()) {
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
