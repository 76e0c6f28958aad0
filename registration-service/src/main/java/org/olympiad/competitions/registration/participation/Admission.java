package org.olympiad.competitions.registration.participation;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.registration.registration.RegistrationWrites;
import org.olympiad.competitions.registration.tour.Tour;
import org.olympiad.competitions.registration.tour.TourStatus;

import java.util.EnumSet;
import java.util.UUID;

/**
 * What an approved registration becomes: the participant's active season participation and their admission to
 * the season's first tour that still takes participants. Runs inside the approving transaction.
 */
@ApplicationScoped
public class Admission {

    /** Tours a participant can still be admitted to. */
    private static final EnumSet<TourStatus> ADMITTING = EnumSet.of(TourStatus.draft, TourStatus.scheduled, TourStatus.open);

    public record Request(UUID seasonId, UUID participantId, UUID registrationId, boolean feePayable,
                          DeliveryMode deliveryMode, UUID trackId, UUID venueId) {
    }

    public record Result(SeasonParticipation.SeasonParticipationView season,
                         TourParticipation.TourParticipationView firstTour) {
    }

    public Uni<Result> admit(Request request, RegistrationWrites writes) {
        return SeasonParticipation.<SeasonParticipation>find("seasonId = ?1 and participantId = ?2",
                        request.seasonId(), request.participantId()).firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing) // a second approved registration of the same child joins the first
                        : persistNew(request, writes))
                .chain(season -> firstAdmittingTour(request.seasonId()).chain(tour -> {
                    if (tour == null) {
                        return Uni.createFrom().item(new Result(season.view(), null));
                    }
                    return TourParticipation.<TourParticipation>find("tourId = ?1 and seasonParticipationId = ?2",
                                    tour.id, season.id).firstResult()
                            .chain(already -> already != null
                                    ? Uni.createFrom().item(already)
                                    : admitTo(tour, season, request, writes))
                            .map(tp -> new Result(season.view(), tp.view(season.participantId)));
                }));
    }

    /**
     * Admits a participant created in this transaction, who can have no participation yet: nothing is looked up,
     * so nothing is flushed before the transaction ends. {@code firstTour} is {@link #firstAdmittingTour}, read by
     * the caller before it wrote anything (once for a whole group).
     */
    public Uni<Result> admitNew(Request request, Tour firstTour, RegistrationWrites writes) {
        return persistNew(request, writes).chain(season -> firstTour == null
                ? Uni.createFrom().item(new Result(season.view(), null))
                : admitTo(firstTour, season, request, writes).map(tp -> new Result(season.view(), tp.view(season.participantId))));
    }

    private Uni<SeasonParticipation> persistNew(Admission.Request request, RegistrationWrites writes) {
        SeasonParticipation season = SeasonParticipation.active(request.seasonId(), request.participantId(),
                request.registrationId(), request.feePayable());
        return writes.insert(season).chain(() -> writes.record(season.created())).replaceWith(season);
    }

    private Uni<TourParticipation> admitTo(Tour tour, SeasonParticipation season, Request request,
                                           RegistrationWrites writes) {
        TourParticipation tp = TourParticipation.admitted(tour.id, season, request.deliveryMode(), request.trackId(),
                request.venueId());
        return writes.insert(tp).chain(() -> writes.record(tp.admittedEvent(season))).replaceWith(tp);
    }

    /** The season's first tour that still admits participants, or null. */
    public static Uni<Tour> firstAdmittingTour(UUID seasonId) {
        return Tour.<Tour>find("seasonId = ?1 and status in ?2", Sort.by("position"), seasonId, ADMITTING).firstResult();
    }
}
