package org.olympiad.competitions.registration.gradecategory;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.registration.season.SeasonService;

import java.util.UUID;

/** Units of work on grade categories: each change and its outbox event commit together. */
@ApplicationScoped
public class GradeCategoryService {

    private final Outbox outbox;

    public GradeCategoryService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<GradeCategoryView> create(UUID seasonId, GradeCategoryRequests.Create request) {
        return SeasonService.requireLocked(seasonId)
                .chain(season -> {
                    GradeCategory category = GradeCategory.of(season, request);
                    return requireFreeKey(seasonId, request.key()).replaceWith(category);
                })
                .chain(category -> category.persist().chain(() -> outbox.record(category.created(), category::view)));
    }

    @WithSession
    public Uni<GradeCategoryView> get(UUID id) {
        return require(id).map(GradeCategory::view);
    }

    @WithSession
    public Uni<Page<GradeCategoryView>> listOfSeason(UUID seasonId, PageRequest page) {
        return SeasonService.require(seasonId).chain(season -> Page.of(
                GradeCategory.<GradeCategory>find("seasonId", Sort.by("key"), seasonId), page, GradeCategory::view));
    }

    @WithTransaction
    public Uni<GradeCategoryView> update(UUID id, GradeCategoryRequests.Update patch) {
        return require(id).chain(category -> SeasonService.require(category.seasonId)
                .chain(season -> outbox.record(category.update(season, patch), category::view)));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return require(id).chain(category -> SeasonService.requireLocked(category.seasonId).chain(season -> {
            var change = category.deleted(season);
            return category.delete().chain(() -> outbox.record(change)).replaceWithVoid();
        }));
    }

    /** Two grade categories of a season never share a key. */
    private static Uni<Void> requireFreeKey(UUID seasonId, String key) {
        return GradeCategory.count("seasonId = ?1 and key = ?2", seasonId, key).map(taken -> {
            if (taken > 0) {
                throw ProblemException.conflict("key", "unique-in-season",
                        "the season already has a grade category with key " + key);
            }
            return null;
        });
    }

    /**
     * The season, or a 404, its row locked until the transaction ends: a concurrent season transition waits, so a
     * category is never added to or deleted from a season whose status changed after it was read.
     */

    private static Uni<GradeCategory> require(UUID id) {
        return GradeCategory.<GradeCategory>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.GRADE_CATEGORY, id));
    }
}
