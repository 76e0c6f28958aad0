package org.olympiad.competitions.venue.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;

/**
 * The input checks of the fields a venue application and its venue share (titles, address, rules, documents, geo
 * point): the right JSON shape, and no raw personal data, before anything is stored.
 */
public final class VenueFields {

    private VenueFields() {
    }

    /** A stripped text without raw personal data; null stays null. */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        PersonalDataGuard.refuseIn(field, value, Strictness.FREE_TEXT_OR_POLICY);
        return value.strip();
    }

    /** A JSON object (empty when absent) without raw personal data. */
    public static JsonNode object(String field, JsonNode value) {
        JsonNode json = JsonObjects.objectOrEmpty(field, value);
        PersonalDataGuard.refuseIn(field, json, Strictness.FREE_TEXT_OR_POLICY);
        return json;
    }

    /** A JSON array (empty when absent) without raw personal data. */
    public static JsonNode array(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw ProblemException.invalidField(field, "json-array", field + " must be a JSON array");
        }
        PersonalDataGuard.refuseIn(field, value, Strictness.FREE_TEXT_OR_POLICY);
        return value;
    }

    /** Ids as a JSON array of strings, each once, in the given order; none gives an empty array. */
    public static JsonNode idArray(java.util.List<java.util.UUID> ids) {
        com.fasterxml.jackson.databind.node.ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (ids != null) {
            ids.stream().distinct().forEach(id -> array.add(id.toString()));
        }
        return array;
    }

    /** The ids of a JSON array written by {@link #idArray}. */
    public static java.util.List<java.util.UUID> ids(JsonNode array) {
        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(java.util.UUID.fromString(n.asText())));
        return ids;
    }

    /** {@code {"lat": …, "lon": …}}, or null. */
    public static JsonNode geoPoint(GeoPoint point) {
        return point == null ? null : EventJson.mapper().valueToTree(point);
    }
}
