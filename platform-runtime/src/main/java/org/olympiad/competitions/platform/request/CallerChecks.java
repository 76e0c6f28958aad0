package org.olympiad.competitions.platform.request;

import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** The object-level checks every service makes of its caller, said once. */
public final class CallerChecks {

    private CallerChecks() {
    }

    /** An organiser or an admin: the roles that run a season and see everything in it. */
    public static boolean isOrganiser(Caller caller) {
        return caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
    }

    /** The caller's identity user id; a token whose subject is not one owns nothing ({@code 403}). */
    public static UUID requireUserId(Caller caller) {
        UUID me = caller.userId();
        if (me == null) {
            throw forbidden("the token's subject is not an identity user id");
        }
        return me;
    }

    /** A {@code 403} problem with the reason. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
