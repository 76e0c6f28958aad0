package org.olympiad.competitions.registration.participation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.tour.Tour;
import org.olympiad.competitions.registration.tour.TourStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Admission to later tours, and the moves of a tour participation: withdrawal, disqualification, completion. */
@ApplicationScoped
public class TourParticipations {

    private static final EnumSet<TourStatus> ADMITTING = EnumSet.of(TourStatus.draft, TourStatus.scheduled, TourStatus.open);

    private final Outbox outbox;
    private final Caller caller;

    public TourParticipations(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @Schema(name = "TourAdmission")
    public record AdmissionRequest(@NotNull @Size(min = 1, max = 10_000) List<@NotNull UUID> participantIds,
                                   DeliveryMode deliveryMode) {
    }

    /** What an admission did: who was admitted now, who already was, and who is not an active participant. */
    public record AdmissionResult(int admitted, int alreadyAdmitted, List<UUID> notActiveInSeason) {
    }

    @Schema(name = "TourParticipationTransition")
    public record Transition(@NotNull TourParticipationStatus to, @Size(max = 2000) String reason) {
    }

    /** Admits active participants of the tour's season to a later tour; admitting twice admits once. */
    @WithTransaction
    public Uni<AdmissionResult> admit(UUID tourId, AdmissionRequest request) {
        return Tour.<Tour>findById(tourId).onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR, tourId))
                .chain(tour -> {
                    if (!ADMITTING.contains(tour.status)) {
                        throw ProblemException.lockedIn(EntityTypes.TOUR, tour.status, "taking admissions");
                    }
                    Set<UUID> wanted = Set.copyOf(request.participantIds());
                    return SeasonParticipation.<SeasonParticipation>find("seasonId = ?1 and participantId in ?2 and status = ?3",
                                    tour.seasonId, wanted, SeasonParticipationStatus.active).list()
                            .chain(seasons -> TourParticipation.<TourParticipation>find("tourId = ?1", tour.id).list()
                                    .chain(existing -> {
                                        Set<UUID> admittedSeasons = new java.util.HashSet<>();
                                        existing.forEach(tp -> admittedSeasons.add(tp.seasonParticipationId));
                                        List<UUID> notActive = new ArrayList<>(wanted);
                                        seasons.forEach(sp -> notActive.remove(sp.participantId));
                                        Uni<Void> chain = Uni.createFrom().voidItem();
                                        int already = 0;
                                        int admitted = 0;
                                        for (SeasonParticipation season : seasons) {
                                            if (admittedSeasons.contains(season.id)) {
                                                already++;
                                                continue;
                                            }
                                            admitted++;
                                            TourParticipation tp = TourParticipation.admitted(tour.id, season,
                                                    request.deliveryMode() == null ? DeliveryMode.online : request.deliveryMode(),
                                                    null, null);
                                            chain = chain.chain(() -> tp.persist()).chain(() -> outbox.record(tp.admittedEvent(season)))
                                                    .replaceWithVoid();
                                        }
                                        AdmissionResult result = new AdmissionResult(admitted, already, notActive);
                                        return chain.replaceWith(result);
                                    }));
                });
    }

    /** Organisers move any tour participation; the participant themself may only withdraw. */
    @WithTransaction
    public Uni<TourParticipation.TourParticipationView> transition(UUID id, Transition request) {
        boolean organiser = caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
        return require(id).chain(tp -> SeasonParticipation.<SeasonParticipation>findById(tp.seasonParticipationId)
                .chain(season -> Participant.<Participant>findById(season.participantId).chain(participant -> {
                    boolean self = participant.isIdentity(caller.userId());
                    if (!organiser && !self) {
                        throw ProblemException.notFound(EntityTypes.TOUR_PARTICIPATION, id);
                    }
                    if (!organiser && request.to() != TourParticipationStatus.withdrawn) {
                        throw new io.quarkus.security.ForbiddenException();
                    }
                    return outbox.record(tp.moveTo(request.to(), season, request.reason()), () -> tp.view(season.participantId));
                })));
    }

    /** Applied from results-service's sanction: the tour participation is disqualified, once. */
    public Uni<Void> disqualify(UUID tourParticipationId, String reason, Caller.Snapshot actor) {
        return TourParticipation.<TourParticipation>findById(tourParticipationId).chain(tp -> {
            if (tp == null || tp.status == TourParticipationStatus.disqualified) {
                return Uni.createFrom().voidItem();
            }
            return SeasonParticipation.<SeasonParticipation>findById(tp.seasonParticipationId).chain(season ->
                    outbox.record(tp.moveTo(TourParticipationStatus.disqualified, season,
                            reason == null || reason.isBlank() ? "sanctioned by arbitration" : reason), actor)).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<Page<TourParticipation.TourParticipationView>> listOfTour(UUID tourId, TourParticipationStatus status,
                                                                       PageRequest page) {
        String where = status == null ? "tourId = :tourId" : "tourId = :tourId and status = :status";
        Parameters params = Parameters.with("tourId", tourId);
        if (status != null) {
            params.and("status", status);
        }
        // the participant id comes from the season participation; one query for the page, one for their owners
        return Page.of(TourParticipation.<TourParticipation>find(where, Sort.by("admittedAt").and("id"), params), page, tp -> tp)
                .chain(found -> SeasonParticipation.<SeasonParticipation>list("id in ?1",
                                found.items().stream().map(tp -> tp.seasonParticipationId).toList())
                        .map(seasons -> found.map(tp -> tp.view(seasons.stream()
                                .filter(s -> s.id.equals(tp.seasonParticipationId)).findFirst().map(s -> s.participantId)
                                .orElse(null)))));
    }

    /** One season participation with the tours it was admitted to. */
    public record SeasonWithTours(SeasonParticipation.SeasonParticipationView season,
                                  List<TourParticipation.TourParticipationView> tours) {
    }

    /** The season and tour participations of the child the caller is, or has an approved access claim on. */
    @WithSession
    public Uni<List<SeasonWithTours>> mine() {
        UUID me = caller.userId();
        return SeasonParticipation.<SeasonParticipation>find(
                        "participantId in (select p.id from Participant p where p.identityUserId = ?1) "
                                + "or participantId in (select c.participantId from AccessClaim c where c.requesterUserId = ?1 "
                                + "and c.status = ?2)", Sort.by("createdAt").descending(), me,
                        org.olympiad.competitions.registration.accessclaim.AccessClaimStatus.approved).list()
                .chain(seasons -> TourParticipation.<TourParticipation>list("seasonParticipationId in ?1",
                                seasons.stream().map(s -> s.id).toList())
                        .map(tours -> seasons.stream().map(s -> new SeasonWithTours(s.view(), tours.stream()
                                .filter(t -> t.seasonParticipationId.equals(s.id)).map(t -> t.view(s.participantId)).toList()))
                                .toList()));
    }

    private static Uni<TourParticipation> require(UUID id) {
        return TourParticipation.<TourParticipation>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR_PARTICIPATION, id));
    }
}
