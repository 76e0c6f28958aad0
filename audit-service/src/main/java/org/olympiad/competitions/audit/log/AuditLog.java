package org.olympiad.competitions.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code competition_audit_logs}: one change event, as it happened. The row id is the event id and
 * {@code created_at} is when the change happened, so the log reads in the order of the changes themselves.
 * Rows are only ever inserted (immutable: the session never dirty-checks them).
 */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "competition_audit_logs")
public class AuditLog extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "actor_user_id")
    public UUID actorUserId;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id")
    public UUID entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(columnDefinition = "jsonb")
    public JsonNode before;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(columnDefinition = "jsonb")
    public JsonNode after;

    public String reason;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static AuditLog of(EventEnvelope event) {
        AuditLog row = new AuditLog();
        row.id = event.eventId();
        row.actorUserId = event.actorUserId();
        row.action = event.type();
        row.entityType = event.entityType();
        row.entityId = event.entityId();
        row.before = nullIfJsonNull(event.before());
        row.after = nullIfJsonNull(event.after());
        row.reason = event.reason();
        row.requestId = event.requestId();
        row.createdAt = event.occurredAt();
        return row;
    }

    private static JsonNode nullIfJsonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    AuditLogView view() {
        return new AuditLogView(id, actorUserId, action, entityType, entityId, before, after, reason, requestId, createdAt);
    }
}
