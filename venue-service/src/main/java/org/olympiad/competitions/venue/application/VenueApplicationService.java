package org.olympiad.competitions.venue.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.request.CallerChecks;
import org.olympiad.competitions.venue.projection.RegistrationProjection;
import org.olympiad.competitions.venue.venue.Venue;

import java.util.List;
import java.util.UUID;

/**
 * Units of work on venue applications: each change and its outbox event commit together. The applicant (the user
 * who created the application) and organisers see and change it; anyone else gets a 404. Only organisers review,
 * and an approval makes the venue in the same transaction.
 */
@ApplicationScoped
public class VenueApplicationService {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    private final Outbox outbox;
    private final Caller caller;
    private final RegistrationProjection registration;

    public VenueApplicationService(Outbox outbox, Caller caller, RegistrationProjection registration) {
        this.outbox = outbox;
        this.caller = caller;
        this.registration = registration;
    }

    @WithTransaction
    public Uni<VenueApplicationView> create(UUID seasonId, VenueApplicationRequests.Create request) {
        UUID applicant = CallerChecks.requireUserId(caller);
        VenueApplication application = VenueApplication.draft(seasonId, request, applicant);
        return requireOpenSeason(seasonId)
                .chain(() -> requireOpenVenueOrganisation(seasonId, request.competitionOrganizationId()))
                .chain(() -> requireGradeCategories(seasonId, request.acceptedGradeCategories()))
                .chain(application::persist)
                .chain(() -> outbox.record(application.created()))
                .chain(() -> Boolean.TRUE.equals(request.submit())
                        ? outbox.record(application.moveTo(VenueApplicationStatus.submitted, null, applicant))
                        .replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .map(ignored -> visible(application));
    }

    @WithSession
    public Uni<VenueApplicationView> get(UUID id) {
        return readable(id).map(this::visible);
    }

    /** A season's applications, newest first, by status: organisers only. */
    @WithSession
    public Uni<Page<VenueApplicationView>> listOfSeason(UUID seasonId, VenueApplicationStatus status, PageRequest page) {
        var query = status == null
                ? VenueApplication.<VenueApplication>find("seasonId", NEWEST_FIRST, seasonId)
                : VenueApplication.<VenueApplication>find("seasonId = ?1 and status = ?2", NEWEST_FIRST, seasonId, status);
        return Page.of(query, page, VenueApplication::view);
    }

    /** The caller's own applications, newest first. */
    @WithSession
    public Uni<Page<VenueApplicationView>> mine(PageRequest page) {
        UUID me = CallerChecks.requireUserId(caller);
        return Page.of(VenueApplication.<VenueApplication>find("submittedByUserId", NEWEST_FIRST, me), page, this::visible);
    }

    @WithTransaction
    public Uni<VenueApplicationView> update(UUID id, VenueApplicationRequests.Update patch) {
        return writable(id).chain(application -> requireGradeCategories(application.seasonId, patch.acceptedGradeCategories())
                .chain(() -> outbox.record(application.update(patch, CallerChecks.isOrganiser(caller)),
                        () -> visible(application))));
    }

    /**
     * Moves the application. Submitting and cancelling: the applicant or an organiser; the review (needs_changes,
     * approved, rejected): organisers only. Submitting and approving need the organisation to still hold the
     * {@code open_venue} role; approving makes the venue.
     */
    @WithTransaction
    public Uni<VenueApplicationView> transition(UUID id, VenueApplicationRequests.Transition request) {
        UUID actor = CallerChecks.requireUserId(caller);
        VenueApplicationStatus target = request.to();
        if (VenueApplication.REVIEW_MOVES.contains(target) && !CallerChecks.isOrganiser(caller)) {
            return readable(id).chain(ignored -> Uni.createFrom().failure(
                    CallerChecks.forbidden("only organisers review venue applications")));
        }
        return writable(id).chain(application -> {
            Uni<Void> checked = target == VenueApplicationStatus.submitted || target == VenueApplicationStatus.approved
                    ? requireOpenVenueOrganisation(application.seasonId, application.competitionOrganizationId)
                    : Uni.createFrom().voidItem();
            return checked.chain(() -> outbox.record(application.moveTo(target, request.comment(), actor)))
                    .chain(() -> target == VenueApplicationStatus.approved
                            ? makeVenue(application)
                            : Uni.createFrom().voidItem())
                    .map(ignored -> visible(application));
        });
    }

    private Uni<Void> makeVenue(VenueApplication application) {
        Venue venue = Venue.fromApplication(application.view());
        return venue.persist().chain(() -> outbox.record(venue.created())).replaceWithVoid();
    }

    /** The application, locked for this transaction, if the caller is its applicant or an organiser; else 404. */
    private Uni<VenueApplication> writable(UUID id) {
        return VenueApplication.<VenueApplication>findById(id, LockModeType.PESSIMISTIC_WRITE).map(this::requireReadable);
    }

    private Uni<VenueApplication> readable(UUID id) {
        return VenueApplication.<VenueApplication>findById(id).map(this::requireReadable);
    }

    private VenueApplication requireReadable(VenueApplication application) {
        if (application == null || !(CallerChecks.isOrganiser(caller) || application.isApplicant(caller.userId()))) {
            throw ProblemException.notFound(EntityTypes.VENUE_APPLICATION, application == null ? null : application.id);
        }
        return application;
    }

    /** The internal comment is for organisers: the applicant's copy comes without it. */
    private VenueApplicationView visible(VenueApplication application) {
        VenueApplicationView view = application.view();
        if (CallerChecks.isOrganiser(caller)) {
            return view;
        }
        return new VenueApplicationView(view.id(), view.seasonId(), view.competitionOrganizationId(), view.status(),
                view.title(), view.address(), view.geoPoint(), view.capacityTotal(), view.acceptedGradeCategories(),
                view.contacts(), view.accessRules(), view.requiredDocuments(), view.guardianPolicy(), view.facilityRules(),
                view.technicalCapabilities(), view.participantPublicComment(), null, view.submittedByUserId(),
                view.reviewedByUserId(), view.reviewedAt(), view.reviewComment(), view.createdAt(), view.updatedAt());
    }

    private Uni<Void> requireOpenSeason(UUID seasonId) {
        return registration.seasonStatus(seasonId).map(status -> {
            if (status.isEmpty()) {
                throw ProblemException.notFound(EntityTypes.SEASON, seasonId);
            }
            if (RegistrationProjection.isClosedSeason(status.get())) {
                throw ProblemException.lockedIn(EntityTypes.SEASON, status.get(), "given new venues");
            }
            return null;
        });
    }

    private Uni<Void> requireOpenVenueOrganisation(UUID seasonId, UUID organizationId) {
        return registration.organization(organizationId).map(found -> {
            var organisation = found.filter(o -> o.seasonId().equals(seasonId)).orElseThrow(() ->
                    ProblemException.invalidField("competitionOrganizationId", "organization-of-season",
                            "competitionOrganizationId is not an organisation of this season"));
            if (!"active".equals(organisation.participationStatus())) {
                throw ProblemException.invalidField("competitionOrganizationId", "active-organization",
                        "the organisation is " + organisation.participationStatus() + " in this season");
            }
            if (!organisation.openVenue()) {
                throw ProblemException.invalidField("competitionOrganizationId", "open-venue-role",
                        "the organisation does not hold the open_venue role in this season");
            }
            return null;
        });
    }

    private Uni<Void> requireGradeCategories(UUID seasonId, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return registration.unknownGradeCategories(seasonId, ids).map(unknown -> {
            if (!unknown.isEmpty()) {
                throw ProblemException.invalidField("acceptedGradeCategories[" + ids.indexOf(unknown.get(0)) + "]",
                        "grade-category-of-season", unknown.get(0) + " is not a grade category of this season");
            }
            return null;
        });
    }
}
