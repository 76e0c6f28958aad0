package org.olympiad.competitions.platform.outbox;

import org.olympiad.competitions.contracts.EventEnvelope;

/**
 * Set-based outbox writes, for a change of many rows in one statement (a results calculation of 200,000 rows):
 * one outbox event per row of a query, in the same transaction and with the same envelope as
 * {@link Outbox#record}. {@code source} is a query or CTE name with the columns {@code event_type text,
 * entity_id uuid, season_id uuid, before_row jsonb, after_row jsonb}; actor, request id and reason are bound as
 * the given positional parameters ({@code $n}, Vert.x style).
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** {@code insert into outbox_events ... select ... from source}: prefix it with the CTEs {@code source} needs. */
    public static String insertFrom(String source, String entityType, int actorParam, int requestIdParam, int reasonParam) {
        if (!entityType.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + entityType);
        }
        return "insert into outbox_events (id, aggregate_type, aggregate_id, type, occurred_at, payload) "
                + "select e.event_id, '" + entityType + "', e.entity_id, e.event_type, e.occurred_at, jsonb_build_object("
                + "'eventId', e.event_id, 'type', e.event_type, 'entityType', '" + entityType + "', "
                + "'entityId', e.entity_id, 'seasonId', e.season_id, 'actorUserId', $" + actorParam + "::uuid, "
                + "'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                + "'requestId', $" + requestIdParam + "::text, 'reason', $" + reasonParam + "::text, "
                + "'before', e.before_row, 'after', e.after_row, 'schemaVersion', " + EventEnvelope.CURRENT_SCHEMA_VERSION + ") "
                + "from (select gen_random_uuid() as event_id, now() as occurred_at, s.* from " + source + " s) e";
    }
}
