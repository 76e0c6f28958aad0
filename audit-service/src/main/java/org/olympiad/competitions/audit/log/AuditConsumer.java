package org.olympiad.competitions.audit.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.platform.inbox.EventBatchConsumer;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes every change event of every {@code competitions.<service>.v1} topic into the audit log, once:
 * the inbox makes a redelivered event a no-op, and a record that is not an event goes to
 * {@code dlq.competitions.audit.v1} while the consumer goes on. The events of one poll (up to
 * {@code max.poll.records}) are written in one transaction, their rows in batched inserts: one event per
 * transaction could not keep up with thousands of events a second.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String CONSUMER = "audit-service";

    private final EventBatchConsumer events;

    public AuditConsumer(EventBatchConsumer events) {
        this.events = events;
    }

    @Incoming("competition-changes")
    public Uni<Void> record(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        return events.consume(CONSUMER, records, fresh -> Panache.getSession()
                .chain(session -> session.persistAll(fresh.stream().map(AuditLog::of).toArray())));
    }
}
