package org.olympiad.competitions.registration.gradecategory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A grade category of a season ({@code competition_grade_categories}), e.g. grades 5–6, under a key unique within
 * the season. The key is fixed once created: award policies and results refer to the category by it.
 */
@Entity
@Table(name = "competition_grade_categories")
public class GradeCategory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String title;

    @Column(name = "grade_range_key")
    public String gradeRangeKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static GradeCategory of(Season season, GradeCategoryRequests.Create request) {
        PersonalDataGuard.refuseIn("title", request.title(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        GradeCategory category = new GradeCategory();
        category.seasonId = season.id;
        category.key = request.key();
        category.title = request.title().strip();
        category.gradeRangeKey = request.gradeRangeKey() == null ? null : request.gradeRangeKey().strip();
        category.createdAt = Timestamps.now();
        return category;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.GRADE_CATEGORY_CREATED, EntityTypes.GRADE_CATEGORY, id, seasonId, null, view(), null);
    }

    /** Applies the given fields; returns the change, or null when nothing changed. */
    DomainChange update(Season season, GradeCategoryRequests.Update patch) {
        PersonalDataGuard.refuseIn("title", patch.title(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        GradeCategoryView before = view();
        if (patch.title() != null) {
            title = patch.title().strip();
        }
        if (patch.gradeRangeKey() != null) {
            gradeRangeKey = patch.gradeRangeKey().strip();
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        return DomainChange.of(EventTypes.GRADE_CATEGORY_UPDATED, EntityTypes.GRADE_CATEGORY, id, seasonId, before, view(), null);
    }

    /** A category goes only while its season is a draft: once registration opens, participants are sorted into it. */
    DomainChange deleted(Season season) {
        if (season.status != SeasonStatus.draft) {
            throw ProblemException.lockedIn(EntityTypes.SEASON, season.status, "stripped of a grade category");
        }
        return DomainChange.of(EventTypes.GRADE_CATEGORY_DELETED, EntityTypes.GRADE_CATEGORY, id, seasonId, view(), null, null);
    }

    public GradeCategoryView view() {
        return new GradeCategoryView(id, seasonId, key, title, gradeRangeKey, createdAt);
    }
}
