package org.olympiad.competitions.platform.request;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and under which request id, for the current HTTP request. {@code sub} is the caller's
 * identity_user_id. Outside a request (a Kafka consumer) there is no caller: use {@link #current()}.
 */
@RequestScoped
@Unremovable
public class Caller {

    private final JsonWebToken token;
    private final CurrentVertxRequest request;

    @Inject
    public Caller(JsonWebToken token, CurrentVertxRequest request) {
        this.token = token;
        this.request = request;
    }

    /** The caller of the current request, or {@link Snapshot#NONE} where no request is active. */
    public static Snapshot current() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Snapshot.NONE;
        }
        return container.instance(Caller.class).get().snapshot();
    }

    public Snapshot snapshot() {
        RoutingContext routing = request.getCurrent();
        return new Snapshot(userId(), RequestIds.of(routing), token == null ? Set.of() : token.getGroups());
    }

    public UUID userId() {
        if (token == null || token.getSubject() == null) {
            return null;
        }
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    public boolean hasRole(String role) {
        return token != null && token.getGroups() != null && token.getGroups().contains(role);
    }

    /** An immutable copy, safe to carry across threads and into events. */
    public record Snapshot(UUID userId, String requestId, Set<String> roles) {
        public static final Snapshot NONE = new Snapshot(null, null, Set.of());
    }
}
