package org.olympiad.competitions.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.olympiad.competitions.platform.request.RequestIds;

import java.util.Locale;
import java.util.Optional;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is answered with a 413
 * problem naming the limit, before anything reads the body, instead of Quarkus's bare 413 (whose route, order -2,
 * this one precedes). A body sent without a length (chunked) is still cut off by Quarkus itself at the limit.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<String> limit;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<String> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = bytes(limit.get());
        String readable = readable(max);
        router.route().order(-3).handler(routing -> {
            String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= max) {
                routing.next();
                return;
            }
            Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is " + declared
                            + " bytes; this service takes at most " + readable + " (" + max + " bytes)")
                    .withRequestId(RequestIds.of(routing));
            String body;
            try {
                body = JSON.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":413}";
            }
            // the body is not read: close the connection after answering, as Quarkus does
            routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(body);
        });
    }

    /** {@code 8M}, {@code 512K}, {@code 1G}, {@code 10240}: Quarkus's memory sizes (binary multiples). */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            case 'T' -> 1024L * 1024 * 1024 * 1024;
            default -> 1L;
        };
        String number = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(number.strip()) * unit;
    }

    private static String readable(long bytes) {
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
