package org.olympiad.competitions.results.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An award policy ({@code competition_award_policies}) of a season, optionally narrowed to a track and a grade
 * category; the most specific one covering a group is the one a calculation applies. Its rules are stored only
 * once they parse ({@link AwardRules}).
 */
@Entity
@Table(name = "competition_award_policies")
public class AwardPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "grade_category_id")
    public UUID gradeCategoryId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode rules;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static AwardPolicy create(UUID seasonId, AwardPolicyRequests.Create request) {
        AwardPolicy p = new AwardPolicy();
        p.seasonId = seasonId;
        p.trackId = request.trackId();
        p.gradeCategoryId = request.gradeCategoryId();
        p.rules = rulesOf(request.rules());
        p.createdAt = Timestamps.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.AWARD_POLICY_CREATED, EntityTypes.AWARD_POLICY, id, seasonId, null, view(), null);
    }

    /** New rules; null when they are the same. */
    DomainChange replaceRules(JsonNode given, String reason) {
        JsonNode next = rulesOf(given);
        if (Objects.equals(next, rules)) {
            return null;
        }
        AwardPolicyView before = view();
        rules = next;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.AWARD_POLICY_UPDATED, EntityTypes.AWARD_POLICY, id, seasonId, before, view(), reason);
    }

    private static JsonNode rulesOf(JsonNode given) {
        JsonNode json = JsonObjects.objectOrEmpty(AwardRules.FIELD, given);
        PersonalDataGuard.refuseIn(AwardRules.FIELD, json, Strictness.FREE_TEXT_OR_POLICY);
        AwardRules.parse(json);
        return json;
    }

    public AwardPolicyView view() {
        return new AwardPolicyView(id, seasonId, trackId, gradeCategoryId, rules, createdAt, updatedAt);
    }
}
