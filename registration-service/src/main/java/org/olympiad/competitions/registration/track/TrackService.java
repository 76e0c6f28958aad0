package org.olympiad.competitions.registration.track;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.registration.season.SeasonService;
import org.olympiad.competitions.registration.tour.Tour;

import java.util.UUID;

/** Units of work on tracks: each change and its outbox event commit together. */
@ApplicationScoped
public class TrackService {

    private final Outbox outbox;

    public TrackService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<TrackView> create(UUID seasonId, TrackRequests.Create request) {
        return SeasonService.requireLocked(seasonId)
                .chain(season -> {
                    Track track = Track.of(season, request);
                    return requireTourOfSeason(request.tourId(), seasonId)
                            .chain(() -> requireFreeKey(seasonId, request.tourId(), request.key()))
                            .replaceWith(track);
                })
                .chain(track -> track.persist().chain(() -> outbox.record(track.created(), track::view)));
    }

    @WithSession
    public Uni<TrackView> get(UUID id) {
        return require(id).map(Track::view);
    }

    @WithSession
    public Uni<Page<TrackView>> listOfSeason(UUID seasonId, PageRequest page) {
        return SeasonService.require(seasonId).chain(season ->
                Page.of(Track.<Track>find("seasonId", Sort.by("key").and("id"), seasonId), page, Track::view));
    }

    @WithTransaction
    public Uni<TrackView> update(UUID id, TrackRequests.Update patch) {
        return require(id).chain(track -> SeasonService.require(track.seasonId)
                .chain(season -> outbox.record(track.update(season, patch), track::view)));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return require(id).chain(track -> SeasonService.requireLocked(track.seasonId).chain(season -> {
            var change = track.deleted(season);
            return track.delete().chain(() -> outbox.record(change)).replaceWithVoid();
        }));
    }

    /** A track bound to a tour is bound to one of its own season's tours. */
    private static Uni<Void> requireTourOfSeason(UUID tourId, UUID seasonId) {
        if (tourId == null) {
            return Uni.createFrom().voidItem();
        }
        return Tour.<Tour>findById(tourId).map(tour -> {
            if (tour == null || !seasonId.equals(tour.seasonId)) {
                throw ProblemException.invalidField("tourId", "tour-of-season",
                        "tour " + tourId + " is not a tour of season " + seasonId);
            }
            return null;
        });
    }

    /**
     * Two tracks of a season and tour never share a key. The table's unique (season_id, tour_id, key) does not
     * cover season-wide tracks (PostgreSQL counts NULL tour ids as distinct), so the check is here, under the
     * season's row lock taken by {@link #lockedSeason}, which keeps two concurrent creations from both passing it.
     */
    private static Uni<Void> requireFreeKey(UUID seasonId, UUID tourId, String key) {
        var taken = tourId == null
                ? Track.count("seasonId = ?1 and tourId is null and key = ?2", seasonId, key)
                : Track.count("seasonId = ?1 and tourId = ?2 and key = ?3", seasonId, tourId, key);
        return taken.map(count -> {
            if (count > 0) {
                throw ProblemException.conflict("key", "unique-in-season", tourId == null
                        ? "the season already has a season-wide track with key " + key
                        : "the tour already has a track with key " + key);
            }
            return null;
        });
    }

    /**
     * The season, or a 404, its row locked until the transaction ends: concurrent creations in one season and
     * season transitions wait, so a track is never added to or deleted from a season whose status changed after
     * it was read.
     */

    private static Uni<Track> require(UUID id) {
        return Track.<Track>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TRACK, id));
    }
}
