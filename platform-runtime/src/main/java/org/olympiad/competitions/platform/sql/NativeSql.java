package org.olympiad.competitions.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Plain SQL in the current Panache session and transaction, for set-based statements (one statement for thousands
 * of rows) and projections that are upserts. The session is flushed first, so that the SQL sees the entities the
 * unit of work has persisted or changed so far (Hibernate Reactive does not flush before a native query). Parameters are positional ({@code ?1, ?2 …}); pass no nulls (the
 * driver cannot type them): pass text and cast in SQL, e.g. {@code nullif(?3, '')::uuid}.
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
        return Panache.getSession().chain(session -> session.flush().replaceWith(session)).chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }

    /** Runs a query of one column; a {@code select count(*)} answers with a one-element list. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush().replaceWith(session)).chain(session -> {
            var query = session.createNativeQuery(sql, type);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }

    /** A nullable value as the text parameter {@code nullif(?n, '')} expects. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
