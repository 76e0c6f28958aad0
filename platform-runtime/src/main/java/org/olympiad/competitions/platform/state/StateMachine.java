package org.olympiad.competitions.platform.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A transition table for one entity's status enum. Each entity declares its machine once, in its domain type;
 * {@link #require} refuses a move the table does not have with a 409 naming both states.
 */
public final class StateMachine<S extends Enum<S>> {

    private final String entityType;
    private final Map<S, Set<S>> allowed;

    private StateMachine(String entityType, Map<S, Set<S>> allowed) {
        this.entityType = entityType;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(String entityType, Class<S> states) {
        return new Builder<>(entityType, states);
    }

    public boolean allows(S from, S to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    /** The states reachable in one move from {@code from}; empty for a final state. */
    public Set<S> next(S from) {
        return Collections.unmodifiableSet(allowed.getOrDefault(from, Set.of()));
    }

    public boolean isFinal(S state) {
        return next(state).isEmpty();
    }

    /** Returns {@code to} when the move is allowed; otherwise throws {@link IllegalTransitionException}. */
    public S require(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(entityType, from, to);
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>> {
        private final String entityType;
        private final Class<S> states;
        private final Map<S, Set<S>> allowed;

        private Builder(String entityType, Class<S> states) {
            this.entityType = entityType;
            this.states = states;
            this.allowed = new EnumMap<>(states);
        }

        public Builder<S> allow(S from, S to) {
            allowed.computeIfAbsent(from, k -> EnumSet.noneOf(states)).add(to);
            return this;
        }

        /** A linear path: each state may move to the next one. */
        public Builder<S> path(S first, S... rest) {
            S previous = first;
            for (S s : rest) {
                allow(previous, s);
                previous = s;
            }
            return this;
        }

        /** {@code to} is reachable from every state except the listed ones and itself. */
        public Builder<S> fromAllExcept(S to, Set<S> except) {
            for (S s : states.getEnumConstants()) {
                if (s != to && !except.contains(s)) {
                    allow(s, to);
                }
            }
            return this;
        }

        public StateMachine<S> build() {
            return new StateMachine<>(entityType, allowed);
        }
    }
}
