package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.olympiad.competitions.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to one task of a submission ({@code competition_answer_items}). {@code item_result_snapshot} holds
 * {@code answer}, its {@code version} (1 for the first save, +1 for each overwrite), when and by whom it was saved.
 * A save names the version it was based on: a save based on an older version than the stored one is stale.
 */
@Entity
@Table(name = "competition_answer_items")
public class AnswerItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "tour_task_item_id")
    public UUID tourTaskItemId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lms_activity_item_ref", columnDefinition = "jsonb")
    public JsonNode lmsActivityItemRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "item_result_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode itemResultSnapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static AnswerItem first(UUID submissionId, UUID taskItemId, JsonNode lmsItemRef) {
        AnswerItem a = new AnswerItem();
        a.submissionId = submissionId;
        a.tourTaskItemId = taskItemId;
        a.lmsActivityItemRef = lmsItemRef;
        a.itemResultSnapshot = JsonObjects.emptyObject();
        a.createdAt = Timestamps.now();
        return a;
    }

    public int version() {
        return itemResultSnapshot == null ? 0 : itemResultSnapshot.path("version").asInt(0);
    }

    /** Overwrites the answer when the caller saw the stored version; a stale save is a 409 and changes nothing. */
    void requireBase(int baseVersion) {
        if (baseVersion != version()) {
            throw ProblemException.conflict("baseVersion", "current-version", "the answer was saved as version "
                    + version() + " since version " + baseVersion + " was read: reload it before saving");
        }
    }

    DomainChange save(UUID seasonId, JsonNode answer, int baseVersion, UUID savedBy, boolean isNew) {
        requireBase(baseVersion);
        AnswerItemView before = isNew ? null : view();
        ObjectNode snapshot = JsonObjects.emptyObject();
        snapshot.set("answer", answer);
        snapshot.put("version", version() + 1);
        snapshot.put("saved_at", Timestamps.now().toString());
        if (savedBy != null) {
            snapshot.put("saved_by_user_id", savedBy.toString());
        }
        itemResultSnapshot = snapshot;
        return DomainChange.of(EventTypes.ANSWER_ITEM_SAVED, EntityTypes.ANSWER_ITEM, id, seasonId, before, view(), null);
    }

    public AnswerItemView view() {
        return new AnswerItemView(id, submissionId, tourTaskItemId, lmsActivityItemRef, itemResultSnapshot, createdAt);
    }

    public record AnswerItemView(UUID id, UUID submissionId, UUID tourTaskItemId, JsonNode lmsActivityItemRef,
                                 JsonNode itemResultSnapshot, Instant createdAt) {
    }
}
