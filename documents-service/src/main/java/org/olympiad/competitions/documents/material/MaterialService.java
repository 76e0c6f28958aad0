package org.olympiad.competitions.documents.material;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.documents.DocumentsConfig;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Units of work on teacher materials, and materials generated from Qute templates with the season's data. */
@ApplicationScoped
public class MaterialService {

    /** The types that have a template (src/main/resources/templates/materials/<type>.txt). */
    static final Set<MaterialType> GENERATED = EnumSet.of(MaterialType.participant_list, MaterialType.teacher_instruction,
            MaterialType.student_instruction, MaterialType.parent_instruction, MaterialType.report_template,
            MaterialType.results_news);

    private static final Map<MaterialType, String> TITLES = Map.of(
            MaterialType.participant_list, "Список участников",
            MaterialType.teacher_instruction, "Инструкция для учителя",
            MaterialType.student_instruction, "Инструкция для участника",
            MaterialType.parent_instruction, "Памятка для родителей",
            MaterialType.report_template, "Шаблон отчёта о проведении",
            MaterialType.results_news, "Новость об итогах");

    private final Outbox outbox;
    private final Engine templates;
    private final DocumentsConfig config;

    public MaterialService(Outbox outbox, Engine templates, DocumentsConfig config) {
        this.outbox = outbox;
        this.templates = templates;
        this.config = config;
    }

    @WithTransaction
    public Uni<MaterialView> create(UUID seasonId, MaterialRequests.Create request) {
        TeacherMaterial material = TeacherMaterial.draft(seasonId, request, Caller.current().userId());
        return material.persist().chain(() -> outbox.record(material.created(), material::view));
    }

    @WithTransaction
    public Uni<MaterialView> update(UUID id, MaterialRequests.Update patch) {
        return require(id).chain(material -> outbox.record(material.update(patch), material::view));
    }

    @WithTransaction
    public Uni<MaterialView> transition(UUID id, MaterialRequests.Transition request) {
        return require(id).chain(material -> outbox.record(material.moveTo(request.to(), request.reason()), material::view));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return require(id).chain(material -> {
            var change = material.deleted();
            return material.delete().chain(() -> outbox.record(change)).replaceWithVoid();
        });
    }

    /** A material the caller may read (404 for one they may not: its existence is none of their business). */
    @WithSession
    public Uni<MaterialView> get(UUID id, Caller.Snapshot caller) {
        return require(id).map(material -> {
            if (!readable(material, caller)) {
                throw ProblemException.notFound(EntityTypes.TEACHER_MATERIAL, id);
            }
            return material.view();
        });
    }

    /** A season's materials the caller may read, newest first. */
    @WithSession
    public Uni<List<MaterialView>> ofSeason(UUID seasonId, MaterialType type, Caller.Snapshot caller) {
        var query = type == null
                ? TeacherMaterial.<TeacherMaterial>find("seasonId", Sort.by("createdAt").descending().and("id"), seasonId)
                : TeacherMaterial.<TeacherMaterial>find("seasonId = ?1 and materialType = ?2",
                Sort.by("createdAt").descending().and("id"), seasonId, type);
        return query.list().map(list -> list.stream().filter(m -> readable(m, caller)).map(TeacherMaterial::view).toList());
    }

