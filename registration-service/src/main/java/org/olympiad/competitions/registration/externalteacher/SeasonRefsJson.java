package org.olympiad.competitions.registration.externalteacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;
import java.util.UUID;

/**
 * {@code allowed_season_refs}, a jsonb array of season ids, as its JSON text. Hibernate Reactive binds a
 * {@code SqlTypes.JSON} value as a Vert.x {@code JsonObject}, which cannot hold an array, so the column travels as
 * text and is cast to and from jsonb in SQL ({@code @ColumnTransformer} on the attribute).
 */
@Converter
public class SeasonRefsJson implements AttributeConverter<List<UUID>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<UUID>> LIST_OF_UUIDS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<UUID> seasons) {
        try {
            return JSON.writeValueAsString(seasons == null ? List.of() : seasons);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("season refs cannot be written as JSON", e);
        }
    }

    @Override
    public List<UUID> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST_OF_UUIDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allowed_season_refs is not a JSON array of season ids", e);
        }
    }
}
