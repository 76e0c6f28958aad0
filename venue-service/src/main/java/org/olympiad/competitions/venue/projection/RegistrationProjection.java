package org.olympiad.competitions.venue.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * venue-service's copy of the registration rows it decides with: seasons and tours (their status), grade categories,
 * organisations and their roles ({@code open_venue}), participants (the identity user a token maps to), season and
 * tour participations (delivery mode, status) and group helpers ({@code venue_staff}). Each event's {@code after}
 * row replaces the projected row; a deleted row ({@code after} null) is marked so. Runs inside the consumer's
 * transaction, beside the inbox mark.
 *
 * <p>The row goes to PostgreSQL as one jsonb parameter and the columns are taken from it there, so an absent
 * value is simply a SQL null.
 */
@ApplicationScoped
public class RegistrationProjection {

    /** Season statuses after which nothing new is applied for in a season (venues, teacher-led tours). */
    private static final java.util.Set<String> CLOSED_SEASON_STATUSES = java.util.Set.of("published", "archived", "cancelled");

    public static boolean isClosedSeason(String seasonStatus) {
        return CLOSED_SEASON_STATUSES.contains(seasonStatus);
    }


    private static final Map<String, String> UPSERTS = Map.of(
            EntityTypes.SEASON, """
                    insert into venue_projection_seasons (id, status, updated_at)
                    select (j->>'id')::uuid, j->>'status', now() from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set status = excluded.status, updated_at = now()""",
            EntityTypes.TOUR, """
                    insert into venue_projection_tours (id, season_id, status, updated_at)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, j->>'status', now() from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set season_id = excluded.season_id, status = excluded.status, updated_at = now()""",
            EntityTypes.GRADE_CATEGORY, """
                    insert into venue_projection_grade_categories (id, season_id, key, title, grade_range_key, deleted)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, j->>'key', j->>'title', j->>'grade_range_key', false
                    from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set key = excluded.key, title = excluded.title,
                           grade_range_key = excluded.grade_range_key, deleted = false""",
            EntityTypes.ORGANIZATION, """
                    insert into venue_projection_organizations (id, season_id, identity_organization_id, display_name_snapshot, participation_status)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'identity_organization_id')::uuid,
                           j->>'display_name_snapshot', coalesce(j->>'participation_status', 'active') from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set display_name_snapshot = excluded.display_name_snapshot,
                           participation_status = excluded.participation_status""",
            EntityTypes.ORGANIZATION_ROLE, """
                    insert into venue_projection_organization_roles (id, competition_organization_id, role, status)
                    select (j->>'id')::uuid, (j->>'competition_organization_id')::uuid, j->>'role', coalesce(j->>'status', 'active')
                    from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set status = excluded.status""",
            EntityTypes.PARTICIPANT, """
                    insert into venue_projection_participants (id, season_id, identity_user_id, duplicate_status, grade)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'identity_user_id')::uuid,
                           coalesce(j->>'duplicate_status', 'not_checked'), j->>'grade' from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set identity_user_id = excluded.identity_user_id,
                           duplicate_status = excluded.duplicate_status, grade = excluded.grade""",
            EntityTypes.SEASON_PARTICIPATION, """
                    insert into venue_projection_season_participations (id, season_id, participant_id, status)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'participant_id')::uuid, j->>'status'
                    from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set participant_id = excluded.participant_id, status = excluded.status""",
            EntityTypes.TOUR_PARTICIPATION, """
                    insert into venue_projection_tour_participations (id, tour_id, season_participation_id, participant_id, delivery_mode, status)
                    select (j->>'id')::uuid, (j->>'tour_id')::uuid, (j->>'season_participation_id')::uuid,
                           coalesce((j->>'participant_id')::uuid,
                                    (select sp.participant_id from venue_projection_season_participations sp
                                     where sp.id = (j->>'season_participation_id')::uuid)),
                           j->>'delivery_mode', j->>'status'
                    from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set participant_id = coalesce(excluded.participant_id, venue_projection_tour_participations.participant_id),
                           delivery_mode = excluded.delivery_mode, status = excluded.status""",
            EntityTypes.GROUP, """
                    insert into venue_projection_groups (id, season_id, competition_organization_id, primary_teacher_user_id, status)
                    select (j->>'id')::uuid, (j->>'season_id')::uuid, (j->>'competition_organization_id')::uuid,
                           (j->>'primary_teacher_user_id')::uuid, coalesce(j->>'status', 'active') from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set competition_organization_id = excluded.competition_organization_id,
                           primary_teacher_user_id = excluded.primary_teacher_user_id, status = excluded.status""",
            EntityTypes.GROUP_HELPER, """
                    insert into venue_projection_group_helpers (id, group_id, helper_user_id, role, status)
                    select (j->>'id')::uuid, (j->>'group_id')::uuid, (j->>'helper_user_id')::uuid, j->>'role',
                           coalesce(j->>'status', 'active') from (select cast(cast(?1 as text) as jsonb) j) r
                    on conflict (id) do update set status = excluded.status""");

