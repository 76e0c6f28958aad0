package org.olympiad.competitions.venue.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.venue.seat.SeatService;

import java.util.Set;

/**
 * registration-service's events in ({@code competitions.registration.v1}), each applied once: the projection is
 * brought up to date, and a tour participation that was withdrawn or disqualified gives its seat back.
 */
@ApplicationScoped
public class RegistrationEvents {

    static final String CONSUMER = "venue-service";

    private final EventConsumer events;
    private final RegistrationProjection projection;
    private final SeatService seats;

    public RegistrationEvents(EventConsumer events, RegistrationProjection projection, SeatService seats) {
        this.events = events;
        this.projection = projection;
        this.seats = seats;
    }

    @Incoming("registration-events")
    public Uni<Void> onRegistrationEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record, event -> {
            Uni<Void> projected = projection.apply(event);
            if (EventTypes.TOUR_PARTICIPATION_WITHDRAWN.equals(event.type())
                    || EventTypes.TOUR_PARTICIPATION_DISQUALIFIED.equals(event.type())) {
                Caller.Snapshot actor = new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
                return projected.chain(() -> seats.releaseForEndedParticipation(event.entityId(), event.type(), actor));
            }
            return projected;
        });
    }
}
