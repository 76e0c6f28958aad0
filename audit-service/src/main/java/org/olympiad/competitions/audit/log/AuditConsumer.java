package org.olympiad.competitions.audit.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.platform.inbox.EventConsumer;

/**
 * Writes every change event of every {@code competitions.<service>.v1} topic into the audit log, once:
 * the inbox makes a redelivered event a no-op, and a record that is not an event goes to
 * {@code dlq.competitions.audit.v1} while the consumer goes on.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String CONSUMER = "audit-service";

    private final EventConsumer events;

    public AuditConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("competition-changes")
    public Uni<Void> record(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record.topic(), record.value(),
                event -> AuditLog.of(event).persist().replaceWithVoid());
    }
}
