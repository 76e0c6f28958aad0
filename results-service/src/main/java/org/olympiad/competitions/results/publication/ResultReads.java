package org.olympiad.competitions.results.publication;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.api.Csv;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Results as their readers see them: a participant's own (the participant, a parent with an approved claim, a
 * linked teacher; nobody else), the public results of a season (no token: published, not withheld, names
 * shortened as the publication says), and the final protocol as CSV for organisers.
 */
@ApplicationScoped
public class ResultReads {

    private static final UUID ZERO = new UUID(0, 0);

    /** Whether the user may read the participant's results: it is them, an approved claimant, or a linked teacher. */
    static final String MAY_READ = "select exists(select 1 from results_projection_participants p where p.id = $1 "
            + "and p.identity_user_id = $2) or exists(select 1 from results_projection_access_claims c "
            + "where c.participant_id = $1 and c.requester_user_id = $2 and c.status = 'approved') "
            + "or exists(select 1 from results_projection_teacher_links l join results_projection_external_teachers t "
            + "on t.id = l.external_teacher_profile_id where l.participant_id = $1 and l.relation_status = 'active' "
            + "and t.identity_user_id = $2 and t.verification_status = 'verified') "
            + "or exists(select 1 from results_projection_group_members gm join results_projection_groups g on g.id = gm.group_id "
            + "where gm.participant_id = $1 and gm.status = 'active' and g.status = 'active' and g.primary_teacher_user_id = $2)";

    static final String PERSONAL = "select r.id, r.season_id, r.tour_id, r.track_id, p.grade_category_id, r.score, r.rank, "
            + "r.award_status_key, a.title, r.is_withheld, r.publication_status::text, "
            + "(select max(pub.published_at + make_interval(hours => coalesce((pub.settings->>'appealWindowHours')::int, 72))) "
            + " from competition_publications pub where pub.season_id = r.season_id and pub.type = 'personal_results' "
            + " and pub.status in ('published', 'archived')) "
            + "from competition_results r join competition_award_statuses a on a.key = r.award_status_key "
            + "left join results_projection_participants p on p.id = r.participant_id "
            + "where r.participant_id = $1 and r.status <> 'void' and ($2 or r.publication_status <> 'hidden') "
            + "order by r.tour_id nulls last, r.created_at";

    static final String PUBLIC = "select r.rank, p.display_name, p.child_mode_required, p.grade, r.track_id, "
            + "p.grade_category_id, r.score, r.award_status_key, a.title from competition_results r "
            + "join results_projection_participants p on p.id = r.participant_id "
            + "join competition_award_statuses a on a.key = r.award_status_key "
            + "where r.season_id = $1 and coalesce(r.tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
            + "and ($3::uuid is null or r.track_id = $3) and ($4::uuid is null or p.grade_category_id = $4) "
            + "and r.publication_status = 'public' and not r.is_withheld and r.status = 'finalized' "
            + "order by r.track_id, p.grade_category_id, r.rank, p.display_name limit $5 offset $6";

    static final String PROTOCOL = "select tr.key, gc.key, r.rank, r.participant_id, p.display_name, p.grade, r.score, "
            + "r.award_status_key, a.title, r.is_withheld, r.withheld_reason, r.publication_status::text, r.approved_at "
            + "from competition_results r left join results_projection_participants p on p.id = r.participant_id "
            + "left join results_projection_grade_categories gc on gc.id = p.grade_category_id "
            + "left join results_projection_tracks tr on tr.id = r.track_id "
            + "join competition_award_statuses a on a.key = r.award_status_key "
            + "where r.season_id = $1 and coalesce(r.tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
            + "and r.status = 'finalized' order by tr.key nulls first, gc.key nulls first, r.rank, p.display_name";

    static final List<String> PROTOCOL_COLUMNS = List.of("track_key", "grade_category_key", "rank", "participant_id",
            "display_name", "grade", "score", "award_status_key", "award_title", "withheld", "withheld_reason",
            "publication_status", "finalized_at");

    private final Pool pool;

    public ResultReads(Pool pool) {
        this.pool = pool;
    }

