package org.olympiad.competitions.registration.event;

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

import java.util.UUID;

/** Units of work on events: each change and its outbox event commit together. */
@ApplicationScoped
public class EventService {

    private final Outbox outbox;

    public EventService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<EventView> create(EventRequests.Create request) {
        return CompetitionEvent.count("slug", request.slug()).chain(existing -> {
            if (existing > 0) {
                throw ProblemException.conflict("slug", "unique", "an event with slug " + request.slug() + " exists");
            }
            CompetitionEvent event = CompetitionEvent.draft(request);
            return event.persist().chain(() -> outbox.record(event.created(), event::view));
        });
    }

    @WithSession
    public Uni<EventView> get(UUID id) {
        return find(id).map(CompetitionEvent::view);
    }

    @WithSession
    public Uni<Page<EventView>> list(EventStatus status, PageRequest page) {
        var query = status == null
                ? CompetitionEvent.<CompetitionEvent>findAll(Sort.by("createdAt").descending().and("id"))
                : CompetitionEvent.<CompetitionEvent>find("status", Sort.by("createdAt").descending().and("id"), status);
        return Page.of(query, page, CompetitionEvent::view);
    }

    @WithTransaction
    public Uni<EventView> update(UUID id, EventRequests.Update patch) {
        return find(id).chain(event -> outbox.record(event.update(patch), event::view));
    }

    @WithTransaction
    public Uni<EventView> transition(UUID id, EventRequests.Transition request) {
        return find(id).chain(event -> outbox.record(event.moveTo(request.to(), request.reason()), event::view));
    }

    /** Used by seasons: the event a season belongs to, which must exist. */
    public static Uni<CompetitionEvent> require(UUID id, String field) {
        return CompetitionEvent.<CompetitionEvent>findById(id).onItem().ifNull().failWith(() ->
                ProblemException.invalidField(field, "existing-event", "event " + id + " does not exist"));
    }

    private static Uni<CompetitionEvent> find(UUID id) {
        return CompetitionEvent.<CompetitionEvent>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.EVENT, id));
    }

}
