package org.olympiad.competitions.platform.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.SharedSessionContract;
import org.hibernate.type.descriptor.java.MutabilityPlan;

import java.io.Serializable;

/**
 * How Hibernate keeps the snapshot of a {@code jsonb} column mapped as a {@link JsonNode}
 * ({@code @Mutability(JsonNodeMutability.class)} next to {@code @JdbcTypeCode(SqlTypes.JSON)}): a copy of the tree.
 * Hibernate's own plan for JSON copies by writing the value out as text and parsing it back, for every such column
 * of every entity it loads or persists (and again after each update); on the registration path that was a good
 * part of the CPU a request cost. Dirty checking is unchanged: the copy is compared with {@code equals}.
 */
public class JsonNodeMutability implements MutabilityPlan<JsonNode> {

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public JsonNode deepCopy(JsonNode value) {
        return value == null ? null : value.deepCopy();
    }

    @Override
    public Serializable disassemble(JsonNode value, SharedSessionContract session) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonNode assemble(Serializable cached, SharedSessionContract session) {
        if (cached == null) {
            return null;
        }
        try {
            return org.olympiad.competitions.contracts.EventJson.mapper().readTree(cached.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a cached JSON value could not be read back", e);
        }
    }
}
