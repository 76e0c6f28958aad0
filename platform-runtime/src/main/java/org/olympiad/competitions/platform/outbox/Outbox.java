package org.olympiad.competitions.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.tracing.EventTracing;

import java.time.Instant;
import java.util.UUID;

/**
 * The one outbox writer. {@link #record} must run inside the caller's transaction ({@code @WithTransaction} or
 * {@code Panache.withTransaction}): the event row commits with the change or not at all, and the relay
 * publishes it later, so a crash or a Kafka outage delays an event but never loses it.
 */
@ApplicationScoped
public class Outbox {

    /** Records the change under the current HTTP caller (or no caller, outside a request). */
    public Uni<EventEnvelope> record(DomainChange change) {
        return record(change, Caller.current());
    }

    /** Records the change, if there is one, then answers with {@code result}; a null change records nothing. */
    public <T> Uni<T> record(DomainChange change, java.util.function.Supplier<T> result) {
        return change == null ? Uni.createFrom().item(result) : record(change).replaceWith(result);
    }

    /** Records the change under an explicit actor, e.g. the one named in the event a consumer is handling. */
    public Uni<EventEnvelope> record(DomainChange change, Caller.Snapshot caller) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(), change.type(), change.entityType(), change.entityId(), change.seasonId(),
                caller.userId(), Instant.now(), caller.requestId(), change.reason(),
                change.before(), change.after(), EventEnvelope.CURRENT_SCHEMA_VERSION);
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.eventId();
        row.aggregateType = envelope.entityType();
        row.aggregateId = envelope.entityId();
        row.type = envelope.type();
        row.occurredAt = envelope.occurredAt();
        row.payload = EventJson.mapper().valueToTree(envelope);
        row.traceparent = EventTracing.currentTraceparent();
        return Panache.getSession().chain(session -> session.persist(row)).replaceWith(envelope);
    }
}
