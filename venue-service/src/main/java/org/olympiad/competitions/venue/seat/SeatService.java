package org.olympiad.competitions.venue.seat;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.GradeRanges;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.request.CallerChecks;
import org.olympiad.competitions.venue.projection.RegistrationProjection;
import org.olympiad.competitions.venue.projection.RegistrationProjection.GradeCategoryRow;
import org.olympiad.competitions.venue.projection.RegistrationProjection.TourParticipationRow;
import org.olympiad.competitions.venue.venue.Venue;
import org.olympiad.competitions.venue.venue.VenueService;
import org.olympiad.competitions.venue.venue.VenueStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seats: a participant admitted to a tour with the {@code venue} delivery mode takes a seat at a venue of the
 * season, confirms it, moves it to another venue or gives it back; venue staff mark attendance. Every seat taken
 * or freed changes the venue's count in the same transaction as the assignment row and its outbox event.
 */
@ApplicationScoped
public class SeatService {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");
    /** Tour participations that may hold a seat. */
    private static final Set<String> SEATED_PARTICIPATIONS = Set.of("admitted", "active");
    private static final EnumSet<AssignmentStatus> ATTENDANCE = EnumSet.of(AssignmentStatus.attended, AssignmentStatus.no_show);
    private static final EnumSet<VenueStatus> ATTENDANCE_VENUE = EnumSet.of(VenueStatus.closed_for_selection, VenueStatus.running);

    private final Outbox outbox;
    private final Caller caller;
    private final RegistrationProjection registration;
    private final VenueService venues;

    public SeatService(Outbox outbox, Caller caller, RegistrationProjection registration, VenueService venues) {
        this.outbox = outbox;
        this.caller = caller;
        this.registration = registration;
        this.venues = venues;
    }

    /**
     * Takes a seat for the tour participation at the venue: only while the venue is open for selection and a seat
     * is free; a full venue is a 409 {@code venue-full} and nothing is written.
     */
    @WithTransaction
    public Uni<AssignmentView> take(UUID tourParticipationId, SeatRequests.Take request) {
        UUID actor = CallerChecks.requireUserId(caller);
        return ownParticipation(tourParticipationId).chain(tp -> {
            requireSeatable(tp);
            return Seats.venue(request.venueId()).chain(found -> {
                Seats.SeatVenue venue = found.orElseThrow(() -> ProblemException.notFound(EntityTypes.VENUE, request.venueId()));
                requireVenueOfSeason(venue.seasonId(), venue.status(), tp);
                return requireAcceptedGrade(venue.id(), venue.seasonId(), venue.acceptedGradeCategories(), tp)
                        .chain(() -> requireNoSeat(tp.id()))
                        .chain(() -> {
                            VenueAssignment assignment = VenueAssignment.toTake(venue.id(), tp.id(), tp.participantId(), actor);
                            return Seats.takeRecorded(assignment, assignment.assignedEvent(venue.seasonId()), caller.snapshot())
                                    .map(count -> {
                                        count.orElseThrow(() -> refusal(venue.id(), venue.capacity()));
                                        return assignment.view();
                                    });
                        });
            });
        });
    }

    /**
     * Moves the seat to another venue of the season, atomically: the seat at the new venue is taken first, then the
     * old one is released; when the new venue has no free seat the request is a 409 and nothing changes.
     */
    @WithTransaction
    public Uni<AssignmentView> transfer(UUID assignmentId, SeatRequests.Take request) {
        UUID actor = CallerChecks.requireUserId(caller);
        return lockedOwnAssignment(assignmentId).chain(old -> registration.tourParticipation(old.tourParticipationId)
                .chain(found -> {
                    TourParticipationRow tp = found.orElseThrow(() ->
                            ProblemException.notFound(EntityTypes.TOUR_PARTICIPATION, old.tourParticipationId));
                    requireSeatable(tp);
                    VenueAssignment.LIFECYCLE.require(old.status, AssignmentStatus.transferred);
                    if (old.venueId.equals(request.venueId())) {
                        throw ProblemException.invalidField("venueId", "another-venue", "the seat is at this venue already");
                    }
                    return VenueService.require(request.venueId()).chain(target -> {
                        requireVenueOfSeason(target.seasonId, target.status, tp);
                        return VenueService.acceptedGradeCategories(target)
                                .chain(accepted -> requireAcceptedGrade(target.id, target.seasonId, accepted, tp))
                                .chain(() -> Seats.lockInOrder(old.venueId, target.id))
                                .chain(() -> Seats.take(target.id))
                                .chain(taken -> {
                                    int targetCount = taken.orElseThrow(() -> refusal(target.id, target.capacity));
                                    return Seats.release(old.venueId).chain(oldCount -> outbox.record(
                                                    old.moveTo(AssignmentStatus.transferred, target.seasonId,
                                                            "transferred to venue " + target.id, oldCount)))
                                            // the old row leaves the one-seat index before the new one enters it
                                            .chain(Seats::flush)
                                            .chain(() -> {
                                                VenueAssignment moved = VenueAssignment.assigned(target.id, old.tourParticipationId,
                                                        old.participantId, actor);
                                                return moved.persist().chain(() -> outbox.record(
                                                        moved.assignedEvent(target.seasonId, targetCount))).map(i -> moved.view());
                                            });
                                });
                    });
                }));
    }

