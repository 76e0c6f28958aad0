package org.olympiad.competitions.platform.state;

import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;

/** 409: the entity's state machine has no move from the current state to the requested one. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String entityType, Object currentState, Object requestedState) {
        super(Problem.of(ProblemType.ILLEGAL_TRANSITION,
                        entityType + " cannot move from " + currentState + " to " + requestedState)
                .withStates(String.valueOf(currentState), String.valueOf(requestedState)));
    }
}
