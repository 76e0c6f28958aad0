package org.olympiad.competitions.registration.season;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.registration.event.EventService;
import org.olympiad.competitions.registration.event.EventStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Units of work on seasons: each change and its outbox event commit together. */
@ApplicationScoped
public class SeasonService {

    private final Outbox outbox;

    public SeasonService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<SeasonView> create(SeasonRequests.Create request) {
        return EventService.require(request.eventId(), "eventId").chain(event -> {
            if (event.status == EventStatus.archived) {
                throw ProblemException.lockedIn(EntityTypes.EVENT, event.status, "given new seasons");
            }
            Season season = Season.draft(request);
            return season.persist().chain(() -> outbox.record(season.created(), season::view));
        });
    }

    @WithSession
    public Uni<SeasonView> get(UUID id) {
        return require(id).map(Season::view);
    }

    @WithSession
    public Uni<Page<SeasonView>> list(UUID eventId, SeasonStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (eventId != null) {
            where.add("eventId = :eventId");
            params.and("eventId", eventId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        var query = where.isEmpty()
                ? Season.<Season>findAll(newestFirst)
                : Season.<Season>find(String.join(" and ", where), newestFirst, params);
        return Page.of(query, page, Season::view);
    }

    @WithTransaction
    public Uni<SeasonView> update(UUID id, SeasonRequests.Update patch) {
        return require(id).chain(season -> outbox.record(season.update(patch), season::view));
    }

    @WithTransaction
    public Uni<SeasonView> transition(UUID id, SeasonRequests.Transition request) {
        return require(id).chain(season -> outbox.record(season.moveTo(request.to(), request.reason()), season::view));
    }

    /**
     * The season, locked for the rest of the transaction, or a 404: a change that must not race the season's own
     * transitions, or a twin of itself checked in code (a key unique per season), takes it first.
     */
    public static Uni<Season> requireLocked(UUID id) {
        return Season.<Season>findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SEASON, id));
    }

    /** The season, or a 404. Runs in the caller's session. */
    public static Uni<Season> require(UUID id) {
        return Season.<Season>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.SEASON, id));
    }

}
