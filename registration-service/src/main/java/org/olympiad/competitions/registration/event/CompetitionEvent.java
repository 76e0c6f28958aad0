package org.olympiad.competitions.registration.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLEnumJdbcType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An olympiad, contest or tournament: the brand that runs season after season ({@code competition_events}). */
@Entity
@Table(name = "competition_events")
public class CompetitionEvent extends PanacheEntityBase {

    /** draft → active → archived; a draft that never ran may be archived directly. */
    static final StateMachine<EventStatus> LIFECYCLE = StateMachine.of(EntityTypes.EVENT, EventStatus.class)
            .path(EventStatus.draft, EventStatus.active, EventStatus.archived)
            .allow(EventStatus.draft, EventStatus.archived)
            .build();

    private static final Map<EventStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            EventStatus.active, EventTypes.EVENT_ACTIVATED,
            EventStatus.archived, EventTypes.EVENT_ARCHIVED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public EventKind type;

    @Column(name = "subject_key")
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(nullable = false, columnDefinition = "competition_event_status")
    public EventStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "public_visibility", nullable = false)
    public EventVisibility publicVisibility;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static CompetitionEvent draft(EventRequests.Create request) {
        PersonalDataGuard.refuseIn("title", request.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("subjectKey", request.subjectKey(), Strictness.FREE_TEXT_OR_POLICY);
        CompetitionEvent event = new CompetitionEvent();
        event.slug = request.slug();
        event.title = request.title().strip();
        event.type = request.type();
        event.subjectKey = request.subjectKey();
        event.status = EventStatus.draft;
        event.publicVisibility = request.publicVisibility() == null ? EventVisibility.hidden : request.publicVisibility();
        event.createdAt = Timestamps.now();
        event.updatedAt = event.createdAt;
        return event;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.EVENT_CREATED, EntityTypes.EVENT, id, null, null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(EventRequests.Update patch) {
        if (LIFECYCLE.isFinal(status)) {
            throw ProblemException.lockedIn(EntityTypes.EVENT, status, "changed");
        }
        PersonalDataGuard.refuseIn("title", patch.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("subjectKey", patch.subjectKey(), Strictness.FREE_TEXT_OR_POLICY);
        EventView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.subjectKey() != null) {
            subjectKey = patch.subjectKey();
        }
        if (patch.publicVisibility() != null) {
            publicVisibility = patch.publicVisibility();
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.EVENT_UPDATED, EntityTypes.EVENT, id, null, before, view(), null);
    }

    DomainChange moveTo(EventStatus target, String reason) {
        EventView before = view();
        status = LIFECYCLE.require(status, target);
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.EVENT, id, null, before, view(), reason);
    }

    public EventView view() {
        return new EventView(id, slug, title, type, subjectKey, status, publicVisibility, createdAt, updatedAt);
    }
}
