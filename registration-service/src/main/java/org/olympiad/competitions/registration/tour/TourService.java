package org.olympiad.competitions.registration.tour;

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

import java.util.UUID;

/** Units of work on tours: each change and its outbox event commit together. */
@ApplicationScoped
public class TourService {

    private final Outbox outbox;

    public TourService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<TourView> create(UUID seasonId, TourRequests.Create request) {
        return SeasonService.require(seasonId)
                .chain(season -> requireFreePosition(seasonId, request.position(), null)
                        .map(free -> Tour.draft(season, request)))
                .chain(tour -> tour.persist().chain(() -> outbox.record(tour.created(), tour::view)));
    }

    @WithSession
    public Uni<TourView> get(UUID id) {
        return require(id).map(Tour::view);
    }

    @WithSession
    public Uni<Page<TourView>> listOfSeason(UUID seasonId, PageRequest page) {
        return SeasonService.require(seasonId).chain(season ->
                Page.of(Tour.<Tour>find("seasonId", Sort.by("position"), seasonId), page, Tour::view));
    }

    @WithTransaction
    public Uni<TourView> update(UUID id, TourRequests.Update patch) {
        return require(id).chain(tour -> (patch.position() == null || patch.position() == tour.position
                ? Uni.createFrom().voidItem()
                : requireFreePosition(tour.seasonId, patch.position(), tour.id))
                .chain(() -> outbox.record(tour.update(patch), tour::view)));
    }

    @WithTransaction
    public Uni<TourView> transition(UUID id, TourRequests.Transition request) {
        return require(id).chain(tour -> SeasonService.require(tour.seasonId)
                .chain(season -> outbox.record(tour.moveTo(request.to(), season, request.reason()), tour::view)));
    }

    private static Uni<Void> requireFreePosition(UUID seasonId, int position, UUID exceptTour) {
        return Tour.count("seasonId = ?1 and position = ?2 and id <> ?3", seasonId, position,
                        exceptTour == null ? new UUID(0, 0) : exceptTour)
                .map(taken -> {
                    if (taken > 0) {
                        throw ProblemException.conflict("position", "unique-in-season",
                                "the season already has a tour at position " + position);
                    }
                    return null;
                });
    }

    private static Uni<Tour> require(UUID id) {
        return Tour.<Tour>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR, id));
    }
}
