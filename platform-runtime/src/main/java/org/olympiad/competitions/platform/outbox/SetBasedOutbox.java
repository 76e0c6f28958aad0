package org.olympiad.competitions.platform.outbox;

import org.olympiad.competitions.contracts.EventEnvelope;

/**
 * The outbox for changes made by one set-based SQL statement (thousands of rows at once), where recording each
 * row through {@link Outbox#record} would cost a round trip per row. It builds the same envelope as
 * {@link Outbox} does, in SQL, from a query whose rows describe the changes; run it in the same transaction as
 * the change (a CTE of the changing statement, or a statement after it), so the events commit with the change.
 *
 * <p>The rows query must yield the columns {@code type, entity_type, entity_id, season_id, before, after, reason,
 * actor_user_id, request_id} ({@code before}/{@code after} as jsonb, e.g. {@code to_jsonb(row)}, which is exactly
 * the row's snake_case snapshot).
 */
public final class SetBasedOutbox {

    private SetBasedOutbox() {
    }

    /** {@code insert into outbox_events ... select ... from (rowsQuery)}: usable as a statement or a CTE body. */
    public static String insertFrom(String rowsQuery) {
        return "insert into outbox_events (id, aggregate_type, aggregate_id, type, occurred_at, payload) "
                + "select e.event_id, e.entity_type, e.entity_id, e.type, e.occurred_at, jsonb_build_object("
                + "'eventId', e.event_id, 'type', e.type, 'entityType', e.entity_type, 'entityId', e.entity_id, "
                + "'seasonId', e.season_id, 'actorUserId', e.actor_user_id, "
                + "'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                + "'requestId', e.request_id, 'reason', e.reason, 'before', e.before, 'after', e.after, "
                + "'schemaVersion', " + EventEnvelope.CURRENT_SCHEMA_VERSION + ") "
                + "from (select gen_random_uuid() as event_id, date_trunc('microseconds', clock_timestamp()) as occurred_at, r.* "
                + "from (" + rowsQuery + ") r) e";
    }

    /**
     * The same, for a {@code source} (a query or a CTE name defined before the insert) with the columns
     * {@code event_type text, entity_id uuid, season_id uuid, before_row jsonb, after_row jsonb}, all of one entity
     * type, with actor, request id and reason bound once as the positional parameters {@code $n} (Vert.x style).
     */
    public static String insertFrom(String source, String entityType, int actorParam, int requestIdParam, int reasonParam) {
        if (!entityType.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + entityType);
        }
        return insertFrom("select s.event_type as type, '" + entityType + "' as entity_type, s.entity_id, s.season_id, "
                + "s.before_row as before, s.after_row as after, $" + reasonParam + "::text as reason, "
                + "$" + actorParam + "::uuid as actor_user_id, $" + requestIdParam + "::text as request_id "
                + "from " + source + " s");
    }
}
