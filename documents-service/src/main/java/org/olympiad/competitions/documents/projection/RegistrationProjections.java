package org.olympiad.competitions.documents.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Multi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.inbox.EventBatchConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * registration-service's events in: the names and titles a document prints (events, seasons, participants) and
 * who may download a participant's documents (approved access claims, linked external teachers, group teachers and
 * members). Each projection row is the latest {@code after} snapshot of the other service's row; each event is
 * applied once (inbox), and events of one entity arrive in order because they are keyed by its id. The events of a
 * poll are applied in their order in one transaction ({@link EventBatchConsumer}): a season's thousands of
 * participants arrive at once, and their names must be here before the publication's documents can be made.
 */
@ApplicationScoped
public class RegistrationProjections {

    static final String CONSUMER = "documents-service.registration";

    /** One projection: the table, and the columns it copies from the snapshot (same names; id first). */
    private record Projection(String table, List<String> columns) {
        String upsert() {
            String params = columns.stream().map(c -> "?" + (columns.indexOf(c) + 1)).collect(Collectors.joining(", "));
            String updates = columns.stream().skip(1).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
            return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + params + ") "
                    + "on conflict (id) do update set " + updates;
        }
    }

    private static final Map<String, Projection> BY_ENTITY = Map.of(
            "event", new Projection("documents_projection_events", List.of("id", "title")),
            "season", new Projection("documents_projection_seasons", List.of("id", "event_id", "title")),
            "participant", new Projection("documents_projection_participants",
                    List.of("id", "season_id", "identity_user_id", "display_name")),
            "access_claim", new Projection("documents_projection_access_claims",
                    List.of("id", "participant_id", "requester_user_id", "status")),
            "external_teacher", new Projection("documents_projection_external_teachers",
                    List.of("id", "identity_user_id")),
            "external_teacher_link", new Projection("documents_projection_teacher_links",
                    List.of("id", "external_teacher_profile_id", "participant_id", "relation_status")),
            "group", new Projection("documents_projection_groups",
                    List.of("id", "season_id", "primary_teacher_user_id", "title_snapshot", "status")),
            "group_member", new Projection("documents_projection_group_members",
                    List.of("id", "group_id", "participant_id", "status")));

    private final EventBatchConsumer events;

    public RegistrationProjections(EventBatchConsumer events) {
        this.events = events;
    }

    @Incoming("registration-events")
    public Uni<Void> onRegistrationEvents(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        return events.consume(CONSUMER, records, fresh -> Multi.createFrom().iterable(fresh)
                .onItem().transformToUniAndConcatenate(this::apply).collect().last().replaceWithVoid());
    }

    Uni<Void> apply(EventEnvelope event) {
        Projection projection = BY_ENTITY.get(event.entityName());
        if (projection == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode row = event.after();
        if (row == null) {
            // a deleted row: nothing of the entities documents print or check is ever deleted, so nothing to do
            return Uni.createFrom().voidItem();
        }
        List<Object> values = projection.columns().stream().map(c -> value(projection, row, c)).toList();
        String sql = projection.upsert();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static Object value(Projection projection, JsonNode row, String column) {
        JsonNode value = row.get(column);
        boolean uuid = column.equals("id") || column.endsWith("_id");
        if (value == null || value.isNull()) {
            if (column.equals("id")) {
                throw new EventJson.MalformedEventException(projection.table() + ": the snapshot lacks its id");
            }
            return null; // a column the projection requires refuses it, and the event goes to the dead-letter topic
        }
        if (uuid) {
            try {
                return UUID.fromString(value.asText());
            } catch (IllegalArgumentException e) {
                throw new EventJson.MalformedEventException(projection.table() + ": " + column + " is not a uuid");
            }
        }
        return value.asText();
    }
}
