package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.olympiad.competitions.contracts.EventJson;

/**
 * {@code competition_groups.member_snapshot}, a jsonb array of members, as its JSON text. Hibernate Reactive binds a
 * {@code SqlTypes.JSON} value as a Vert.x {@code JsonObject}, which cannot hold an array, so the column travels as
 * text and is cast to and from jsonb in SQL ({@code @ColumnTransformer} on the attribute).
 */
@Converter
public class MemberSnapshotJson implements AttributeConverter<JsonNode, String> {

    @Override
    public String convertToDatabaseColumn(JsonNode members) {
        try {
            return EventJson.mapper().writeValueAsString(members == null ? JsonNodeFactory.instance.arrayNode() : members);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a member snapshot cannot be written as JSON", e);
        }
    }

    @Override
    public JsonNode convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("member_snapshot is not JSON", e);
        }
    }
}
