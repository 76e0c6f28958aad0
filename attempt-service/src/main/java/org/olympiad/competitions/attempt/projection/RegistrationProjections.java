package org.olympiad.competitions.attempt.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.attempt.submission.TourClosing;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.Set;

/**
 * registration-service's events in: the tours (status, window, format), participants (only their ids: who is the
 * JWT's {@code sub}), season and tour participations (who is admitted), group members and helpers (who may enter
 * answers or upload scans for whom). Each event upserts its row from {@code after}, once (the inbox), and a
 * {@code tour.closed} locks the tour's started attempts. Other registration events are not this service's business.
 */
@ApplicationScoped
public class RegistrationProjections {

    static final String CONSUMER = "attempt-service";

    private final EventConsumer events;
    private final TourClosing tourClosing;

    public RegistrationProjections(EventConsumer events, TourClosing tourClosing) {
        this.events = events;
        this.tourClosing = tourClosing;
    }

    @Incoming("registration-events")
    public Uni<Void> onRegistrationEvent(ConsumerRecord<String, String> record) {
        return events.consume(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (event.after() == null) {
            return Uni.createFrom().voidItem();
        }
        String after = event.after().toString();
        return switch (event.entityType()) {
            case EntityTypes.TOUR -> NativeSql.update(TOUR, require(event, "id", "season_id", "status"))
                    .chain(() -> EventTypes.TOUR_CLOSED.equals(event.type())
                            ? tourClosing.lockStartedAttempts(uuid(event, "id"),
                            new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of()))
                            : Uni.createFrom().voidItem());
            case EntityTypes.PARTICIPANT -> NativeSql.update(PARTICIPANT, require(event, "id", "season_id")).replaceWithVoid();
            case EntityTypes.SEASON_PARTICIPATION -> NativeSql.update(SEASON_PARTICIPATION,
                    require(event, "id", "season_id", "participant_id", "status")).replaceWithVoid();
            case EntityTypes.TOUR_PARTICIPATION -> NativeSql.update(TOUR_PARTICIPATION,
                    require(event, "id", "tour_id", "status")).replaceWithVoid();
            case EntityTypes.GROUP_MEMBER -> NativeSql.update(GROUP_MEMBER, require(event, "id", "group_id", "status"))
                    .replaceWithVoid();
            case EntityTypes.GROUP_HELPER -> NativeSql.update(GROUP_HELPER,
                    require(event, "id", "group_id", "helper_user_id", "role", "status")).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The {@code after} row as the statement's one parameter, once the fields the projection keys on are there. */
    private static String require(EventEnvelope event, String... fields) {
        for (String field : fields) {
            var value = event.after().get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                throw new EventJson.MalformedEventException(event.type() + " without " + field);
            }
        }
        return event.after().toString();
    }

    private static java.util.UUID uuid(EventEnvelope event, String field) {
        try {
            return java.util.UUID.fromString(event.after().get(field).asText());
        } catch (RuntimeException e) {
            throw new EventJson.MalformedEventException(event.type() + " without a valid " + field);
        }
    }

    // Each statement reads the row from the one jsonb parameter, so that absent fields need no typed nulls.
    private static final String TOUR = """
            insert into attempt_projection_tours (tour_id, season_id, status, format, starts_at, ends_at, settings, updated_at)
            select (a->>'id')::uuid, (a->>'season_id')::uuid, a->>'status', a->>'format', (a->>'starts_at')::timestamptz,
                   (a->>'ends_at')::timestamptz, coalesce(a->'settings', '{}'::jsonb), now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (tour_id) do update set season_id = excluded.season_id, status = excluded.status,
                format = excluded.format, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                settings = excluded.settings, updated_at = now()""";

    private static final String PARTICIPANT = """
            insert into attempt_projection_participants (participant_id, season_id, identity_user_id, duplicate_status, updated_at)
            select (a->>'id')::uuid, (a->>'season_id')::uuid, (a->>'identity_user_id')::uuid, a->>'duplicate_status', now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (participant_id) do update set season_id = excluded.season_id,
                identity_user_id = excluded.identity_user_id, duplicate_status = excluded.duplicate_status, updated_at = now()""";

    private static final String SEASON_PARTICIPATION = """
            insert into attempt_projection_season_participations (season_participation_id, season_id, participant_id, status, updated_at)
            select (a->>'id')::uuid, (a->>'season_id')::uuid, (a->>'participant_id')::uuid, a->>'status', now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (season_participation_id) do update set participant_id = excluded.participant_id,
                status = excluded.status, updated_at = now()""";

    // participant_id travels in the event; where an older producer left it out, the season participation names it
    private static final String TOUR_PARTICIPATION = """
            insert into attempt_projection_tour_participations (tour_participation_id, tour_id, season_participation_id,
                participant_id, delivery_mode, track_id, status, updated_at)
            select (a->>'id')::uuid, (a->>'tour_id')::uuid, (a->>'season_participation_id')::uuid,
                   coalesce((a->>'participant_id')::uuid,
                            (select sp.participant_id from attempt_projection_season_participations sp
                              where sp.season_participation_id = (a->>'season_participation_id')::uuid)),
                   a->>'delivery_mode', (a->>'track_id')::uuid, a->>'status', now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (tour_participation_id) do update set participant_id = coalesce(excluded.participant_id,
                attempt_projection_tour_participations.participant_id), delivery_mode = excluded.delivery_mode,
                track_id = excluded.track_id, status = excluded.status, updated_at = now()""";

    private static final String GROUP_MEMBER = """
            insert into attempt_projection_group_members (group_member_id, group_id, participant_id, status, updated_at)
            select (a->>'id')::uuid, (a->>'group_id')::uuid, (a->>'participant_id')::uuid, a->>'status', now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (group_member_id) do update set participant_id = excluded.participant_id,
                status = excluded.status, updated_at = now()""";

    private static final String GROUP_HELPER = """
            insert into attempt_projection_group_helpers (group_helper_id, group_id, helper_user_id, role, status, updated_at)
            select (a->>'id')::uuid, (a->>'group_id')::uuid, (a->>'helper_user_id')::uuid, a->>'role', a->>'status', now()
            from (select cast(cast(?1 as text) as jsonb) as a) r
            on conflict (group_helper_id) do update set role = excluded.role, status = excluded.status, updated_at = now()""";
}
