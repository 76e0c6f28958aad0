package org.olympiad.competitions.results.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.platform.inbox.EventConsumer;

/**
 * venue-service's events in: photo reports. An unconfirmed report withholds the results of its venue's or group's
 * participants for that tour; a confirmed one releases them (through the {@link PhotoReportFollowUp}s).
 */
@ApplicationScoped
public class VenueEvents {

    private final EventConsumer events;
    private final Projections projections;
    private final Instance<PhotoReportFollowUp> followUps;

    public VenueEvents(EventConsumer events, Projections projections, Instance<PhotoReportFollowUp> followUps) {
        this.events = events;
        this.projections = projections;
        this.followUps = followUps;
    }

    @Incoming("venue-events")
    public Uni<Void> onVenueEvent(ConsumerRecord<String, String> record) {
        return events.consume(RegistrationEvents.CONSUMER, record, this::apply);
    }

    Uni<Void> apply(EventEnvelope event) {
        if (!EntityTypes.PHOTO_REPORT.equals(event.entityType()) || event.after() == null) {
            return Uni.createFrom().voidItem();
        }
        return projections.apply(Projections.PHOTO_REPORT, event).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PhotoReportFollowUp followUp : followUps) {
                chain = chain.chain(() -> followUp.photoReportChanged(event));
            }
            return chain;
        });
    }

    public interface PhotoReportFollowUp {
        Uni<Void> photoReportChanged(EventEnvelope event);
    }
}
