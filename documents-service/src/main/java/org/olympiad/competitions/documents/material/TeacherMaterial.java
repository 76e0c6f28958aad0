package org.olympiad.competitions.documents.material;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.olympiad.competitions.documents.material.MaterialStatus.*;

/** A material for teachers of a season ({@code competition_teacher_materials}): written, or generated from a template. */
@Entity
@Table(name = "competition_teacher_materials")
public class TeacherMaterial extends PanacheEntityBase {

    /** draft → published → archived; a draft may be archived unpublished. Archived is final. */
    public static final StateMachine<MaterialStatus> LIFECYCLE = StateMachine.of(EntityTypes.TEACHER_MATERIAL, MaterialStatus.class)
            .path(draft, published, archived)
            .allow(draft, archived)
            .build();

    private static final Map<MaterialStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            published, EventTypes.TEACHER_MATERIAL_PUBLISHED, archived, EventTypes.TEACHER_MATERIAL_ARCHIVED);

    @Id
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "tour_id")
    public UUID tourId;

    @Column(name = "teacher_conduct_application_id")
    public UUID teacherConductApplicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "material_type", nullable = false)
    public MaterialType materialType;

    @Column(nullable = false)
    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "file_ref", columnDefinition = "jsonb")
    public JsonNode fileRef;

    @Column(name = "text_content")
    public String textContent;

    @Convert(converter = MaterialVisibilityConverter.class)
    @Column(nullable = false)
    public MaterialVisibility visibility;

    @Column(name = "available_from")
    public Instant availableFrom;

    @Column(name = "available_until")
    public Instant availableUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MaterialStatus status;

    @Column(nullable = false)
    public boolean generated;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_ref", columnDefinition = "jsonb")
    public JsonNode sourceRef;

    @Column(name = "created_by_user_id")
    public UUID createdByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static TeacherMaterial draft(UUID seasonId, MaterialRequests.Create request, UUID author) {
        refusePersonalData(request.title(), request.description(), request.textContent(), request.fileRef());
        TeacherMaterial material = new TeacherMaterial();
        material.id = UUID.randomUUID();
        material.seasonId = seasonId;
        material.tourId = request.tourId();
        material.teacherConductApplicationId = request.teacherConductApplicationId();
        material.materialType = request.materialType();
        material.title = request.title().strip();
        material.description = request.description();
        material.textContent = request.textContent();
        material.fileRef = JsonObjects.objectOrNull("fileRef", request.fileRef());
        material.visibility = request.visibility();
        material.availableFrom = Timestamps.micros(request.availableFrom());
        material.availableUntil = Timestamps.micros(request.availableUntil());
        Timestamps.requireOrdered(material.availableFrom, material.availableUntil, "availableFrom", "availableUntil");
        material.status = draft;
        material.createdByUserId = author;
        material.createdAt = Timestamps.now();
        material.updatedAt = material.createdAt;
        return material;
    }

    /** A material generated from a template: the rendered text, and the template and data it came from. */
    static TeacherMaterial generatedFrom(UUID seasonId, MaterialType type, String title, String text,
                                         MaterialVisibility visibility, JsonNode source, UUID author) {
        TeacherMaterial material = new TeacherMaterial();
        material.id = UUID.randomUUID();
        material.seasonId = seasonId;
        material.materialType = type;
        material.title = title;
        material.textContent = text;
        material.visibility = visibility;
        material.status = draft;
        material.generated = true;
        material.sourceRef = source;
        material.createdByUserId = author;
        material.createdAt = Timestamps.now();
        material.updatedAt = material.createdAt;
        return material;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.TEACHER_MATERIAL_CREATED, EntityTypes.TEACHER_MATERIAL, id, seasonId, null,
                view(), null);
    }

    /** Applies the given fields; the change, or null when nothing changed. Archived materials do not change. */
    DomainChange update(MaterialRequests.Update patch) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.TEACHER_MATERIAL, status, "changed");
        }
        refusePersonalData(patch.title(), patch.description(), patch.textContent(), patch.fileRef());
        MaterialView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.description() != null) {
            description = patch.description();
        }
        if (patch.textContent() != null) {
            textContent = patch.textContent();
        }
        if (patch.fileRef() != null) {
            fileRef = JsonObjects.objectOrNull("fileRef", patch.fileRef());
        }
        if (patch.visibility() != null) {
            visibility = patch.visibility();
        }
        if (patch.availableFrom() != null) {
            availableFrom = Timestamps.micros(patch.availableFrom());
        }
        if (patch.availableUntil() != null) {
            availableUntil = Timestamps.micros(patch.availableUntil());
        }
        Timestamps.requireOrdered(availableFrom, availableUntil, "availableFrom", "availableUntil");
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.TEACHER_MATERIAL_UPDATED, EntityTypes.TEACHER_MATERIAL, id, seasonId, before,
                view(), null);
    }

    DomainChange moveTo(MaterialStatus target, String reason) {
        MaterialView before = view();
        status = LIFECYCLE.require(status, target);
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.TEACHER_MATERIAL, id, seasonId, before,
                view(), reason);
    }

    /** Only drafts are deleted: what teachers could see stays, archived. */
    DomainChange deleted() {
        if (status != draft) {
            throw ProblemException.lockedIn(EntityTypes.TEACHER_MATERIAL, status, "deleted (archive it instead)");
        }
        return DomainChange.of(EventTypes.TEACHER_MATERIAL_DELETED, EntityTypes.TEACHER_MATERIAL, id, seasonId, view(),
                null, null);
    }

    /** A reader who is not an organiser sees a material once it is published, for them, and within its window. */
    boolean readableBy(Set<MaterialVisibility> visibilities, boolean organiser, Instant now) {
        if (organiser) {
            return true;
        }
        return status == published && visibilities.contains(visibility)
                && (availableFrom == null || !now.isBefore(availableFrom))
                && (availableUntil == null || now.isBefore(availableUntil));
    }

    private static void refusePersonalData(String title, String description, String text, JsonNode fileRef) {
        PersonalDataGuard.refuseIn("title", title, Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("description", description, Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("textContent", text, Strictness.FREE_TEXT_OR_POLICY);
        if (fileRef != null) {
            PersonalDataGuard.refuseIn("fileRef", fileRef, Strictness.FREE_TEXT_OR_POLICY);
        }
    }

    public MaterialView view() {
        return new MaterialView(id, seasonId, tourId, teacherConductApplicationId, materialType, title, description,
                fileRef, textContent, visibility, availableFrom, availableUntil, status, generated, sourceRef,
                createdByUserId, createdAt, updatedAt);
    }
}
