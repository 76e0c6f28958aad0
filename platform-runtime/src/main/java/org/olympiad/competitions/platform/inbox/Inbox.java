package org.olympiad.competitions.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Processed event ids per consumer ({@code inbox_processed_events}). {@link #firstDelivery} must run in the same
 * transaction as the consumer's effect: if the effect rolls back, so does the mark, and a redelivery is applied;
 * if it commits, a redelivery finds the mark and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    /** True when this consumer has not seen the event before (and now has). */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into inbox_processed_events (consumer, event_id) values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }
}
