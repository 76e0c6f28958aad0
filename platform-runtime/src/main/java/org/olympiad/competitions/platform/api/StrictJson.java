package org.olympiad.competitions.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads a jsonb policy or settings value into its typed form, strictly: an unknown key, a wrong type or an unknown
 * enum value is a 422 naming the full path ({@code registrationPolicy.sources.self.approval}) and the rule.
 * No coercion: {@code "true"} is not a boolean and {@code "5"} is not a number.
 */
public final class StrictJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictJson() {
    }

    public static <T> T read(String field, JsonNode value, Class<T> type) {
        try {
            return STRICT.treeToValue(value, type);
        } catch (UnrecognizedPropertyException e) {
            String path = join(field, ProblemPaths.of(e));
            throw ProblemException.invalidField(path, "unknown-field", path + " is not a known setting");
        } catch (InvalidFormatException e) {
            String path = join(field, ProblemPaths.of(e));
            Class<?> target = e.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
                throw ProblemException.invalidField(path, "one-of", path + " must be one of: " + allowed);
            }
            throw ProblemException.invalidField(path, "type", path + " has the wrong type");
        } catch (JsonMappingException e) {
            String path = join(field, ProblemPaths.of(e));
            throw ProblemException.invalidField(path, "type", path + " has the wrong type or shape");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "type", field + " is not valid");
        }
    }

    /** {@code field.path} for a path inside the value; {@code field} for the value itself. */
    public static String join(String field, String path) {
        if (path == null || path.isEmpty()) {
            return field;
        }
        return path.startsWith("[") ? field + path : field + "." + path;
    }

    /** The dotted path of a Jackson mapping error, e.g. {@code sources.self.window.opensAt} or {@code items[2]}. */
    public static final class ProblemPaths {
        private ProblemPaths() {
        }

        public static String of(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }
}
