package org.olympiad.competitions.documents.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.documents.DocumentsConfig;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Public verification of a document by its code. A code that is malformed, unknown, or names a document not yet
 * generated gets the same not-found answer, and counts against the client's budget of misses.
 */
@ApplicationScoped
public class VerificationService {

    private static final String BY_CODE = "select d.type, d.status, d.recipient_snapshot::text, d.generated_at, "
            + "coalesce(p.display_name, d.recipient_snapshot->>'recipient_name'), s.title, e.title "
            + "from competition_award_documents d "
            + "left join documents_projection_participants p on p.id = (d.recipient_snapshot->>'participant_id')::uuid "
            + "left join documents_projection_seasons s on s.id = (d.recipient_snapshot->>'season_id')::uuid "
            + "left join documents_projection_events e on e.id = s.event_id "
            + "where d.verification_code = ?1 and d.status in ('generated', 'revoked')";

    private final VerificationRateLimit limit;
    private final DocumentsConfig config;

    public VerificationService(VerificationRateLimit limit, DocumentsConfig config) {
        this.limit = limit;
        this.config = config;
    }

    /** The document's public facts, a 404 problem for any code that names none, or a 429 for a client guessing. */
    @WithSession
    public Uni<VerificationView> verify(String typed, String client) {
        Optional<java.time.Duration> refused = limit.refusal(client);
        if (refused.isPresent()) {
            return Uni.createFrom().failure(new TooManyRequests(refused.get()));
        }
        Optional<String> code = VerificationCode.normalise(typed);
        if (code.isEmpty()) {
            limit.miss(client);
            return Uni.createFrom().failure(notFound());
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(BY_CODE), code.get()).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        limit.miss(client);
                        throw notFound();
                    }
                    return view(code.get(), (Object[]) ((List<?>) rows).get(0));
                });
    }

    private VerificationView view(String code, Object[] row) {
        JsonNode snapshot;
        try {
            snapshot = EventJson.mapper().readTree((String) row[2]);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a document's recipient_snapshot is not JSON", e);
        }
        var type = org.olympiad.competitions.documents.document.AwardDocumentType.valueOf((String) row[0]);
        boolean revoked = "revoked".equals(row[1]);
        var issued = row[3] == null ? null : toDate(row[3]);
        return new VerificationView(code, revoked ? "revoked" : "valid", type.name(), type.heading(),
                snapshot.path("award_title").asText(""), HolderNames.shortened((String) row[4]),
                row[6] == null ? "" : (String) row[6], row[5] == null ? "" : (String) row[5], issued,
                revoked ? snapshot.path("revocation_reason").asText(null) : null);
    }

    private java.time.LocalDate toDate(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(config.zone()).toLocalDate();
        }
        if (value instanceof java.time.Instant t) {
            return t.atZone(config.zone()).toLocalDate();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toLocalDate();
        }
        return java.time.LocalDate.parse(value.toString().substring(0, 10));
    }

    static ProblemException notFound() {
        // the same answer for every code that names no document: nothing about how close a guess was
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND,
                "no document has this verification code; check the code printed under the QR code")
                .withField("code", "known-code"));
    }
}
