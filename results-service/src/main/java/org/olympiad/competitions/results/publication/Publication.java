package org.olympiad.competitions.results.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.results.publication.PublicationStatus.*;

/**
 * A publication ({@code competition_publications}) of a season's personal or public results, works, materials,
 * training or venues. Publishing personal or public results shows the scope's finalized, non-withheld results;
 * a scheduled publication goes out by itself at its {@code settings.scheduledAt}.
 */
@Entity
@Table(name = "competition_publications")
public class Publication extends PanacheEntityBase {

    /**
     * draft → scheduled → published → hidden → archived; a draft may be published at once, a scheduled one taken
     * back to draft, a hidden one shown again. Archived is final.
     */
    public static final StateMachine<PublicationStatus> LIFECYCLE = StateMachine.of(EntityTypes.PUBLICATION, PublicationStatus.class)
            .path(draft, scheduled, published, hidden, archived)
            .allow(draft, published)
            .allow(scheduled, draft)
            .allow(hidden, published)
            .allow(published, archived)
            .build();

    static final Map<PublicationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            scheduled, EventTypes.PUBLICATION_SCHEDULED,
            published, EventTypes.PUBLICATION_PUBLISHED,
            hidden, EventTypes.PUBLICATION_HIDDEN,
            archived, EventTypes.PUBLICATION_ARCHIVED,
            draft, EventTypes.PUBLICATION_UPDATED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PublicationType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PublicationStatus status;

    @Column(name = "grade_category_id")
    public UUID gradeCategoryId;

    @Column(name = "track_id")
    public UUID trackId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode settings;

    @Column(name = "published_at")
    public Instant publishedAt;

    static Publication draft(UUID seasonId, PublicationRequests.Create request) {
        Publication p = new Publication();
        p.seasonId = seasonId;
        p.type = request.type();
        p.status = draft;
        p.gradeCategoryId = request.gradeCategoryId();
        p.trackId = request.trackId();
        p.settings = settingsOf(request.settings());
        return p;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.PUBLICATION_CREATED, EntityTypes.PUBLICATION, id, seasonId, null, view(), null);
    }

    DomainChange changeSettings(JsonNode given) {
        if (LIFECYCLE.isFinal(status) || status == published) {
            throw ProblemException.lockedIn(EntityTypes.PUBLICATION, status, "changed");
        }
        JsonNode next = settingsOf(given);
        if (Objects.equals(next, settings)) {
            return null;
        }
        PublicationView before = view();
        settings = next;
        return DomainChange.of(EventTypes.PUBLICATION_UPDATED, EntityTypes.PUBLICATION, id, seasonId, before, view(), null);
    }

    /**
     * Moves along {@link #LIFECYCLE}. Scheduling needs a {@code scheduledAt} in the future. The published event is
     * recorded by the caller, which knows how many results went out with it.
     */
    PublicationView moveTo(PublicationStatus target, Instant now) {
        if (target == scheduled) {
            Instant at = settings().scheduledAt();
            if (at == null || !at.isAfter(now)) {
                throw ProblemException.invalidField("settings.scheduledAt", "future-to-schedule",
                        "scheduling needs settings.scheduledAt in the future");
            }
        }
        PublicationView before = view();
        status = LIFECYCLE.require(status, target);
        if (target == published) {
            publishedAt = now;
        }
        return before;
    }

    public PublicationSettings settings() {
        return PublicationSettings.parse(settings);
    }

    private static JsonNode settingsOf(JsonNode given) {
        JsonNode json = JsonObjects.objectOrEmpty(PublicationSettings.FIELD, given);
        PersonalDataGuard.refuseIn(PublicationSettings.FIELD, json, Strictness.FREE_TEXT_OR_POLICY);
        PublicationSettings.parse(json);
        return json;
    }

    public PublicationView view() {
        return new PublicationView(id, seasonId, type, status, gradeCategoryId, trackId, settings, publishedAt);
    }
}
