package org.olympiad.competitions.results.arbitration;

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
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.results.result.Withholding;

import java.util.List;
import java.util.UUID;

/**
 * Units of work on arbitration cases: the case, the results it withholds, releases or voids, and their events
 * commit together.
 */
@ApplicationScoped
public class ArbitrationService {

    private final Outbox outbox;
    private final Withholding withholding;

    public ArbitrationService(Outbox outbox, Withholding withholding) {
        this.outbox = outbox;
        this.withholding = withholding;
    }

    @WithTransaction
    public Uni<ArbitrationCaseView> open(ArbitrationRequests.Open request) {
        Caller.Snapshot caller = Caller.current();
        return seasonOf(request.participantId()).chain(season -> {
            ArbitrationCase c = ArbitrationCase.open(request, request.submissionId(), caller.userId());
            return c.persist()
                    .chain(() -> outbox.record(c.opened(season), caller))
                    .chain(() -> withholding.withhold(c.participantId, Withholding.arbitrationReason(c.id), caller))
                    .replaceWith(c::view);
        });
    }

    @WithTransaction
    public Uni<ArbitrationCaseView> transition(UUID id, ArbitrationRequests.Transition request) {
        Caller.Snapshot caller = Caller.current();
        return ArbitrationCase.<ArbitrationCase>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.ARBITRATION_CASE, id))
                .chain(c -> seasonOf(c.participantId).chain(season -> switch (request.to()) {
                    case sanctioned -> sanctionedTourParticipation(c).chain(tp -> {
                        var change = c.moveTo(request.to(), request.decisionComment(), caller.userId(), season, tp.id());
                        return outbox.record(change, caller).chain(() -> withholding.voidForSanction(c.participantId,
                                tp.tourId(), "arbitration sanction: " + c.decisionComment, caller));
                    });
                    case cleared -> {
                        var change = c.moveTo(request.to(), request.decisionComment(), caller.userId(), season, null);
                        yield outbox.record(change, caller).chain(() -> otherOpenCase(c))
                                .chain(other -> withholding.release(c.participantId, Withholding.arbitrationReason(c.id),
                                        other == null ? null : Withholding.arbitrationReason(other),
                                        "arbitration case cleared", caller));
                    }
                    default -> outbox.record(c.moveTo(request.to(), request.decisionComment(), caller.userId(), season, null),
                            caller).replaceWithVoid();
                }).replaceWith(c::view));
    }

    @WithSession
    public Uni<ArbitrationCaseView> get(UUID id) {
        return ArbitrationCase.<ArbitrationCase>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.ARBITRATION_CASE, id))
                .map(ArbitrationCase::view);
    }

    @WithSession
    public Uni<List<ArbitrationCaseView>> ofParticipant(UUID participantId) {
        return ArbitrationCase.<ArbitrationCase>list("participantId", Sort.by("createdAt").and("id"), participantId)
                .map(l -> l.stream().map(ArbitrationCase::view).toList());
    }

    record TourParticipationRef(UUID id, UUID tourId) {
    }

    /** The tour participation a sanction disqualifies: that of the case's submission. */
    private static Uni<TourParticipationRef> sanctionedTourParticipation(ArbitrationCase c) {
        if (c.submissionId == null) {
            return Uni.createFrom().failure(ProblemException.invalidField("submissionId", "required-to-sanction",
                    "a sanction disqualifies the tour participation of the case's submission; this case names none"));
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("select cast(tp.id as text) || ',' || cast(tp.tour_id as text) "
                        + "from results_projection_submissions sub join results_projection_tour_participations tp "
                        + "on tp.id = sub.tour_participation_id where sub.id = ?1", String.class), c.submissionId)
                .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.invalidField("submissionId", "known-submission", "submission "
                                + c.submissionId + " is not known here yet: its tour participation cannot be named");
                    }
                    String[] ids = rows.get(0).split(",");
                    return new TourParticipationRef(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
                });
    }

    private static Uni<UUID> otherOpenCase(ArbitrationCase c) {
        return ArbitrationCase.<ArbitrationCase>find("participantId = ?1 and id <> ?2 and status in ?3 order by createdAt",
                        c.participantId, c.id, List.of(ArbitrationCaseStatus.opened, ArbitrationCaseStatus.in_review))
                .firstResult().map(other -> other == null ? null : other.id);
    }

    /** The participant's season, from registration-service's events; a participant not known here is a 422. */
    static Uni<UUID> seasonOf(UUID participantId) {
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(
                        "select cast(season_id as text) from results_projection_participants where id = ?1", String.class),
                        participantId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.invalidField("participantId", "known-participant",
                                "participant " + participantId + " is not known to results-service");
                    }
                    return UUID.fromString(rows.get(0));
                });
    }
}
