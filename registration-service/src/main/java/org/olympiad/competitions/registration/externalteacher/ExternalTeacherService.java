package org.olympiad.competitions.registration.externalteacher;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.season.Season;

import java.util.List;
import java.util.UUID;

/**
 * Units of work on external teachers' profiles: each change and its outbox event commit together. A profile is
 * seen by its teacher, organisers and admins; to anyone else it is a 404.
 */
@ApplicationScoped
public class ExternalTeacherService {

    static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

    private final Outbox outbox;
    private final Caller caller;

    public ExternalTeacherService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * A teacher declares their own profile (self_declaration); an admin creates one for the user it names (admin).
     * Either way it starts pending, and a user has at most one.
     */
    @WithTransaction
    public Uni<ExternalTeacherView> create(ExternalTeacherRequests.Create request) {
        UUID me = requireUserId(caller);
        UUID named = request.identityUserId();
        boolean forAnother = named != null && !named.equals(me);
        UUID owner;
        VerificationSource source;
        if (caller.hasRole(Roles.TEACHER) && !forAnother) {
            owner = me;
            source = VerificationSource.self_declaration;
        } else if (caller.hasRole(Roles.ADMIN)) {
            if (named == null) {
                throw ProblemException.invalidField("identityUserId", "required",
                        "an admin names the identity user whose profile it creates");
            }
            owner = named;
            source = VerificationSource.admin;
        } else {
            throw forbidden("a teacher declares only their own profile");
        }
        ExternalTeacherProfile profile = ExternalTeacherProfile.declared(owner, source, request);
        return requireSeasonsExist(profile.allowedSeasonRefs)
                .chain(() -> requireNoProfileOf(owner))
                .chain(() -> profile.persist())
                .chain(() -> outbox.record(profile.created(), profile::view));
    }

    @WithSession
    public Uni<ExternalTeacherView> get(UUID id) {
        return requireVisible(caller, id).map(ExternalTeacherProfile::view);
    }

    /** Profiles oldest first, by verification status when given: the admins' verification queue. */
    @WithSession
    public Uni<Page<ExternalTeacherView>> list(VerificationStatus status, PageRequest page) {
        var query = status == null
                ? ExternalTeacherProfile.<ExternalTeacherProfile>findAll(OLDEST_FIRST)
                : ExternalTeacherProfile.<ExternalTeacherProfile>find("verificationStatus", OLDEST_FIRST, status);
        return Page.of(query, page, ExternalTeacherProfile::view);
    }

    /** The caller's own profile, or a 404. */
    @WithSession
    public Uni<ExternalTeacherView> mine() {
        UUID me = requireUserId(caller);
        return ExternalTeacherProfile.<ExternalTeacherProfile>find("identityUserId", me).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_PROFILE, "of user " + me))
                .map(ExternalTeacherProfile::view);
    }

    /** An admin's verification decision; a refused move is a 409 naming both states. */
    @WithTransaction
    public Uni<ExternalTeacherView> transition(UUID id, ExternalTeacherRequests.Transition request) {
        UUID me = requireUserId(caller);
        return ExternalTeacherProfile.<ExternalTeacherProfile>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_PROFILE, id))
                .chain(profile -> outbox.record(profile.moveTo(request.to(), request.reason(), me), profile::view));
    }

    /** The profile when the caller is its teacher, an organiser or an admin; otherwise a 404. In the caller's session. */
    static Uni<ExternalTeacherProfile> requireVisible(Caller caller, UUID id) {
        boolean organiser = isOrganiser(caller);
        UUID me = caller.userId();
        return ExternalTeacherProfile.<ExternalTeacherProfile>findById(id).map(profile -> {
            if (profile == null || !(organiser || profile.isOwnedBy(me))) {
                throw ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_PROFILE, id);
            }
            return profile;
        });
    }

    private static Uni<Void> requireNoProfileOf(UUID owner) {
        return ExternalTeacherProfile.count("identityUserId", owner).map(count -> {
            if (count > 0) {
                throw ProblemException.conflict("identityUserId", "one-profile-per-user",
                        "identity user " + owner + " already has an external teacher profile");
            }
            return null;
        });
    }

    /** Allowed seasons are seasons of this service: an unknown one is a 422 naming the field. */
    private static Uni<Void> requireSeasonsExist(List<UUID> seasons) {
        if (seasons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Season.count("id in ?1", seasons).map(found -> {
            if (found != seasons.size()) {
                throw ProblemException.invalidField("allowedSeasonRefs", "season-exists",
                        "allowedSeasonRefs names a season that does not exist");
            }
            return null;
        });
    }

    static boolean isOrganiser(Caller caller) {
        return caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
    }

    /** The caller's identity user id; a token whose subject is not one can own nothing. */
    static UUID requireUserId(Caller caller) {
        UUID me = caller.userId();
        if (me == null) {
            throw forbidden("the token's subject is not an identity user id");
        }
        return me;
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
