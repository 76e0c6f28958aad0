package org.olympiad.competitions.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.olympiad.competitions.contracts.EventJson;

/**
 * A jsonb column holding an array, as its JSON text. Hibernate Reactive binds a {@code SqlTypes.JSON} value as a
 * Vert.x {@code JsonObject}, which cannot hold an array, so such a column travels as text and is cast to and from
 * jsonb in SQL. On the attribute:
 * <pre>
 * &#64;Convert(converter = JsonArrayColumn.class)
 * &#64;ColumnTransformer(read = "file_refs::text", write = "cast(cast(? as text) as jsonb)")
 * </pre>
 */
@Converter
public class JsonArrayColumn implements AttributeConverter<JsonNode, String> {

    @Override
    public String convertToDatabaseColumn(JsonNode value) {
        try {
            return EventJson.mapper().writeValueAsString(value == null ? JsonNodeFactory.instance.arrayNode() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a JSON array cannot be written", e);
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
            throw new IllegalStateException("a jsonb array column does not hold JSON", e);
        }
    }
}
