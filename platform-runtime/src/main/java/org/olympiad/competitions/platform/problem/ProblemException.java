package org.olympiad.competitions.platform.problem;

/**
 * A refusal the domain decides on purpose; it becomes its problem+json answer unchanged.
 * Thrown before anything is written, or inside the transaction, which then rolls back: a refused request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404 for an entity that does not exist (or that the caller may not know exists). */
    public static ProblemException notFound(String entityType, Object id) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, entityType + " " + id + " does not exist"));
    }

    /** 422: a field breaks a rule of the domain. */
    public static ProblemException invalidField(String field, String rule, String detail) {
        return new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, detail).withField(field, rule));
    }

    /** 409: the request clashes with existing data, such as a duplicate key. */
    public static ProblemException conflict(String field, String rule, String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail).withField(field, rule));
    }

    /** 409: the entity's current state does not allow this change at all (a final or locked state). */
    public static ProblemException lockedIn(String entityType, Object currentState, String refusedAction) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT,
                        entityType + " is " + currentState + " and cannot be " + refusedAction)
                .withStates(String.valueOf(currentState), null).withField("status", "not-" + currentState));
    }
}
