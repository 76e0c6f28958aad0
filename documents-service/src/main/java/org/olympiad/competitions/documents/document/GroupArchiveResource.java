package org.olympiad.competitions.documents.document;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.request.Caller;

import java.util.List;
import java.util.UUID;

@Path("/groups/{groupId}/award-documents.zip")
@Tag(name = "award documents")
public class GroupArchiveResource {

    private final GroupArchives archives;
    private final Caller caller;

    public GroupArchiveResource(GroupArchives archives, Caller caller) {
        this.archives = archives;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Authenticated
    @Produces("application/zip")
    @Operation(summary = "All generated documents of a group's members as one ZIP, streamed (the group's teacher)")
    public Response zip(@PathParam("groupId") UUID groupId) {
        List<GroupArchives.Entry> entries = archives.entries(groupId, caller.snapshot());
        StreamingOutput body = out -> archives.write(entries, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"group-" + groupId + "-documents.zip\"").build();
    }
}