    /**
     * confirmed: the participant, the venue's staff or an organiser; cancelled (frees the seat): the participant or
     * an organiser; attended / no_show: the venue's staff or an organiser, once the venue is closed for selection
     * or running.
     */
    @WithTransaction
    public Uni<AssignmentView> transition(UUID assignmentId, SeatRequests.Transition request) {
        AssignmentStatus target = request.to();
        if (target == AssignmentStatus.transferred) {
            throw ProblemException.invalidField("to", "use-transfer",
                    "a seat moves to another venue by POST /venue-assignments/{id}/transfer");
        }
        return VenueAssignment.<VenueAssignment>findById(assignmentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.VENUE_ASSIGNMENT, assignmentId))
                .chain(assignment -> VenueService.require(assignment.venueId).chain(venue ->
                        authoriseMove(assignment, venue, target).chain(() -> {
                            if (ATTENDANCE.contains(target) && !ATTENDANCE_VENUE.contains(venue.status)) {
                                throw ProblemException.lockedIn(EntityTypes.VENUE, venue.status, "marking attendance");
                            }
                            boolean frees = VenueAssignment.releasesSeat(assignment.status, target);
                            VenueAssignment.LIFECYCLE.require(assignment.status, target);
                            Uni<Integer> count = frees ? Seats.release(venue.id) : Uni.createFrom().nullItem();
                            return count.chain(n -> outbox.record(assignment.moveTo(target, venue.seasonId, request.reason(), n)))
                                    .map(ignored -> assignment.view());
                        })));
    }

    /**
     * A tour participation that ended (withdrawn, disqualified in registration-service) gives its seat back. Runs in
     * the event consumer's transaction, under the actor of the event.
     */
    public Uni<Void> releaseForEndedParticipation(UUID tourParticipationId, String eventType, Caller.Snapshot actor) {
        if (tourParticipationId == null) {
            return Uni.createFrom().voidItem();
        }
        return VenueAssignment.<VenueAssignment>find("tourParticipationId = ?1 and status in ?2", tourParticipationId,
                        EnumSet.of(AssignmentStatus.selected, AssignmentStatus.assigned, AssignmentStatus.confirmed))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(found -> {
                    VenueAssignment assignment = (VenueAssignment) found;
                    if (assignment == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return VenueService.require(assignment.venueId).chain(venue -> Seats.release(venue.id)
                            .chain(n -> outbox.record(assignment.moveTo(AssignmentStatus.cancelled, venue.seasonId,
                                    "the tour participation was " + eventType.substring(eventType.indexOf('.') + 1), n), actor))
                            .replaceWithVoid());
                });
    }

    @WithSession
    public Uni<AssignmentView> get(UUID assignmentId) {
        return VenueAssignment.<VenueAssignment>findById(assignmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.VENUE_ASSIGNMENT, assignmentId))
                .chain(assignment -> isParticipantOf(assignment.tourParticipationId).chain(mine -> mine
                        ? Uni.createFrom().item(assignment.view())
                        : VenueService.require(assignment.venueId).chain(venues::requireStaff)
                        .replaceWith(assignment::view)));
    }

    /** A venue's seats, oldest first, by status: the roster its staff mark attendance on. */
    @WithSession
    public Uni<Page<AssignmentView>> ofVenue(UUID venueId, AssignmentStatus status, PageRequest page) {
        return VenueService.require(venueId).chain(venues::requireStaff).chain(() -> Page.of(status == null
                ? VenueAssignment.<VenueAssignment>find("venueId", OLDEST_FIRST, venueId)
                : VenueAssignment.<VenueAssignment>find("venueId = ?1 and status = ?2", OLDEST_FIRST, venueId, status),
                page, VenueAssignment::view));
    }

    /** A tour participation's seats, current and past, oldest first: its participant or an organiser. */
    @WithSession
    public Uni<Page<AssignmentView>> ofTourParticipation(UUID tourParticipationId, PageRequest page) {
        return ownParticipation(tourParticipationId).chain(tp -> Page.of(
                VenueAssignment.<VenueAssignment>find("tourParticipationId", OLDEST_FIRST, tp.id()), page, VenueAssignment::view));
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    /** The tour participation, if the caller is its participant or an organiser; anyone else 404. */
    private Uni<TourParticipationRow> ownParticipation(UUID tourParticipationId) {
        return registration.tourParticipation(tourParticipationId).map(found -> found
                .filter(tp -> CallerChecks.isOrganiser(caller) || isTheParticipant(tp))
                .orElseThrow(() -> ProblemException.notFound(EntityTypes.TOUR_PARTICIPATION, tourParticipationId)));
    }

    private Uni<VenueAssignment> lockedOwnAssignment(UUID assignmentId) {
        return VenueAssignment.<VenueAssignment>findById(assignmentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.VENUE_ASSIGNMENT, assignmentId))
                .chain(assignment -> isParticipantOf(assignment.tourParticipationId).map(mine -> {
                    if (!mine && !CallerChecks.isOrganiser(caller)) {
                        throw ProblemException.notFound(EntityTypes.VENUE_ASSIGNMENT, assignmentId);
                    }
                    return assignment;
                }));
    }

    private Uni<Void> authoriseMove(VenueAssignment assignment, Venue venue, AssignmentStatus target) {
        if (CallerChecks.isOrganiser(caller)) {
            return Uni.createFrom().voidItem();
        }
        return isParticipantOf(assignment.tourParticipationId).chain(participant -> {
            if (participant) {
                if (target == AssignmentStatus.confirmed || target == AssignmentStatus.cancelled) {
                    return Uni.createFrom().voidItem();
                }
                throw CallerChecks.forbidden("attendance is marked by the venue's staff");
            }
            // staff of the venue confirm and mark attendance; anyone else does not learn the seat exists
            return venues.requireStaff(venue).chain(() -> {
                if (target == AssignmentStatus.cancelled) {
                    throw CallerChecks.forbidden("venue staff do not cancel seats; the participant or an organiser does");
                }
                return Uni.createFrom().voidItem();
            });
        });
    }

    private Uni<Boolean> isParticipantOf(UUID tourParticipationId) {
        if (tourParticipationId == null || caller.userId() == null) {
            return Uni.createFrom().item(false);
        }
        return registration.tourParticipation(tourParticipationId).map(found -> found.filter(this::isTheParticipant).isPresent());
    }

    private boolean isTheParticipant(TourParticipationRow tp) {
        UUID me = caller.userId();
        return me != null && me.equals(tp.identityUserId());
    }

    private static void requireSeatable(TourParticipationRow tp) {
        if (!"venue".equals(tp.deliveryMode())) {
            throw ProblemException.conflict("deliveryMode", "venue-delivery",
                    "the tour participation's delivery mode is " + tp.deliveryMode() + ", not venue");
        }
        if (!SEATED_PARTICIPATIONS.contains(tp.status())) {
            throw ProblemException.lockedIn(EntityTypes.TOUR_PARTICIPATION, tp.status(), "given a seat");
        }
    }

    private static void requireVenueOfSeason(UUID venueSeasonId, VenueStatus venueStatus, TourParticipationRow tp) {
        if (tp.seasonId() != null && !tp.seasonId().equals(venueSeasonId)) {
            throw ProblemException.invalidField("venueId", "venue-of-season", "the venue is not one of the tour's season");
        }
        if (!Venue.takesSeats(venueStatus)) {
            throw ProblemException.lockedIn(EntityTypes.VENUE, venueStatus, "chosen: seats are taken while it is registration_open");
        }
    }

    /**
     * A venue that lists accepted grade categories seats only participants whose grade category is one of them: the
     * season's first category by key whose grade range holds the participant's grade, as registration-service files
     * them. A participant whose grade falls in no category (or is unknown) cannot be shown to be accepted, so is
     * refused too. A venue without a list accepts every category.
     */
    private Uni<Void> requireAcceptedGrade(UUID venueId, UUID seasonId, List<UUID> accepted, TourParticipationRow tp) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return registration.gradeCategories(seasonId).map(categories -> {
                String grade = tp.grade() == null ? null : tp.grade().strip();
                GradeCategoryRow own = grade == null || grade.isEmpty() ? null : categories.stream()
                        .filter(c -> GradeRanges.holds(c.gradeRangeKey(), c.key(), grade)).findFirst().orElse(null);
                if (own == null || !accepted.contains(own.id())) {
                    String acceptedKeys = categories.stream().filter(c -> accepted.contains(c.id())).map(GradeCategoryRow::key)
                            .collect(Collectors.joining(", "));
                    throw ProblemException.invalidField("venueId", "accepted-grade-category", "venue " + venueId
                            + " accepts the grade categories " + acceptedKeys + " only; the participant's grade "
                            + (grade == null || grade.isEmpty() ? "is not known"
                            : grade + (own == null ? " is in none of the season's categories" : " is in " + own.key())));
                }
                return null;
        });
    }

    private static Uni<Void> requireNoSeat(UUID tourParticipationId) {
        return Seats.holdsSeat(tourParticipationId)
                .map(holds -> {
                    if (holds) {
                        throw ProblemException.conflict("tourParticipationId", "one-seat-per-tour",
                                "this tour participation holds a seat already; transfer it to change venue");
                    }
                    return null;
                });
    }

    /** Why the conditional UPDATE took no seat: the venue is full (or left registration_open meanwhile). */
    private static ProblemException refusal(UUID venueId, Integer capacity) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, "venue " + venueId + " is full: all "
                + capacity + " seats are taken").withField("venueId", "venue-full"));
    }

}
