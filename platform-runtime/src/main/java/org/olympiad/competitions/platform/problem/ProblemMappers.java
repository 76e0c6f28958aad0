package org.olympiad.competitions.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.request.RequestIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error mapper: every failure leaves a service as {@code application/problem+json} naming what was wrong.
 * Database refusals are mapped by SQLSTATE so that a constraint the domain missed still answers 409/422, never 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, RoutingContext routing) {
        return answer(e.problem(), routing);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, RoutingContext routing) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        Problem.FieldError first = errors.isEmpty() ? new Problem.FieldError(null, null, null) : errors.get(0);
        String detail = errors.stream().map(err -> err.field() + " " + err.detail()).collect(Collectors.joining("; "));
        return answer(Problem.of(ProblemType.INVALID_INPUT, detail).withField(first.field(), first.rule()).withErrors(errors), routing);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, RoutingContext routing) {
        String field = pathOf(e);
        return answer(Problem.of(ProblemType.INVALID_INPUT, "unknown field " + field)
                .withField(field, "unknown-field"), routing);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongValue(InvalidFormatException e, RoutingContext routing) {
        String field = pathOf(e);
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            return answer(Problem.of(ProblemType.INVALID_INPUT, field + " must be one of: " + allowed)
                    .withField(field, "one-of"), routing);
        }
        return answer(Problem.of(ProblemType.INVALID_INPUT, field + " must be a valid " + simpleName(target))
                .withField(field, "type"), routing);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, RoutingContext routing) {
        String field = pathOf(e);
        return answer(Problem.of(ProblemType.INVALID_INPUT, (field.isEmpty() ? "body" : field) + " must be a "
                + simpleName(e.getTargetType())).withField(field.isEmpty() ? null : field, "type"), routing);
    }

    @ServerExceptionMapper(priority = 2)
    public Response malformed(JsonProcessingException e, RoutingContext routing) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        if (!field.isEmpty()) {
            return answer(Problem.of(ProblemType.INVALID_INPUT, field + " is not valid: " + e.getOriginalMessage())
                    .withField(field, "type"), routing);
        }
        return answer(Problem.of(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage()), routing);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, RoutingContext routing) {
        return answer(Problem.of(ProblemType.UNAUTHENTICATED, "a valid bearer token is required"), routing);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, RoutingContext routing) {
        return answer(Problem.of(ProblemType.UNAUTHENTICATED, "the bearer token is not valid"), routing);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext routing) {
        return answer(Problem.of(ProblemType.FORBIDDEN, "your role does not allow this"), routing);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext routing) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String detail = type == ProblemType.NOT_FOUND ? "no such resource" : e.getMessage();
        return answer(Problem.of(type, detail), routing);
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e, RoutingContext routing) {
        Problem fromDatabase = DatabaseErrors.toProblem(e);
        if (fromDatabase != null) {
            return answer(fromDatabase, routing);
        }
        LOG.errorf(e, "unexpected failure of request %s", RequestIds.of(routing));
        return answer(Problem.of(ProblemType.INTERNAL, "unexpected error; quote the request id to support"), routing);
    }

    static Response answer(Problem problem, RoutingContext routing) {
        Problem withId = problem.withRequestId(RequestIds.of(routing));
        return Response.status(withId.status()).type(Problem.MEDIA_TYPE).entity(withId).build();
    }

    /** The dotted JSON path of the field at fault, e.g. {@code registrationPolicy.sources[0]}. */
    static String pathOf(JsonMappingException e) {
        return StrictJson.ProblemPaths.of(e);
    }

    /**
     * The name the client used: for a body or a {@code @BeanParam} the property path inside it (the JSON field or
     * query parameter), for a plain parameter its own name; never the Java method or parameter name in front.
     */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        boolean onlyParameterName = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> {
                    names.clear();
                    onlyParameterName = false;
                }
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                    onlyParameterName = true;
                }
                default -> {
                    if (onlyParameterName) {
                        names.clear();
                        onlyParameterName = false;
                    }
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        return String.join(".", names);
    }

    private static String ruleOf(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1)
                .replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.util.UUID.class) {
            return "uuid";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "ISO-8601 timestamp";
        }
        if (type == java.time.LocalDate.class) {
            return "ISO-8601 date";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
