package org.olympiad.competitions.results.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/** Units of work on award policies: each change and its outbox event commit together. */
@ApplicationScoped
public class AwardPolicyService {

    private final Outbox outbox;

    public AwardPolicyService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<AwardPolicyView> create(UUID seasonId, AwardPolicyRequests.Create request) {
        AwardPolicy policy = AwardPolicy.create(seasonId, request); // rules refused before anything is read
        return requireKnownSeason(seasonId)
                .chain(() -> lockSeason(seasonId))
                .chain(() -> AwardPolicy.count("seasonId = ?1 and trackId is not distinct from ?2 "
                        + "and gradeCategoryId is not distinct from ?3", seasonId, request.trackId(), request.gradeCategoryId()))
                .chain(twins -> {
                    if (twins > 0) {
                        throw ProblemException.conflict("gradeCategoryId", "unique-per-scope",
                                "the season already has an award policy for this track and grade category: change its rules");
                    }
                    return policy.persist().chain(() -> outbox.record(policy.created(), policy::view));
                });
    }

    @WithTransaction
    public Uni<AwardPolicyView> update(UUID id, AwardPolicyRequests.Update request) {
        return require(id).chain(policy -> outbox.record(policy.replaceRules(request.rules(), request.reason()), policy::view));
    }

    @WithSession
    public Uni<AwardPolicyView> get(UUID id) {
        return require(id).map(AwardPolicy::view);
    }

    @WithSession
    public Uni<List<AwardPolicyView>> ofSeason(UUID seasonId) {
        return AwardPolicy.<AwardPolicy>list("seasonId", Sort.by("createdAt").and("id"), seasonId)
                .map(list -> list.stream().map(AwardPolicy::view).toList());
    }

    private static Uni<AwardPolicy> require(UUID id) {
        return AwardPolicy.<AwardPolicy>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.AWARD_POLICY, id));
    }

    /** A season this service has heard of from registration-service, or a 404. */
    public static Uni<Void> requireKnownSeason(UUID seasonId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                        "select count(*) from results_projection_seasons where id = ?1", Long.class), seasonId)
                .getSingleResult())
                .invoke(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound(EntityTypes.SEASON, seasonId);
                    }
                }).replaceWithVoid();
    }

    /** Serialises the season's policy writes, so that the uniqueness check above cannot race. */
    private static Uni<Void> lockSeason(UUID seasonId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 11))"),
                "award-policies:" + seasonId).getSingleResult()).replaceWithVoid();
    }
}