    /** Applies one registration event; entities venue-service does not project are skipped. */
    public Uni<Void> apply(EventEnvelope event) {
        String upsert = UPSERTS.get(event.entityType());
        if (upsert == null) {
            return Uni.createFrom().voidItem();
        }
        if (event.after() == null) {
            if (EntityTypes.GRADE_CATEGORY.equals(event.entityType()) && event.entityId() != null) {
                return execute("update venue_projection_grade_categories set deleted = true where id = cast(?1 as uuid)",
                        event.entityId().toString());
            }
            return Uni.createFrom().voidItem();
        }
        JsonNode id = event.after().get("id");
        if (id == null || id.isNull()) {
            throw new EventJson.MalformedEventException(event.type() + " carries a row without an id");
        }
        return execute(upsert, event.after().toString());
    }

    private static Uni<Void> execute(String sql, String parameter) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, parameter).executeUpdate())
                .replaceWithVoid();
    }

    // ---- what the domain asks --------------------------------------------------------------------------------

    /** A season's status, if the season is known here. */
    public Uni<Optional<String>> seasonStatus(UUID seasonId) {
        return single("select status from venue_projection_seasons where id = ?1", seasonId)
                .map(row -> row.map(r -> (String) r));
    }

    public record TourRow(UUID id, UUID seasonId, String status) {
    }

    public Uni<Optional<TourRow>> tour(UUID tourId) {
        return single("select id, season_id, status from venue_projection_tours where id = ?1", tourId)
                .map(row -> row.map(r -> {
                    Object[] c = (Object[]) r;
                    return new TourRow((UUID) c[0], (UUID) c[1], (String) c[2]);
                }));
    }

    public record OrganizationRow(UUID id, UUID seasonId, UUID identityOrganizationId, String participationStatus,
                                  boolean openVenue) {
    }

    /** An organisation of a season, with whether it holds an active {@code open_venue} role. */
    public Uni<Optional<OrganizationRow>> organization(UUID organizationId) {
        return single("""
                select o.id, o.season_id, o.identity_organization_id, o.participation_status,
                       exists (select 1 from venue_projection_organization_roles r where r.competition_organization_id = o.id
                               and r.role = 'open_venue' and r.status = 'active')
                from venue_projection_organizations o where o.id = ?1""", organizationId)
                .map(row -> row.map(r -> {
                    Object[] c = (Object[]) r;
                    return new OrganizationRow((UUID) c[0], (UUID) c[1], (UUID) c[2], (String) c[3], (Boolean) c[4]);
                }));
    }

    /** The ids among {@code gradeCategoryIds} that are not live grade categories of the season. */
    public Uni<List<UUID>> unknownGradeCategories(UUID seasonId, List<UUID> gradeCategoryIds) {
        if (gradeCategoryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                                "select id from venue_projection_grade_categories where season_id = ?1 and not deleted", UUID.class), seasonId)
                        .getResultList())
                .map(known -> gradeCategoryIds.stream().filter(id -> !known.contains(id)).toList());
    }

    public record TourParticipationRow(UUID id, UUID tourId, UUID seasonId, UUID participantId, UUID identityUserId,
                                       String deliveryMode, String status, String grade) {
    }

    /**
     * A tour participation with its tour's season, the identity user of its participant and their grade (if
     * known).
     */
    public Uni<Optional<TourParticipationRow>> tourParticipation(UUID tourParticipationId) {
        return single("""
                select tp.id, tp.tour_id, t.season_id, tp.participant_id, p.identity_user_id, tp.delivery_mode, tp.status,
                       p.grade
                from venue_projection_tour_participations tp
                left join venue_projection_tours t on t.id = tp.tour_id
                left join venue_projection_participants p on p.id = tp.participant_id
                where tp.id = ?1""", tourParticipationId)
                .map(row -> row.map(r -> {
                    Object[] c = (Object[]) r;
                    return new TourParticipationRow((UUID) c[0], (UUID) c[1], (UUID) c[2], (UUID) c[3], (UUID) c[4],
                            (String) c[5], (String) c[6], (String) c[7]);
                }));
    }

    /** A live grade category of a season with its grade range. */
    public record GradeCategoryRow(UUID id, String key, String gradeRangeKey) {
    }

    /** The season's live grade categories, by key: the order registration-service files a grade under the first. */
    public Uni<List<GradeCategoryRow>> gradeCategories(UUID seasonId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        select id, key, grade_range_key from venue_projection_grade_categories
                        where season_id = ?1 and not deleted order by key, id""", Object[].class), seasonId).getResultList())
                .map(rows -> rows.stream().map(c -> new GradeCategoryRow((UUID) c[0], (String) c[1], (String) c[2])).toList());
    }

    /**
     * Whether the user is venue staff of the organisation: an active {@code venue_staff} helper on one of the
     * organisation's active groups.
     */
    public Uni<Boolean> isVenueStaffOf(UUID userId, UUID competitionOrganizationId) {
        if (userId == null || competitionOrganizationId == null) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        select count(*) from venue_projection_group_helpers h
                        join venue_projection_groups g on g.id = h.group_id
                        where h.helper_user_id = ?1 and h.role = 'venue_staff' and h.status = 'active'
                          and g.competition_organization_id = ?2 and g.status = 'active'""", Long.class), userId, competitionOrganizationId)
                        .getSingleResult())
                .map(n -> n > 0);
    }

    /** The group's primary teacher, if the group is known. */
    public Uni<Optional<UUID>> groupTeacher(UUID groupId) {
        return single("select primary_teacher_user_id from venue_projection_groups where id = ?1", groupId)
                .map(row -> row.map(r -> (UUID) r));
    }

    private static Uni<Optional<Object>> single(String sql, UUID id) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(sql), id).getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0)));
    }
}
