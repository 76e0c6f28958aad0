package org.olympiad.competitions.audit.log;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.api.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail. */
@ApplicationScoped
public class AuditTrail {

    /** Every part is optional; {@code from} is inclusive and {@code to} exclusive. */
    public record Filter(String entityType, UUID entityId, UUID actorUserId, String action, Instant from, Instant to) {
    }

    @WithSession
    public Uni<Page<AuditLogView>> list(Filter filter, PageRequest page) {
        String entityType = filter.entityType();
        UUID entityId = filter.entityId();
        UUID actorUserId = filter.actorUserId();
        String action = filter.action();
        Instant from = filter.from();
        Instant to = filter.to();
        Timestamps.requireOrdered(from, to, "from", "to");
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (entityType != null) {
            where.add("entityType = :entityType");
            params.and("entityType", entityType);
        }
        if (entityId != null) {
            where.add("entityId = :entityId");
            params.and("entityId", entityId);
        }
        if (actorUserId != null) {
            where.add("actorUserId = :actorUserId");
            params.and("actorUserId", actorUserId);
        }
        if (action != null) {
            where.add("action = :action");
            params.and("action", action);
        }
        if (from != null) {
            where.add("createdAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("createdAt < :to");
            params.and("to", to);
        }
        Sort newestFirst = Sort.by("createdAt").descending().and("id", Sort.Direction.Descending);
        var query = where.isEmpty()
                ? AuditLog.<AuditLog>findAll(newestFirst)
                : AuditLog.<AuditLog>find(String.join(" and ", where), newestFirst, params);
        return Page.of(query, page, AuditLog::view);
    }
}
