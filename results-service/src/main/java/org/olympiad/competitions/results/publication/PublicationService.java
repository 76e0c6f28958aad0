package org.olympiad.competitions.results.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.outbox.SetBasedOutbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.results.policy.AwardPolicyService;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Units of work on publications. A move of a results publication changes the scope's results and records one
 * event per result plus the publication's own, in one transaction, set-based.
 */
@ApplicationScoped
public class PublicationService {

    private static final UUID ZERO = new UUID(0, 0);
    private static final ObjectMapper ROWS = EventJson.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The results a publication covers: its season, tour (settings.tourId, else the season's own), track, grade category. */
    static final String SCOPE = "r.season_id = $1 and coalesce(r.tour_id, '" + ZERO + "') = coalesce($2::uuid, '" + ZERO + "') "
            + "and ($3::uuid is null or r.track_id = $3) and ($4::uuid is null or r.participant_id in "
            + "(select id from results_projection_participants where grade_category_id = $4))";

    /**
     * Publishing: finalized, non-withheld results move to the publication's visibility; each gets a result.published
     * event naming the publication, the grade category and the award's title (documents-service issues the document).
     */
    static final String PUBLISH_RESULTS = "with target as (select r.* from competition_results r where " + SCOPE
            + " and r.status = 'finalized' and not r.is_withheld and r.publication_status::text = any($5::text[]) for update), "
            + "upd as (update competition_results r set publication_status = $6::text::competition_publication_status, "
            + "updated_at = now() from target t where r.id = t.id returning r.*), "
            + "src as (select '" + EventTypes.RESULT_PUBLISHED + "'::text as event_type, upd.id as entity_id, upd.season_id, "
            + "to_jsonb(t) as before_row, to_jsonb(upd) || jsonb_build_object('publication_id', $7::uuid, "
            + "'grade_category_id', p.grade_category_id, 'award_title', a.title) as after_row from upd join target t on t.id = upd.id "
            + "left join results_projection_participants p on p.id = upd.participant_id "
            + "join competition_award_statuses a on a.key = upd.award_status_key) "
            + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 8, 9, 10);

    /**
     * Whether another published results publication of type {@code $type} covers result {@code r} (with its
     * participant {@code pp}): same season and tour, and its track and grade category, if it names them.
     */
    static String coveredByOther(String type) {
        return "exists(select 1 from competition_publications pub where pub.id <> $7 and pub.status = 'published' "
                + "and pub.type = '" + type + "' and pub.season_id = r.season_id "
                + "and nullif(pub.settings->>'tourId', '')::uuid is not distinct from r.tour_id "
                + "and (pub.track_id is null or pub.track_id = r.track_id) "
                + "and (pub.grade_category_id is null or pub.grade_category_id = pp.grade_category_id))";
    }

    /**
     * Hiding or archiving: the results this publication showed step back to what the season's other published
     * publications still show (public, else personal), else to hidden (archived, when the publication is archived).
     * Hiding the personal results therefore leaves the public results of the scope public, and hiding the public
     * ones leaves them personal only where personal results are published. Unchanged results get no event.
     */
    static final String UNPUBLISH_RESULTS = "with target as (select r.id, case when " + coveredByOther("public_results")
            + " then 'public' when " + coveredByOther("personal_results") + " then 'personal' else $6::text end as next "
            + "from competition_results r left join results_projection_participants pp on pp.id = r.participant_id where "
            + SCOPE + " and r.publication_status::text = any($5::text[]) for update of r), "
            + "prior as (select r.*, t.next from competition_results r join target t on t.id = r.id "
            + "where r.publication_status::text <> t.next), "
            + "upd as (update competition_results r set publication_status = p.next::competition_publication_status, "
            + "updated_at = now() from prior p where r.id = p.id returning r.*), "
            + "src as (select '" + EventTypes.RESULT_UNPUBLISHED + "'::text as event_type, upd.id as entity_id, upd.season_id, "
            + "to_jsonb(prior) - 'next' as before_row, to_jsonb(upd) || jsonb_build_object('publication_id', $7::uuid) as after_row "
            + "from upd join prior on prior.id = upd.id) " + SetBasedOutbox.insertFrom("src", EntityTypes.RESULT, 8, 9, 10);

    static final String RECORD_PUBLICATION = "with src as (select $1::text as event_type, $2::uuid as entity_id, "
            + "$3::uuid as season_id, $4::text::jsonb as before_row, $5::text::jsonb as after_row) "
            + SetBasedOutbox.insertFrom("src", EntityTypes.PUBLICATION, 6, 7, 8);

    private final Outbox outbox;
    private final Pool pool;

    public PublicationService(Outbox outbox, Pool pool) {
        this.outbox = outbox;
        this.pool = pool;
    }

    @WithTransaction
    public Uni<PublicationView> create(UUID seasonId, PublicationRequests.Create request) {
        Publication p = Publication.draft(seasonId, request);
        return AwardPolicyService.requireKnownSeason(seasonId)
                .chain(() -> p.persist()).chain(() -> outbox.record(p.created(), p::view));
    }

