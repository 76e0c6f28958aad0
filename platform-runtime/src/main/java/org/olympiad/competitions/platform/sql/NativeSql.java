package org.olympiad.competitions.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collections;
import java.util.List;

/**
 * Plain SQL in the current Panache session and transaction, for set-based statements (one statement for thousands
 * of rows) and projections that are upserts. The session is flushed first, so that the SQL sees the entities the
 * unit of work has persisted or changed so far (Hibernate Reactive does not flush before a native query). Parameters are positional ({@code ?1, ?2 …}); pass no nulls (the
 * driver cannot type them): pass text and cast in SQL, e.g. {@code nullif(?3, '')::uuid}.
 *
 * <p>Every native query that reads rows is bound with {@link #bind}, which keeps its plan out of Hibernate's
 * query-plan cache. With Hibernate Reactive 3.2 / ORM 7.2 a native query's cache key never equals another's, even
 * for the same SQL: the key holds the query's result-set mapping, and Hibernate Reactive's
 * {@code ReactiveResultSetMapping} (which wraps every native mapping) has no {@code equals}, nor has ORM's
 * {@code ImplicitResultClassBuilder} (a result class such as {@code Integer.class}). So every execution stored one
 * more plan, all under the SQL's hash: the cache filled to its 2,048 entries with copies of the busiest statements,
 * each lookup compared the SQL text with all of them (a quarter of venue-service's CPU under the seat benchmark),
 * and the copies pushed the HQL plans out. Hibernate caches no plan of a query that has a list-valued parameter
 * ({@code NativeQueryImpl.isCacheableQuery}), and a one-element list renders as its one parameter marker, in
 * parentheses where it is not already enclosed in them ({@code ($1)}, a plain SQL expression), so the statement
 * runs as before. A query without a non-null parameter still has its plan cached (and leaks).
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Runs an insert, update, delete or DDL statement; answers with the rows it changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush().replaceWith(session)).chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /** Runs a query; each row is an {@code Object[]} of its columns. */
    public static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush().replaceWith(session))
                .chain(session -> bind(session.createNativeQuery(sql, Object[].class), parameters).getResultList());
    }

    /** Runs a query of one column; a {@code select count(*)} answers with a one-element list. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush().replaceWith(session))
                .chain(session -> bind(session.createNativeQuery(sql, type), parameters).getResultList());
    }

    /**
     * Binds {@code parameters} to the positional parameters {@code ?1, ?2 …} of a native query that reads rows, the
     * first non-null one as a one-element list, so that Hibernate does not cache the query's plan (see the class
     * comment: its native plans are never found again, and each one stored slows every later lookup). Use it for
     * every native query that returns rows and is run more than a few times; statements run by
     * {@code executeUpdate} need it not (Hibernate caches no native update plans).
     */
    public static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... parameters) {
        boolean listed = false;
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (!listed && value != null && !(value instanceof java.util.Collection<?>)) {
                query.setParameter(i + 1, Collections.singletonList(value));
                listed = true;
            } else {
                query.setParameter(i + 1, value);
            }
        }
        return query;
    }

    /** A nullable value as the text parameter {@code nullif(?n, '')} expects. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
