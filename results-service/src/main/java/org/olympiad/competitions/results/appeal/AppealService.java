package org.olympiad.competitions.results.appeal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/** Units of work on appeals: each change and its outbox event commit together. */
@ApplicationScoped
public class AppealService {

    /**
     * The result an appeal may be filed against, with the window and the submission: only a published, live result,
     * filed by the participant or an approved claimant, while a personal results publication's window is open.
     */
    static final String APPEALABLE = "select cast(r.participant_id as text), cast(r.season_id as text), "
            + "r.publication_status::text, r.status, "
            + "(p.identity_user_id = ?2 or exists(select 1 from results_projection_access_claims c where c.participant_id = r.participant_id "
            + "  and c.requester_user_id = ?2 and c.status = 'approved')) as may_file, "
            + "exists(select 1 from competition_publications pub where pub.season_id = r.season_id and pub.type = 'personal_results' "
            + "  and pub.status = 'published' and now() <= pub.published_at "
            + "  + make_interval(hours => coalesce((pub.settings->>'appealWindowHours')::int, 72))) as window_open, "
            + "(select cast(sub.id as text) from results_projection_tour_participations tp join results_projection_submissions sub "
            + "  on sub.tour_participation_id = tp.id join results_projection_tours t on t.id = tp.tour_id "
            + "  where tp.participant_id = r.participant_id and (r.tour_id is null or tp.tour_id = r.tour_id) "
            + "  order by t.position desc limit 1) as submission "
            + "from competition_results r left join results_projection_participants p on p.id = r.participant_id where r.id = ?1";

    private final Outbox outbox;

    public AppealService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<AppealView> file(UUID resultId, AppealRequests.File request) {
        Caller.Snapshot caller = Caller.current();
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(APPEALABLE, Object[].class),
                        resultId, caller.userId()).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[4])) {
                        // a stranger learns nothing about the result
                        throw ProblemException.notFound(EntityTypes.RESULT, resultId);
                    }
                    Object[] r = rows.get(0);
                    if ("hidden".equals(r[2]) || "void".equals(r[3])) {
                        throw ProblemException.invalidField("resultId", "published-result",
                                "only a published, live result can be appealed");
                    }
                    if (!Boolean.TRUE.equals(r[5])) {
                        throw ProblemException.invalidField("resultId", "appeal-window",
                                "the appeal window of the season's personal results is not open");
                    }
                    UUID participant = UUID.fromString((String) r[0]);
                    UUID season = UUID.fromString((String) r[1]);
                    UUID submission = r[6] == null ? null : UUID.fromString((String) r[6]);
                    return Appeal.count("resultId = ?1 and status in ?2", resultId,
                                    List.of(AppealStatus.submitted, AppealStatus.in_review))
                            .chain(open -> {
                                if (open > 0) {
                                    throw ProblemException.conflict("resultId", "one-open-appeal",
                                            "this result already has an appeal under way");
                                }
                                Appeal appeal = Appeal.submitted(resultId, participant, submission, request.reason(), caller.userId());
                                return appeal.persist().chain(() -> outbox.record(appeal.submittedEvent(season), appeal::view));
                            });
                });
    }

    @WithTransaction
    public Uni<AppealView> transition(UUID id, AppealRequests.Transition request) {
        Caller.Snapshot caller = Caller.current();
        boolean organiser = caller.roles().contains(Roles.ADMIN) || caller.roles().contains(Roles.ORGANIZER);
        return Appeal.<Appeal>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.APPEAL, id))
                .chain(appeal -> {
                    boolean filer = caller.userId() != null && caller.userId().equals(appeal.submittedByUserId);
                    if (!organiser && !filer) {
                        throw ProblemException.notFound(EntityTypes.APPEAL, id);
                    }
                    if (!organiser && request.to() != AppealStatus.cancelled) {
                        throw new ProblemException(org.olympiad.competitions.platform.problem.Problem.of(
                                org.olympiad.competitions.platform.problem.ProblemType.FORBIDDEN,
                                "the filer may only cancel an appeal; organisers review it").withField("to", "organiser-only"));
                    }
                    return seasonOf(appeal.resultId).chain(season -> outbox.record(appeal.moveTo(request.to(),
                            request.decisionComment(), request.requestedScores(), caller.userId(), season), caller))
                            .replaceWith(appeal::view);
                });
    }

    @WithSession
    public Uni<List<AppealView>> list(UUID participantId) {
        return Appeal.<Appeal>list("participantId", Sort.by("createdAt").and("id"), participantId)
                .map(l -> l.stream().map(Appeal::view).toList());
    }

    private static Uni<UUID> seasonOf(UUID resultId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                        "select cast(season_id as text) from competition_results where id = ?1", String.class), resultId)
                .getSingleResult()).map(UUID::fromString);
    }
}
