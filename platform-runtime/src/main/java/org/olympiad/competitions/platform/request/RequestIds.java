package org.olympiad.competitions.platform.request;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id: the gateway's {@code X-Request-Id} when it sends a sane one, otherwise a new one.
 * It is echoed on the answer, written into every event the request causes, and shown in error bodies,
 * so one id follows a request from the gateway to the audit log.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "competitions.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(RoutingContext routing) {
        String given = routing.request().getHeader(HEADER);
        routing.put(KEY, given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response, RoutingContext routing) {
        String id = of(routing);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    public static String of(RoutingContext routing) {
        return routing == null ? null : routing.get(KEY);
    }
}
