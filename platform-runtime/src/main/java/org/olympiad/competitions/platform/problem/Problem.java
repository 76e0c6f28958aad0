package org.olympiad.competitions.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 * {@code field} and {@code rule} name what was wrong with the input; {@code currentState} and
 * {@code requestedState} name both ends of a refused transition; {@code errors} lists every field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String field,
        String rule,
        String currentState,
        String requestedState,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String rule, String detail) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null, null);
    }

    public Problem withField(String field, String rule) {
        return new Problem(type, title, status, detail, field, rule, currentState, requestedState, requestId, errors);
    }

    public Problem withStates(String current, String requested) {
        return new Problem(type, title, status, detail, field, rule, current, requested, requestId, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, field, rule, currentState, requestedState, requestId, fieldErrors);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, field, rule, currentState, requestedState, id, errors);
    }
}
