package org.olympiad.competitions.registration.group;

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

/** The caller's own groups. */
@Path("/me/groups")
@Tag(name = "groups")
public class MyGroupResource {

    private final GroupService groups;

    public MyGroupResource(GroupService groups) {
        this.groups = groups;
    }

    @GET
    @Authenticated
    @Operation(summary = "The groups the caller teaches or helps with (an active grant), newest first")
    public Uni<Page<GroupSummaryView>> mine(@Valid @BeanParam PageRequest page) {
        return groups.mine(page);
    }
}
