package org.olympiad.competitions.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventHeaders;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.contracts.Topics;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AsyncAPI 3.0 document of the Kafka contract, made from the contract classes themselves: the topics of
 * {@link Topics}, the envelope's fields from {@link EventEnvelope}'s components, the headers of {@link EventHeaders},
 * the entity types of {@link EntityTypes} and every event type of {@link EventTypes} with its Javadoc. What the
 * classes cannot say (which service's topic an entity's events go to, what a field means) is said here, and a
 * contract change this class does not know (a new entity, a new envelope field or header) fails the generation.
 */
final class AsyncApiDocument {

    /** The entity part of an event type ({@code season} of {@code season.created}) → the topic its events go to. */
    static final Map<String, String> TOPIC_OF_ENTITY = entityTopics();

    private static final Map<String, String> ENVELOPE_FIELDS = Map.ofEntries(
            Map.entry("eventId", "Unique per event; consumers deduplicate by it (delivery is at least once)."),
            Map.entry("type", "`<entity>.<past-tense verb>`; a state change names the state reached."),
            Map.entry("entityType", "The seed table that holds the entity (e.g. `competition_scores`)."),
            Map.entry("entityId", "The changed row's id; also the record key, so one entity's events stay in order."),
            Map.entry("seasonId", "The season the entity belongs to, where it belongs to one."),
            Map.entry("actorUserId", "The identity user who made the change; null for the system's own work."),
            Map.entry("occurredAt", "When the change was committed (UTC)."),
            Map.entry("requestId", "The X-Request-Id of the HTTP request that made the change, if any."),
            Map.entry("reason", "Why, where the change requires one (voiding, correction, rejection)."),
            Map.entry("before", "The row before the change, under the seed's snake_case column names; null for a creation."),
            Map.entry("after", "The row after the change, under the seed's snake_case column names (plus the extra fields "
                    + "an event type's description names); null for a deletion."),
            Map.entry("schemaVersion", "The envelope layout version; bumped only for a change a consumer must know about."));

    private static final Map<String, String> HEADER_MEANINGS = Map.of(
            EventHeaders.EVENT_ID, "The envelope's eventId.",
            EventHeaders.EVENT_TYPE, "The envelope's type, for routing without parsing the value.",
            EventHeaders.ENTITY_TYPE, "The envelope's entityType.",
            EventHeaders.SCHEMA_VERSION, "The envelope's schemaVersion.",
            EventHeaders.TRACEPARENT, "W3C trace context of the span that recorded the event (usually the HTTP request "
                    + "that made the change); a consumer continues that trace. Absent where the change was not traced.");

    private static final Pattern CONSTANT = Pattern.compile(
            "(?:/\\*\\*((?:[^*]|\\*(?!/))*)\\*/\\s*)?public static final String (\\w+) = \"([^\"]+)\";");

    private AsyncApiDocument() {
    }

