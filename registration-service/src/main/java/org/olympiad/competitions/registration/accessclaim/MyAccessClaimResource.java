package org.olympiad.competitions.registration.accessclaim;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

/** The caller's own access claims. */
@Path("/me/access-claims")
@Tag(name = "access-claims")
public class MyAccessClaimResource {

    private final AccessClaimService claims;

    public MyAccessClaimResource(AccessClaimService claims) {
        this.claims = claims;
    }

    @GET
    @Authenticated
    @Operation(summary = "List the caller's own access claims, newest first")
    public Uni<Page<AccessClaimView>> mine(@Valid @BeanParam PageRequest page) {
        return claims.mine(page);
    }
}
