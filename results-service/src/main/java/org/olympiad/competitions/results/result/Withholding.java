package org.olympiad.competitions.results.result;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.results.projection.VenueEvents;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Holding results back and letting them go, one result at a time in the caller's transaction: an open
 * arbitration case withholds every live result of its participant; an unconfirmed photo report withholds the
 * results of the tour's participants at its venue or in its group, and its confirmation releases them. A sanction
 * voids the results it concerns. Each change is a result event.
 */
@ApplicationScoped
public class Withholding implements VenueEvents.PhotoReportFollowUp {

    /** The participants a photo report covers: seated at its venue or members of its group, for its tour. */
    static final String COVERED = "select cast(tp.participant_id as text) from results_projection_tour_participations tp "
            + "where tp.tour_id = ?1 and (tp.venue_id = ?2 or tp.participant_id in (select gm.participant_id "
            + "from results_projection_group_members gm where gm.group_id = ?3 and gm.status = 'active'))";

    private final Outbox outbox;

    public Withholding(Outbox outbox) {
        this.outbox = outbox;
    }

    public static String arbitrationReason(UUID caseId) {
        return "arbitration_case:" + caseId;
    }

    public static String photoReportReason(UUID reportId) {
        return "photo_report:" + reportId;
    }

    /** Withholds every live result of the participant (tour and season results). */
    public Uni<Void> withhold(UUID participantId, String reason, Caller.Snapshot caller) {
        return live(participantId, null).chain(results -> record(results.stream().map(r -> r.withhold(reason)).toList(), caller));
    }

    /**
     * The results publication already published that shows a result: one of its season and scope (tour, track,
     * grade category), public before personal, the latest first. As "id|type|grade category|award title".
     */
    static final String SHOWN_BY = "select cast(pub.id as text) || '|' || pub.type || '|' || coalesce(cast(pp.grade_category_id as text), '') "
            + "|| '|' || a.title from competition_publications pub join competition_award_statuses a on a.key = ?5 "
            + "left join results_projection_participants pp on pp.id = ?1 "
            + "where pub.season_id = ?2 and pub.status = 'published' and pub.type in ('personal_results', 'public_results') "
            + "and coalesce(pub.settings->>'tourId', '') = ?3 and (pub.track_id is null or cast(pub.track_id as text) = ?4) "
            + "and (pub.grade_category_id is null or pub.grade_category_id = pp.grade_category_id) "
            + "order by pub.type = 'public_results' desc, pub.published_at desc limit 1";

    /**
     * Releases the results held for {@code reason}; where another reason still holds, the result stays withheld for
     * it. A released finalized result appears at once in the results publications already published over it (it
     * was left out of them only because it was withheld), without publishing them again.
     */
    public Uni<Void> release(UUID participantId, String reason, String stillHeldFor, String comment, Caller.Snapshot caller) {
        return live(participantId, null).chain(results -> {
            List<Result> held = results.stream().filter(r -> r.isWithheld && reason.equals(r.withheldReason)).toList();
            if (stillHeldFor != null) {
                return record(held.stream().map(r -> r.withhold(stillHeldFor)).toList(), caller);
            }
            return record(held.stream().map(r -> r.release(comment)).toList(), caller)
                    .chain(() -> showInPublished(held, comment, caller));
        });
    }

    private Uni<Void> showInPublished(List<Result> released, String comment, Caller.Snapshot caller) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Result r : released) {
            if (r.status() != ResultStatus.finalized || r.isPublished()) {
                continue;
            }
            chain = chain.chain(() -> Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(SHOWN_BY, String.class),
                            r.participantId, r.seasonId, NativeSql.text(r.tourId), NativeSql.text(r.trackId), r.awardStatusKey)
                            .getResultList()))
                    .chain(shown -> {
                        if (shown.isEmpty()) {
                            return Uni.createFrom().voidItem();
                        }
                        String[] f = shown.get(0).split("\\|", 4);
                        String visibility = "public_results".equals(f[1]) ? "public" : "personal";
                        return outbox.record(r.showIn(visibility, UUID.fromString(f[0]), f[2].isEmpty() ? null : f[2], f[3],
                                comment), caller).replaceWithVoid();
                    });
        }
        return chain;
    }

    /** Voids the participant's results of that tour and of the season (whose score counted the tour). */
    public Uni<Void> voidForSanction(UUID participantId, UUID tourId, String reason, Caller.Snapshot caller) {
        return live(participantId, tourId).chain(results -> record(results.stream()
                .map(r -> r.voidWith(reason)).toList(), caller));
    }

    @Override
    public Uni<Void> photoReportChanged(EventEnvelope event) {
        String status = event.after().path("status").asText();
        if (!Set.of("unconfirmed", "confirmed").contains(status)) {
            return Uni.createFrom().voidItem();
        }
        UUID report = event.entityId();
        UUID tour = uuid(event.after().path("tour_id").asText());
        UUID venue = uuid(event.after().path("venue_id").asText(null));
        UUID group = uuid(event.after().path("competition_group_id").asText(null));
        Caller.Snapshot actor = new Caller.Snapshot(event.actorUserId(), event.requestId(), Set.of());
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(COVERED, String.class),
                        tour, venue == null ? new UUID(0, 0) : venue, group == null ? new UUID(0, 0) : group).getResultList())
                .chain(participants -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String p : participants) {
                        UUID participant = UUID.fromString(p);
                        chain = chain.chain(() -> "unconfirmed".equals(status)
                                ? withhold(participant, photoReportReason(report), actor)
                                : release(participant, photoReportReason(report), null, "photo report confirmed", actor));
                    }
                    return chain;
                });
    }

    /** Live results of the participant: of one tour and the season's when a tour is given, else all. */
    private static Uni<List<Result>> live(UUID participantId, UUID tourId) {
        return tourId == null
                ? Result.<Result>list("participantId = ?1 and status <> 'void' order by createdAt, id", participantId)
                : Result.<Result>list("participantId = ?1 and status <> 'void' and (tourId = ?2 or tourId is null) "
                + "order by createdAt, id", participantId, tourId);
    }

    private Uni<Void> record(List<DomainChange> changes, Caller.Snapshot caller) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DomainChange change : changes) {
            if (change != null) {
                chain = chain.chain(() -> outbox.record(change, caller).replaceWithVoid());
            }
        }
        return chain;
    }

    private static UUID uuid(String text) {
        return text == null || text.isBlank() || "null".equals(text) ? null : UUID.fromString(text);
    }
}
