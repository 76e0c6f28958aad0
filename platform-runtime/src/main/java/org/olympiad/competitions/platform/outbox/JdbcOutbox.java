package org.olympiad.competitions.platform.outbox;

import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.tracing.EventTracing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox writer for background work that runs on JDBC rather than in a reactive session (a batch worker on a
 * thread of its own, like {@link OutboxRelay}). Same envelope, same table as {@link Outbox}; the rows are written on
 * the caller's connection, so they commit with the caller's change or not at all.
 */
public final class JdbcOutbox {

    private JdbcOutbox() {
    }

    /** Records the changes (as one JDBC batch) on the given connection, inside its open transaction. */
    public static void record(Connection connection, List<DomainChange> changes, Caller.Snapshot caller)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_events "
                + "(id, aggregate_type, aggregate_id, type, occurred_at, payload, traceparent) values (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            String traceparent = EventTracing.currentTraceparent();
            for (DomainChange change : changes) {
                EventEnvelope envelope = new EventEnvelope(
                        UUID.randomUUID(), change.type(), change.entityType(), change.entityId(), change.seasonId(),
                        caller.userId(), Instant.now(), caller.requestId(), change.reason(),
                        change.before(), change.after(), EventEnvelope.CURRENT_SCHEMA_VERSION);
                insert.setObject(1, envelope.eventId());
                insert.setString(2, envelope.entityType());
                insert.setObject(3, envelope.entityId());
                insert.setString(4, envelope.type());
                insert.setTimestamp(5, Timestamp.from(envelope.occurredAt()));
                insert.setString(6, EventJson.write(envelope));
                insert.setString(7, traceparent);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