    private static Map<String, String> entityTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String entity : List.of("event", "season", "tour", "grade_category", "track", "participant", "registration",
                "season_participation", "tour_participation", "organization", "organization_role", "access_claim",
                "external_teacher", "external_teacher_link", "group", "group_member", "group_helper")) {
            topics.put(entity, Topics.REGISTRATION);
        }
        for (String entity : List.of("venue_application", "venue", "teacher_conduct_application", "venue_capacity_change",
                "venue_assignment", "photo_report")) {
            topics.put(entity, Topics.VENUE);
        }
        for (String entity : List.of("activity_binding", "task_structure", "task_item", "training_publication", "submission",
                "submission_file", "answer_item", "check", "score")) {
            topics.put(entity, Topics.ATTEMPT);
        }
        for (String entity : List.of("award_policy", "result", "ranking", "appeal", "arbitration_case", "publication")) {
            topics.put(entity, Topics.RESULTS);
        }
        for (String entity : List.of("award_document", "document_generation_job", "teacher_material")) {
            topics.put(entity, Topics.DOCUMENTS);
        }
        return Map.copyOf(topics);
    }

    /** The topic an event type is published to; an event type of an entity no topic claims is a contract error. */
    static String topicOf(String eventType) {
        int dot = eventType.indexOf('.');
        String topic = dot < 0 ? null : TOPIC_OF_ENTITY.get(eventType.substring(0, dot));
        if (topic == null) {
            throw new IllegalStateException("event type " + eventType + " belongs to no topic: add its entity to "
                    + "AsyncApiDocument.TOPIC_OF_ENTITY");
        }
        return topic;
    }

    /** An event type as the document shows it: its name and what its Javadoc says, if anything. */
    record EventTypeDoc(String name, String description) {
    }

    /** Every event type of {@link EventTypes}, in declaration order, described by its Javadoc in {@code source}. */
    static List<EventTypeDoc> eventTypes(String source) throws IllegalAccessException {
        Map<String, String> javadoc = new LinkedHashMap<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            javadoc.put(m.group(3), m.group(1) == null ? null : clean(m.group(1)));
        }
        List<EventTypeDoc> types = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                types.add(new EventTypeDoc(name, javadoc.get(name)));
            }
        }
        return types;
    }

    private static String clean(String javadoc) {
        String text = javadoc.replaceAll("(?m)^\\s*\\* ?", " ").replaceAll("\\s+", " ").trim();
        // {@code x} and {@link #X} read as code in the document
        text = text.replaceAll("\\{@code ((?:[^{}]|\\{[^{}]*})*)}", "`$1`").replaceAll("\\{@link #?([^}]*)}", "`$1`");
        return text;
    }

    static String yaml(List<EventTypeDoc> eventTypes) throws IOException {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        return yaml.writeValueAsString(document(eventTypes));
    }

    static JsonNode document(List<EventTypeDoc> eventTypes) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, List<EventTypeDoc>> byTopic = new TreeMap<>();
        for (String topic : Topics.ALL_CHANGE_TOPICS) {
            byTopic.put(topic, new ArrayList<>());
        }
        for (EventTypeDoc type : eventTypes) {
            byTopic.get(topicOf(type.name())).add(type);
        }

        ObjectNode doc = json.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Competitions platform events");
        info.put("version", "1.0.0");
        info.put("description", """
                The domain events of the olympiad competitions platform, as other platform teams consume them.
                Each service publishes every change of its data, through a transactional outbox, to one topic \
                `competitions.<service>.v1`, keyed by the changed entity's id so that one entity's events stay in order. \
                Delivery is at least once: deduplicate by `eventId`. Every record's value is one event envelope (JSON); \
                readers must ignore fields they do not know. A consumer that cannot process a record sends it to its own \
                dead-letter topic `dlq.competitions.<consuming-service>.v1` with `dead-letter-reason`.
                Generated from shared-contracts by AsyncApiDocumentTest; do not edit by hand.
                """);
        doc.put("defaultContentType", "application/json");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");

        for (var entry : byTopic.entrySet()) {
            String topic = entry.getKey();
            String service = topic.split("\\.")[1];
            String message = service + "Event";

            ObjectNode channel = channels.putObject(service);
            channel.put("address", topic);
            channel.put("description", "Every change of " + service + "-service's data, keyed by entity id.");
            channel.putObject("messages").putObject(message).put("$ref", "#/components/messages/" + message);

            ObjectNode operation = operations.putObject("publish" + capitalised(service) + "Events");
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + service);
            operation.put("summary", service + "-service publishes its changes.");
            operation.putArray("messages").addObject().put("$ref", "#/channels/" + service + "/messages/" + message);

            ObjectNode msg = messages.putObject(message);
            msg.put("name", message);
            msg.put("title", capitalised(service) + " event");
            msg.put("contentType", "application/json");
            msg.putObject("headers").put("$ref", "#/components/schemas/EventHeaders");
            ArrayNode allOf = msg.putObject("payload").putArray("allOf");
            allOf.addObject().put("$ref", "#/components/schemas/EventEnvelope");
            allOf.addObject().putObject("properties").putObject("type").put("$ref",
                    "#/components/schemas/" + capitalised(service) + "EventType");
            ObjectNode key = msg.putObject("bindings").putObject("kafka");
            ObjectNode keySchema = key.putObject("key");
            keySchema.put("type", "string");
            keySchema.put("format", "uuid");
            keySchema.put("description", "The entity id (entityId); the event id for an event of no entity.");
            key.put("bindingVersion", "0.5.0");

            ObjectNode typeSchema = schemas.putObject(capitalised(service) + "EventType");
            typeSchema.put("type", "string");
            ArrayNode oneOf = typeSchema.putArray("oneOf");
            for (EventTypeDoc type : entry.getValue()) {
                ObjectNode value = oneOf.addObject();
                value.put("const", type.name());
                if (type.description() != null) {
                    value.put("description", type.description());
                }
            }
        }

        schemas.set("EventEnvelope", envelopeSchema(json));
        schemas.set("EventHeaders", headersSchema(json));
        return doc;
    }

    private static ObjectNode envelopeSchema(JsonNodeFactory json) {
        ObjectNode schema = json.objectNode();
        schema.put("type", "object");
        schema.put("description", "The one envelope every event travels in, on every change topic.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : EventEnvelope.class.getRecordComponents()) {
            String name = component.getName();
            String meaning = ENVELOPE_FIELDS.get(name);
            if (meaning == null) {
                throw new IllegalStateException("envelope field " + name + " has no description in AsyncApiDocument");
            }
            ObjectNode property = properties.putObject(name);
            Class<?> type = component.getType();
            boolean nullable = true;
            if (type == UUID.class) {
                property.put("type", "string").put("format", "uuid");
            } else if (type == Instant.class) {
                property.put("type", "string").put("format", "date-time");
            } else if (type == String.class) {
                property.put("type", "string");
            } else if (type == int.class) {
                property.put("type", "integer").put("minimum", 1);
                nullable = false;
            } else if (type == JsonNode.class) {
                property.put("type", "object");
            } else {
                throw new IllegalStateException("envelope field " + name + " has a type the document cannot show: " + type);
            }
            if (name.equals("eventId") || name.equals("type") || name.equals("entityType") || name.equals("occurredAt")) {
                nullable = false; // the envelope's constructor refuses null there
            }
            if (nullable) {
                ArrayNode types = json.arrayNode().add(property.get("type").asText()).add("null");
                property.set("type", types);
            } else {
                required.add(name);
            }
            property.put("description", meaning);
            if (name.equals("entityType")) {
                ArrayNode values = property.putArray("enum");
                for (String entityType : constants(EntityTypes.class)) {
                    values.add(entityType);
                }
            }
            if (name.equals("schemaVersion")) {
                property.put("const", EventEnvelope.CURRENT_SCHEMA_VERSION);
            }
        }
        return schema;
    }

    private static ObjectNode headersSchema(JsonNodeFactory json) {
        ObjectNode schema = json.objectNode();
        schema.put("type", "object");
        schema.put("description", "Record headers (UTF-8 strings) that repeat envelope fields or carry the trace.");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (String header : constants(EventHeaders.class)) {
            String meaning = HEADER_MEANINGS.get(header);
            if (meaning == null) {
                throw new IllegalStateException("header " + header + " has no description in AsyncApiDocument");
            }
            ObjectNode property = properties.putObject(header);
            property.put("type", "string");
            property.put("description", meaning);
            if (!header.equals(EventHeaders.TRACEPARENT)) {
                required.add(header);
            }
        }
        return schema;
    }

    private static List<String> constants(Class<?> holder) {
        List<String> values = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String eventTypesSource(Path moduleDir) throws IOException {
        return Files.readString(moduleDir.resolve("src/main/java/org/olympiad/competitions/contracts/EventTypes.java"));
    }
}
