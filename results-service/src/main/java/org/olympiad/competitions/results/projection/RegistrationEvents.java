package org.olympiad.competitions.results.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.platform.inbox.EventConsumer;

import java.util.Map;

/**
 * registration-service's events in: the catalogue (seasons, tours, tracks, grade categories), participants placed
 * in their grade category, tour participations (who sits which tour on which track, at which venue), and who may
 * read a participant's results (approved access claims, external teachers' links, group teachers). Other entities
 * (registrations, organisations, helpers) are not this service's business.
 */
@ApplicationScoped
public class RegistrationEvents {

    static final String CONSUMER = "results-service";

    private static final Map<String, String> STATEMENT_BY_ENTITY = Map.ofEntries(
            Map.entry(EntityTypes.SEASON, Projections.SEASON),
            Map.entry(EntityTypes.TOUR, Projections.TOUR),
            Map.entry(EntityTypes.TRACK, Projections.TRACK),
            Map.entry(EntityTypes.GRADE_CATEGORY, Projections.GRADE_CATEGORY),
            Map.entry(EntityTypes.PARTICIPANT, Projections.PARTICIPANT),
            Map.entry(EntityTypes.TOUR_PARTICIPATION, Projections.TOUR_PARTICIPATION),
            Map.entry(EntityTypes.ACCESS_CLAIM, Projections.ACCESS_CLAIM),
            Map.entry(EntityTypes.EXTERNAL_TEACHER_PROFILE, Projections.EXTERNAL_TEACHER),
            Map.entry(EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, Projections.TEACHER_LINK),
            Map.entry(EntityTypes.GROUP, Projections.GROUP),
            Map.entry(EntityTypes.GROUP_MEMBER, Projections.GROUP_MEMBER));

    private final EventConsumer events;
    private final Projections projections;

    public RegistrationEvents(EventConsumer events, Projections projections) {
        this.events = events;
        this.projections = projections;
    }

    @Incoming("registration-events")
    public Uni<Void> onRegistrationEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record, this::apply);
    }

    Uni<Void> apply(EventEnvelope event) {
        String statement = STATEMENT_BY_ENTITY.get(event.entityType());
        if (statement == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Integer> applied = projections.apply(statement, event);
        if (EntityTypes.GRADE_CATEGORY.equals(event.entityType())) {
            // a category's range changed (or it went): every participant of the season is placed again
            applied = applied.chain(() -> projections.apply(Projections.PLACE_SEASON_IN_CATEGORIES, event));
        }
        return applied.replaceWithVoid();
    }
}
