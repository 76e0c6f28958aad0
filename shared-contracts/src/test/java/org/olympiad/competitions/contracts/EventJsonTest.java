package org.olympiad.competitions.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    record SeasonRow(UUID id, UUID eventId, String title, String status, Instant startsAt) {
    }

    private final UUID seasonId = UUID.fromString("7f3e0c1a-1111-4a6b-9c2d-0123456789ab");
    private final UUID eventId = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private final Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");

    private EventEnvelope opened() {
        return new EventEnvelope(eventId, EventTypes.SEASON_REGISTRATION_OPENED, EntityTypes.SEASON, seasonId, seasonId,
                null, at, "req-1", null,
                EventJson.snapshot(new SeasonRow(seasonId, null, "Сезон", "draft", null)),
                EventJson.snapshot(new SeasonRow(seasonId, null, "Сезон", "registration_open", null)),
                EventEnvelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void an_envelope_is_written_with_the_contract_field_names() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(opened()));
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "type", "entityType", "entityId", "seasonId", "actorUserId", "occurredAt",
                "requestId", "reason", "before", "after", "schemaVersion");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-25T10:15:30.123456Z");
        assertThat(json.get("type").asText()).isEqualTo("season.registration_opened");
        assertThat(json.get("actorUserId").isNull()).isTrue();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void row_snapshots_use_the_seed_column_names() {
        JsonNode after = opened().after();
        assertThat(after.fieldNames()).toIterable().containsExactly("id", "event_id", "title", "status", "starts_at");
        assertThat(after.get("status").asText()).isEqualTo("registration_open");
    }

    @Test
    void an_envelope_survives_the_round_trip() {
        EventEnvelope read = EventJson.read(EventJson.write(opened()));
        assertThat(read).isEqualTo(opened());
        assertThat(read.entityName()).isEqualTo("season");
    }

    @Test
    void a_reader_ignores_fields_added_by_a_newer_producer() {
        String json = EventJson.write(opened()).replace("\"schemaVersion\"", "\"traceparent\":\"00-abc\",\"schemaVersion\"");
        assertThat(EventJson.read(json).eventId()).isEqualTo(eventId);
    }

    @Test
    void null_and_absent_snapshots_mean_the_same() {
        String json = "{\"eventId\":\"" + eventId + "\",\"type\":\"season.created\",\"entityType\":\"competition_seasons\","
                + "\"entityId\":\"" + seasonId + "\",\"occurredAt\":\"2026-11-25T10:15:30Z\",\"before\":null,\"schemaVersion\":1}";
        EventEnvelope read = EventJson.read(json);
        assertThat(read.before()).isNull();
        assertThat(read.after()).isNull();
    }

    @Test
    void a_record_that_is_not_an_envelope_is_malformed() {
        assertThatThrownBy(() -> EventJson.read("{\"hello\":1}")).isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("null")).isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read(EventJson.write(opened()).replace("\"schemaVersion\":1", "\"schemaVersion\":0")))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void topics_follow_one_naming_rule() {
        assertThat(Topics.changeTopicOf("registration")).isEqualTo(Topics.REGISTRATION);
        assertThat(Topics.ALL_CHANGE_TOPICS).allMatch(Topics::isChangeTopic);
        assertThat(Topics.isChangeTopic(Topics.deadLetterTopicOf("audit"))).isFalse();
        assertThatThrownBy(() -> Topics.changeTopicOf("Bad.Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
