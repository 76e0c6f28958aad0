package org.olympiad.competitions.documents.verification;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.olympiad.competitions.documents.DocumentsConfig;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.RequestIds;

/**
 * Public verification, no token: JSON for programs, an HTML page for a person who scanned the QR code (by
 * {@code Accept: text/html}, or {@code /verify/{code}.html}).
 */
@Path("/verify")
@Tag(name = "verification")
@PermitAll
public class VerificationResource {

    private final VerificationService verification;
    private final DocumentsConfig config;
    private final Template verification_page;

    public VerificationResource(VerificationService verification, DocumentsConfig config,
                                @io.quarkus.qute.Location("verification.html") Template page) {
        this.verification = verification;
        this.config = config;
        this.verification_page = page;
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a document by its code: valid or revoked (with the reason), award, event, season, "
            + "holder's shortened name")
    public Uni<VerificationView> json(@PathParam("code") String code, RoutingContext routing) {
        return verification.verify(code, client(routing));
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The verification page a QR code opens")
    public Uni<Response> html(@PathParam("code") String code, RoutingContext routing) {
        return page(code, routing);
    }

    @GET
    @Path("/{code}.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The verification page, for links that cannot set Accept")
    public Uni<Response> htmlByName(@PathParam("code") String code, RoutingContext routing) {
        return page(code, routing);
    }

    private Uni<Response> page(String code, RoutingContext routing) {
        return verification.verify(code, client(routing))
                .map(view -> Response.ok(render(view, code)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> Response.status(404)
                        .entity(render(null, code)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    private String render(VerificationView view, String code) {
        TemplateInstance page = verification_page.data("document", view).data("code", code);
        return page.render();
    }

    /** 429 problem+json with Retry-After, for a client guessing codes. */
    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, RoutingContext routing) {
        Problem problem = new Problem("https://olympiad.example/problems/too-many-requests", "Too many requests", 429,
                e.getMessage(), "code", "lookup-rate", null, null, RequestIds.of(routing), null);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(problem).build();
    }

    private String client(RoutingContext routing) {
        return config.verification().clientAddressHeader()
                .map(header -> routing.request().getHeader(header))
                .filter(value -> value != null && !value.isBlank())
                .map(value -> value.split(",")[0].strip())
                .orElseGet(() -> routing.request().remoteAddress() == null ? "unknown"
                        : routing.request().remoteAddress().hostAddress());
    }
}
