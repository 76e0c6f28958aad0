package org.olympiad.competitions.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.olympiad.competitions.platform.problem.ProblemException;

/** Checks for the jsonb policy, settings and snapshot columns. */
public final class JsonObjects {

    private JsonObjects() {
    }

    /** The given object, an empty object when absent, or a 422 naming the field when it is not an object. */
    public static JsonNode objectOrEmpty(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw ProblemException.invalidField(field, "json-object", field + " must be a JSON object");
        }
        return value;
    }

    /** The given object, null when absent, or a 422 naming the field when it is not an object (a list, text…). */
    public static JsonNode objectOrNull(String field, JsonNode value) {
        return value == null || value.isNull() ? null : objectOrEmpty(field, value);
    }

    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
