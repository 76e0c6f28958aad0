package org.olympiad.competitions.registration.registration;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.season.SeasonService;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A season's registrations as CSV for organisers (spreadsheets, the ministry's forms): one row per registration
 * with its participant's name and grade, never any personal data beyond them.
 */
@ApplicationScoped
public class RegistrationExport {

    static final List<String> COLUMNS = List.of("registration_id", "status", "stage", "source", "participant_id",
            "display_name", "grade", "duplicate_status", "official_data_package_status", "delivery_mode", "track_key",
            "group_id", "submitted_by_user_id", "created_at", "updated_at");

    @WithSession
    public Uni<String> csv(UUID seasonId) {
        return SeasonService.require(seasonId)
                .chain(season -> Registration.<Registration>find("seasonId", Sort.by("createdAt").and("id"), seasonId).list())
                .chain(registrations -> Participant.<Participant>list("seasonId", seasonId).map(participants -> {
                    Map<UUID, Participant> byId = participants.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                    StringBuilder out = new StringBuilder(64 * (registrations.size() + 1));
                    out.append(String.join(",", COLUMNS)).append("\r\n");
                    for (Registration r : registrations) {
                        Participant p = byId.get(r.participantId);
                        DeliveryPreferences d = r.deliveryPreferences();
                        row(out, r.id, r.status, r.stage, r.source, r.participantId,
                                p == null ? null : p.displayName, p == null ? null : p.grade,
                                p == null ? null : p.duplicateStatus, r.officialDataPackageStatus,
                                d.mode(), d.trackKey(), r.groupId, r.submittedByUserId, r.createdAt, r.updatedAt);
                    }
                    return out.toString();
                }));
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.startsWith("'")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