    @WithTransaction
    public Uni<PublicationView> update(UUID id, PublicationRequests.Update request) {
        return require(id).chain(p -> outbox.record(p.changeSettings(request.settings()), p::view));
    }

    @WithSession
    public Uni<PublicationView> get(UUID id) {
        return require(id).map(Publication::view);
    }

    @WithSession
    public Uni<List<PublicationView>> ofSeason(UUID seasonId) {
        return Publication.<Publication>list("seasonId", Sort.by("id"), seasonId)
                .map(l -> l.stream().map(Publication::view).toList());
    }

    public Uni<PublicationView> transition(UUID id, PublicationRequests.Transition t) {
        Caller.Snapshot caller = Caller.current();
        return pool.withTransaction(conn -> move(conn, id, t.to(), t.reason(), caller));
    }

    /** Publishes every scheduled publication whose time has come, each in its own transaction. */
    public Uni<Integer> publishDue() {
        return pool.preparedQuery("select id from competition_publications where status = 'scheduled' "
                        + "and (settings->>'scheduledAt')::timestamptz <= now() order by (settings->>'scheduledAt')::timestamptz")
                .execute().chain(rows -> {
                    List<UUID> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(row.getUUID(0));
                    }
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID id : due) {
                        chain = chain.chain(n -> pool.withTransaction(conn -> move(conn, id, PublicationStatus.published,
                                        "scheduled publication time reached", Caller.Snapshot.NONE))
                                .map(v -> n + 1).onFailure(ProblemException.class).recoverWithItem(n));
                    }
                    return chain;
                });
    }

    private Uni<PublicationView> move(SqlConnection conn, UUID id, PublicationStatus to, String reason, Caller.Snapshot caller) {
        return conn.preparedQuery("select to_jsonb(p)::text from competition_publications p where id = $1 for update")
                .execute(Tuple.of(id)).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound(EntityTypes.PUBLICATION, id);
                    }
                    Publication p = fromRow(rows.iterator().next().getString(0));
                    Instant now = Timestamps.now();
                    PublicationView before = p.moveTo(to, now);
                    Uni<Integer> results = p.type.publishesResults() ? moveResults(conn, p, before.status(), to, caller, reason)
                            : Uni.createFrom().item(0);
                    return results.chain(count -> conn.preparedQuery("update competition_publications set status = $2, "
                                    + "published_at = $3 where id = $1")
                            .execute(Tuple.of(id, p.status.name(), p.publishedAt == null ? null
                                    : OffsetDateTime.ofInstant(p.publishedAt, ZoneOffset.UTC)))
                            .chain(() -> {
                                ObjectNode after = (ObjectNode) EventJson.snapshot(p.view());
                                if (to == PublicationStatus.published) {
                                    after.put("published_result_count", count);
                                }
                                return conn.preparedQuery(RECORD_PUBLICATION).execute(Tuple.of(
                                        Publication.EVENT_TYPE_ON_ENTERING.get(to), p.id, p.seasonId,
                                        EventJson.snapshot(before).toString(), after.toString())
                                        .addValue(caller.userId()).addValue(caller.requestId()).addValue(reason));
                            })
                            .map(v -> p.view()));
                });
    }

    /** What the move does to the scope's results; answers how many results it published. */
    private static Uni<Integer> moveResults(SqlConnection conn, Publication p, PublicationStatus from, PublicationStatus to,
                                            Caller.Snapshot caller, String reason) {
        boolean isPublic = p.type == PublicationType.public_results;
        String[] fromVisibility;
        String toVisibility;
        String sql;
        if (to == PublicationStatus.published) {
            sql = PUBLISH_RESULTS;
            fromVisibility = isPublic ? new String[]{"hidden", "personal"} : new String[]{"hidden"};
            toVisibility = isPublic ? "public" : "personal";
        } else if (to == PublicationStatus.hidden || (to == PublicationStatus.archived && from == PublicationStatus.published)) {
            sql = UNPUBLISH_RESULTS;
            fromVisibility = isPublic ? new String[]{"public"} : new String[]{"personal", "public"};
            toVisibility = to == PublicationStatus.archived ? "archived" : "hidden";
        } else {
            return Uni.createFrom().item(0);
        }
        UUID tour = p.settings().tourId();
        Tuple params = Tuple.of(p.seasonId, tour, p.trackId, p.gradeCategoryId).addValue(fromVisibility)
                .addValue(toVisibility).addValue(p.id).addValue(caller.userId()).addValue(caller.requestId()).addValue(reason);
        return conn.preparedQuery(sql).execute(params).map(r -> r.rowCount());
    }

    static Publication fromRow(String json) {
        try {
            PublicationView v = ROWS.readValue(json, PublicationView.class);
            Publication p = new Publication();
            p.id = v.id();
            p.seasonId = v.seasonId();
            p.type = v.type();
            p.status = v.status();
            p.gradeCategoryId = v.gradeCategoryId();
            p.trackId = v.trackId();
            p.settings = v.settings();
            p.publishedAt = v.publishedAt();
            return p;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a publication row always reads", e);
        }
    }

    private static Uni<Publication> require(UUID id) {
        return Publication.<Publication>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.PUBLICATION, id));
    }
}