    public record PersonalResult(UUID resultId, UUID seasonId, UUID tourId, UUID trackId, UUID gradeCategoryId,
                                 BigDecimal score, Integer rank, String awardStatusKey, String awardTitle, boolean withheld,
                                 String publicationStatus, OffsetDateTime appealsUntil) {
    }

    public record PublicResult(Integer rank, String name, String grade, UUID trackId, UUID gradeCategoryId, BigDecimal score,
                               String awardStatusKey, String awardTitle) {
    }

    /**
     * The participant's results, for those who may read them; a stranger learns nothing (404, as for a participant
     * that does not exist). Organisers also see results not yet published. A withheld result shows no score or award.
     */
    public Uni<List<PersonalResult>> personal(UUID participantId) {
        Caller.Snapshot caller = Caller.current();
        boolean organiser = caller.roles().contains(Roles.ADMIN) || caller.roles().contains(Roles.ORGANIZER);
        Uni<Boolean> may = organiser ? Uni.createFrom().item(true) : caller.userId() == null ? Uni.createFrom().item(false)
                : pool.preparedQuery(MAY_READ).execute(Tuple.of(participantId, caller.userId()))
                .map(rows -> rows.iterator().next().getBoolean(0));
        return may.chain(allowed -> {
            if (!allowed) {
                throw ProblemException.notFound(EntityTypes.PARTICIPANT, participantId);
            }
            return pool.preparedQuery(PERSONAL).execute(Tuple.of(participantId, organiser)).map(rows -> {
                List<PersonalResult> out = new ArrayList<>();
                for (Row r : rows) {
                    boolean withheld = r.getBoolean(9);
                    out.add(new PersonalResult(r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getUUID(3), r.getUUID(4),
                            withheld && !organiser ? null : r.getBigDecimal(5), withheld && !organiser ? null : r.getInteger(6),
                            withheld && !organiser ? null : r.getString(7), withheld && !organiser ? null : r.getString(8),
                            withheld, r.getString(10), r.getOffsetDateTime(11)));
                }
                return out;
            });
        });
    }

    /** Published, non-withheld results of a season (or a tour), names shortened by the latest public publication. */
    public Uni<List<PublicResult>> publicResults(UUID seasonId, UUID tourId, UUID trackId, UUID gradeCategoryId, int page, int size) {
        return pool.preparedQuery("select settings::text from competition_publications where season_id = $1 "
                        + "and type = 'public_results' and status = 'published' and coalesce(settings->>'tourId', '') = $2 "
                        + "order by published_at desc limit 1")
                .execute(Tuple.of(seasonId, tourId == null ? "" : tourId.toString()))
                .chain(settingsRows -> {
                    if (settingsRows.size() == 0) {
                        return Uni.createFrom().item(List.<PublicResult>of());
                    }
                    PublicationSettings settings = PublicationSettings.parse(readJson(settingsRows.iterator().next().getString(0)));
                    return pool.preparedQuery(PUBLIC).execute(Tuple.of(seasonId, tourId, trackId, gradeCategoryId, size,
                            (long) page * size)).map(rows -> {
                        List<PublicResult> out = new ArrayList<>();
                        for (Row r : rows) {
                            out.add(new PublicResult(r.getInteger(0), settings.shorten(r.getString(1), r.getBoolean(2)),
                                    r.getString(3), r.getUUID(4), r.getUUID(5), r.getBigDecimal(6), r.getString(7), r.getString(8)));
                        }
                        return out;
                    });
                });
    }

    /** The final protocol of a season (or a tour): every finalized result, by track, grade category and rank. */
    public Uni<String> protocol(UUID seasonId, UUID tourId) {
        return pool.preparedQuery(PROTOCOL).execute(Tuple.of(seasonId, tourId)).map(rows -> {
            StringBuilder out = new StringBuilder(128 * (rows.size() + 1));
            out.append(String.join(",", PROTOCOL_COLUMNS)).append("\r\n");
            for (Row r : rows) {
                Csv.row(out, r.getString(0), r.getString(1), r.getInteger(2), r.getUUID(3), r.getString(4), r.getString(5),
                        r.getBigDecimal(6), r.getString(7), r.getString(8), r.getBoolean(9), r.getString(10), r.getString(11),
                        r.getOffsetDateTime(12));
            }
            return out.toString();
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("jsonb always parses", e);
        }
    }
}
