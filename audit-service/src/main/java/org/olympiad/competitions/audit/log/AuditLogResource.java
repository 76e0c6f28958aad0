package org.olympiad.competitions.audit.log;

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
import org.olympiad.competitions.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

@Path("/audit-logs")
@Tag(name = "audit")
public class AuditLogResource {

    private final AuditTrail trail;

    public AuditLogResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The audit trail, newest first, by entity, actor and time range [from, to)")
    public Uni<Page<AuditLogView>> list(@QueryParam("entityType") String entityType,
                                        @QueryParam("entityId") UUID entityId,
                                        @QueryParam("actorUserId") UUID actorUserId,
                                        @QueryParam("action") String action,
                                        @QueryParam("from") Instant from,
                                        @QueryParam("to") Instant to,
                                        @Valid @BeanParam PageRequest page) {
        return trail.list(new AuditTrail.Filter(entityType, entityId, actorUserId, action, from, to), page);
    }
}
