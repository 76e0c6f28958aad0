package org.olympiad.competitions.audit.log;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.security.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/audit-logs")
@Tag(name = "audit")
public class AuditLogResource {

    @GET
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The audit trail, newest first, by entity, actor and time range [from, to)")
    public Uni<Page<AuditLogView>> list(@QueryParam("entityType") String entityType,
                                        @QueryParam("entityId") UUID entityId,
                                        @QueryParam("actorUserId") UUID actorUserId,
                                        @QueryParam("action") String action,
                                        @QueryParam("from") Instant from,
                                        @QueryParam("to") Instant to,
                                        @Valid @BeanParam PageRequest page) {
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
