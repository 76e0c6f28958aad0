package org.olympiad.competitions.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the contract. Envelopes use camelCase field names; row snapshots inside them use the
 * seed's snake_case column names, so a reader of the schema finds a snapshot's fields by their column names.
 * Readers ignore unknown fields: a producer may add a field without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper ENVELOPE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static final ObjectMapper SNAPSHOT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return ENVELOPE.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }

    /** Parses an envelope; a record that is not one is a {@link MalformedEventException}. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = ENVELOPE.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("empty record");
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** A row snapshot for {@code before}/{@code after}: the record's components under their column names. */
    public static JsonNode snapshot(Object row) {
        return row == null ? null : SNAPSHOT.valueToTree(row);
    }

    /** A shared mapper for envelope-shaped JSON (ISO dates, tolerant reads). */
    public static ObjectMapper mapper() {
        return ENVELOPE;
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
