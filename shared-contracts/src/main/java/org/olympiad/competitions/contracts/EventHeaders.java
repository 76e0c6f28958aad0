package org.olympiad.competitions.contracts;

/** Kafka record headers that repeat envelope fields, so brokers' tools and routers can read them without parsing. */
public final class EventHeaders {
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String ENTITY_TYPE = "entity-type";
    public static final String SCHEMA_VERSION = "schema-version";
    /**
     * The W3C trace context of the span that recorded the event (usually inside the HTTP request that made the
     * change), so that a consumer's work joins that trace. Absent where the change was not traced.
     */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
