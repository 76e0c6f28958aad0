package org.olympiad.competitions.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code outbox_events}: an event committed with its change, waiting for the relay. Immutable to the
 * session (the relay stamps it with JDBC): a transaction that records many events does not dirty-check (or copy)
 * their payloads at every flush.
 */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "outbox_events")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id")
    public UUID aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The W3C trace context of the span that recorded the event; the relay sends it as the traceparent header. */
    public String traceparent;

    /** The whole envelope as it goes to Kafka. */
    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode payload;
}