    /**
     * A material generated from its type's template, filled from the season's data (event and season titles, counts of
     * documents issued, a group's members). Organisers generate any; a teacher generates the participant list of their
     * own group, readable by them (visibility {@code teacher}, a draft only they and organisers see).
     */
    @WithTransaction
    public Uni<MaterialView> generate(UUID seasonId, MaterialRequests.Generate request, Caller.Snapshot caller) {
        if (!GENERATED.contains(request.materialType())) {
            throw ProblemException.invalidField("materialType", "has-template",
                    "materials of type " + request.materialType() + " are written, not generated; generated types: " + GENERATED);
        }
        boolean organiser = caller.roles().contains(Roles.ADMIN) || caller.roles().contains(Roles.ORGANIZER);
        if (!organiser && request.materialType() != MaterialType.participant_list) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                    "a teacher generates only the participant list of their own group").withField("materialType", "participant_list"));
        }
        if (request.materialType() == MaterialType.participant_list && request.groupId() == null) {
            throw ProblemException.invalidField("groupId", "required", "a participant list is of a group: groupId is required");
        }
        return seasonData(seasonId).chain(data -> groupData(request.groupId(), seasonId, caller, organiser).map(group -> {
            data.putAll(group);
            return data;
        })).chain(data -> {
            String text = templates.getTemplate("materials/" + request.materialType().name() + ".txt").data(data).render();
            ObjectNode source = JsonObjects.emptyObject();
            source.put("template", "materials/" + request.materialType().name() + ".txt");
            source.put("season_id", seasonId.toString());
            if (request.groupId() != null) {
                source.put("group_id", request.groupId().toString());
            }
            MaterialVisibility visibility = !organiser ? MaterialVisibility.teacher
                    : request.visibility() != null ? request.visibility() : defaultVisibility(request.materialType());
            String title = TITLES.get(request.materialType()) + (data.get("groupTitle") == null ? ""
                    : " — " + data.get("groupTitle"));
            TeacherMaterial material = TeacherMaterial.generatedFrom(seasonId, request.materialType(), title, text,
                    visibility, source, caller.userId());
            return material.persist().chain(() -> outbox.record(material.created(), material::view));
        });
    }

    private static MaterialVisibility defaultVisibility(MaterialType type) {
        return switch (type) {
            case results_news, student_instruction, parent_instruction -> MaterialVisibility.public_;
            default -> MaterialVisibility.teacher;
        };
    }

    private Uni<Map<String, Object>> seasonData(UUID seasonId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select s.title, coalesce(e.title, ''), "
                        + "(select count(*) from competition_award_documents d where d.status = 'generated' and d.type = 'diploma' "
                        + "   and d.recipient_snapshot->>'season_id' = s.id::text), "
                        + "(select count(*) from competition_award_documents d where d.status = 'generated' and d.type = 'certificate' "
                        + "   and d.recipient_snapshot->>'season_id' = s.id::text), "
                        + "(select count(*) from competition_award_documents d where d.status = 'generated' and d.type = 'participation' "
                        + "   and d.recipient_snapshot->>'season_id' = s.id::text) "
                        + "from documents_projection_seasons s left join documents_projection_events e on e.id = s.event_id "
                        + "where s.id = ?1"), seasonId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound(EntityTypes.SEASON, seasonId);
                    }
                    Object[] row = (Object[]) ((List<?>) rows).get(0);
                    Map<String, Object> data = new HashMap<>();
                    data.put("seasonTitle", row[0]);
                    data.put("eventTitle", row[1]);
                    data.put("diplomas", ((Number) row[2]).longValue());
                    data.put("certificates", ((Number) row[3]).longValue());
                    data.put("participations", ((Number) row[4]).longValue());
                    data.put("today", LocalDate.now(config.zone()));
                    return data;
                });
    }

    private Uni<Map<String, Object>> groupData(UUID groupId, UUID seasonId, Caller.Snapshot caller, boolean organiser) {
        if (groupId == null) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select g.title_snapshot, g.primary_teacher_user_id, "
                        + "g.season_id from documents_projection_groups g where g.id = ?1"), groupId)
                .getResultList().chain(rows -> {
                    if (rows.isEmpty() || !seasonId.equals(((Object[]) ((List<?>) rows).get(0))[2])) {
                        throw ProblemException.notFound(EntityTypes.GROUP, groupId);
                    }
                    Object[] group = (Object[]) ((List<?>) rows).get(0);
                    if (!organiser && (caller.userId() == null || !caller.userId().equals(group[1]))) {
                        throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                                "only the group's teacher generates its participant list").withField("groupId", "group-teacher"));
                    }
                    return NativeSql.bind(s.createNativeQuery("select p.display_name from documents_projection_group_members m "
                                    + "join documents_projection_participants p on p.id = m.participant_id "
                                    + "where m.group_id = ?1 and m.status = 'active' order by p.display_name", String.class), groupId)
                            .getResultList().map(names -> {
                                Map<String, Object> data = new HashMap<>();
                                data.put("groupTitle", group[0]);
                                data.put("members", names);
                                return data;
                            });
                }));
    }

    private static boolean readable(TeacherMaterial material, Caller.Snapshot caller) {
        boolean organiser = caller.roles().contains(Roles.ADMIN) || caller.roles().contains(Roles.ORGANIZER);
        boolean author = caller.userId() != null && caller.userId().equals(material.createdByUserId);
        return author || material.readableBy(MaterialVisibility.readableBy(caller), organiser, Timestamps.now());
    }

    private static Uni<TeacherMaterial> require(UUID id) {
        return TeacherMaterial.<TeacherMaterial>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TEACHER_MATERIAL, id));
    }
}
