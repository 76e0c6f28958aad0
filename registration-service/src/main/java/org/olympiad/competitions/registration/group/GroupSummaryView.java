package org.olympiad.competitions.registration.group;

import java.time.Instant;
import java.util.UUID;

/**
 * A group in listings, and its row snapshot in events (snake_case): every column but {@code member_snapshot}, with
 * {@code member_count} in its place. A snapshot of thousands of members would make an event larger than a Kafka
 * record may be; the members travel in their own {@code group_member.*} events, and roster readers get the list from
 * {@code GET /groups/{id}}.
 */
public record GroupSummaryView(UUID id, UUID seasonId, UUID competitionOrganizationId, UUID learningWorkspaceId,
                               UUID learningGroupId, UUID primaryTeacherUserId, String titleSnapshot, int memberCount,
                               Instant snapshotTakenAt, GroupStatus status, Instant createdAt) {
}
