package org.olympiad.competitions.registration.track;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonStatus;

import java.util.Objects;
import java.util.UUID;

/**
 * A track of a season ({@code competition_tracks}): a stream participants take part in, season-wide or bound to
 * one tour, under a key unique within the season and tour. The key and the tour are fixed once created.
 */
@Entity
@Table(name = "competition_tracks")
public class Track extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "tour_id")
    public UUID tourId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode settings;

    static Track of(Season season, TrackRequests.Create request) {
        PersonalDataGuard.refuseIn("title", request.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("settings", request.settings(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        Track track = new Track();
        track.seasonId = season.id;
        track.tourId = request.tourId();
        track.key = request.key();
        track.title = request.title().strip();
        track.settings = JsonObjects.objectOrEmpty("settings", request.settings());
        return track;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.TRACK_CREATED, EntityTypes.TRACK, id, seasonId, null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(Season season, TrackRequests.Update patch) {
        PersonalDataGuard.refuseIn("title", patch.title(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("settings", patch.settings(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        TrackView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.settings() != null) {
            settings = JsonObjects.objectOrEmpty("settings", patch.settings());
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        return DomainChange.of(EventTypes.TRACK_UPDATED, EntityTypes.TRACK, id, seasonId, before, view(), null);
    }

    /** A track goes only while its season is a draft: once registration opens, participants are placed in it. */
    DomainChange deleted(Season season) {
        if (season.status != SeasonStatus.draft) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, season.status, "stripped of a track");
        }
        return DomainChange.of(EventTypes.TRACK_DELETED, EntityTypes.TRACK, id, seasonId, view(), null, null);
    }

    public TrackView view() {
        return new TrackView(id, seasonId, tourId, key, title, settings);
    }
}
