package org.olympiad.competitions.platform.problem;

import io.vertx.pgclient.PgException;

/**
 * Maps a PostgreSQL refusal to the problem a client should see, by SQLSTATE. The constraint name is the field:
 * the seed's constraints are the last line of defence, and their names say which rule was broken.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static Problem toProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return fromSqlState(pg.getSqlState(), pg.getConstraint(), pg.getErrorMessage());
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return fromSqlState(sql.getSQLState(), null, sql.getMessage());
            }
            if (t instanceof io.vertx.core.impl.NoStackTraceThrowable || t instanceof java.net.ConnectException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
                return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable; try again shortly");
            }
        }
        return null;
    }

    static Problem fromSqlState(String state, String constraint, String message) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" -> Problem.of(ProblemType.CONFLICT, "already exists: " + message).withField(constraint, "unique");
            case "23514" -> Problem.of(ProblemType.UNPROCESSABLE, "breaks a rule: " + message).withField(constraint, "check");
            case "23503" -> Problem.of(ProblemType.UNPROCESSABLE, "refers to something that does not exist: " + message)
                    .withField(constraint, "reference");
            case "23502" -> Problem.of(ProblemType.UNPROCESSABLE, "a required value is missing: " + message)
                    .withField(constraint, "required");
            case "40001", "40P01" -> Problem.of(ProblemType.CONFLICT, "a concurrent change won; repeat the request")
                    .withField(null, "concurrent-change");
            default -> state.startsWith("22")
                    ? Problem.of(ProblemType.INVALID_INPUT, "a value is out of range or malformed: " + message)
                    : state.startsWith("08") || state.startsWith("57P")
                    ? Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable; try again shortly")
                    : null;
        };
    }
}
