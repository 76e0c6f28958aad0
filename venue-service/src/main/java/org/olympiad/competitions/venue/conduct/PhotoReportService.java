package org.olympiad.competitions.venue.conduct;

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
import org.olympiad.competitions.venue.venue.VenueService;
import org.olympiad.competitions.venue.venue.VenueStatus;

import java.util.EnumSet;
import java.util.UUID;

/**
 * Photo reports: the teacher of an approved conduct application, or a venue's staff, report a conducted tour; an
 * organiser confirms the report or finds it wanting ({@code photo_report.confirmed} / {@code photo_report.unconfirmed},
 * which results-service acts on).
 */
@ApplicationScoped
public class PhotoReportService {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");
    /** A venue reports a tour once it has been conducted there (or while it is). */
    private static final EnumSet<VenueStatus> REPORTING_VENUES =
            EnumSet.of(VenueStatus.closed_for_selection, VenueStatus.running, VenueStatus.archived);

    private final Outbox outbox;
    private final Caller caller;
    private final RegistrationProjection registration;
    private final VenueService venues;
    private final ConductApplicationService applications;

    public PhotoReportService(Outbox outbox, Caller caller, RegistrationProjection registration, VenueService venues,
                              ConductApplicationService applications) {
        this.outbox = outbox;
        this.caller = caller;
        this.registration = registration;
        this.venues = venues;
        this.applications = applications;
    }

    /** The teacher (or an organiser) reports a tour conducted under an approved application, for one of their groups. */
    @WithTransaction
    public Uni<PhotoReportView> reportConducted(UUID applicationId, ConductRequests.Report request) {
        UUID by = CallerChecks.requireUserId(caller);
        return applications.readable(applicationId, true).chain(application -> {
            if (application.status != ConductStatus.approved) {
                throw ProblemException.lockedIn(EntityTypes.TEACHER_CONDUCT_APPLICATION, application.status,
                        "reported on: only an approved application's tour is reported");
            }
            if (request.tourId() != null && !request.tourId().equals(application.tourId)) {
                throw ProblemException.invalidField("tourId", "tour-of-application", "the application is for another tour");
            }
            PhotoReport report = PhotoReport.submitted(application.tourId, null, application.id,
                    application.competitionOrganizationId, request, by);
            return requireOwnGroup(request.competitionGroupId(), application.submittedByUserId)
                    .chain(report::persist)
                    .chain(() -> outbox.record(report.created(application.seasonId), report::view));
        });
    }

    /** A venue's staff (or an organiser) report a tour conducted at the venue. */
    @WithTransaction
    public Uni<PhotoReportView> reportAtVenue(UUID venueId, ConductRequests.Report request) {
        UUID by = CallerChecks.requireUserId(caller);
        if (request.tourId() == null) {
            throw ProblemException.invalidField("tourId", "required", "a venue's photo report names the tour");
        }
        return VenueService.require(venueId).chain(venue -> venues.requireStaff(venue).chain(() -> {
            if (!REPORTING_VENUES.contains(venue.status)) {
                throw ProblemException.lockedIn(EntityTypes.VENUE, venue.status, "reported on before the tour is conducted");
            }
            return registration.tour(request.tourId()).chain(tour -> {
                if (tour.filter(t -> t.seasonId().equals(venue.seasonId)).isEmpty()) {
                    throw ProblemException.invalidField("tourId", "tour-of-season", "the tour is not one of the venue's season");
                }
                PhotoReport report = PhotoReport.submitted(request.tourId(), venue.id, null, venue.competitionOrganizationId,
                        request, by);
                return report.persist().chain(() -> outbox.record(report.created(venue.seasonId), report::view));
            });
        }));
    }

    /** An organiser confirms a report or finds it wanting. */
    @WithTransaction
    public Uni<PhotoReportView> review(UUID id, ConductRequests.Review request) {
        UUID reviewer = CallerChecks.requireUserId(caller);
        return PhotoReport.<PhotoReport>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.PHOTO_REPORT, id))
                .chain(report -> seasonOf(report).chain(season -> outbox.record(
                        report.review(request.to(), request.comment(), reviewer, season), report::view)));
    }

    /** A report: organisers, the one who submitted it, and the conducting teacher; anyone else 404. */
    @WithSession
    public Uni<PhotoReportView> get(UUID id) {
        UUID me = caller.userId();
        return PhotoReport.<PhotoReport>findById(id).chain(report -> {
            if (report == null) {
                throw ProblemException.notFound(EntityTypes.PHOTO_REPORT, id);
            }
            if (CallerChecks.isOrganiser(caller) || report.submittedByUserId.equals(me)) {
                return Uni.createFrom().item(report.view());
            }
            if (report.teacherConductApplicationId != null) {
                return applications.readable(report.teacherConductApplicationId, false).map(ignored -> report.view())
                        .onFailure(ProblemException.class).transform(e -> ProblemException.notFound(EntityTypes.PHOTO_REPORT, id));
            }
            throw ProblemException.notFound(EntityTypes.PHOTO_REPORT, id);
        });
    }

    /** The reports of a conduct application, oldest first: its teacher and organisers. */
    @WithSession
    public Uni<Page<PhotoReportView>> ofConductApplication(UUID applicationId, PageRequest page) {
        return applications.readable(applicationId, false).chain(application -> Page.of(
                PhotoReport.<PhotoReport>find("teacherConductApplicationId", OLDEST_FIRST, applicationId), page, PhotoReport::view));
    }

    private Uni<Void> requireOwnGroup(UUID groupId, UUID teacher) {
        if (groupId == null) {
            return Uni.createFrom().voidItem();
        }
        return registration.groupTeacher(groupId).map(found -> {
            if (found.isEmpty() || !found.get().equals(teacher)) {
                throw ProblemException.invalidField("competitionGroupId", "own-group",
                        "competitionGroupId is not a group of the conducting teacher");
            }
            return null;
        });
    }

    private static Uni<UUID> seasonOf(PhotoReport report) {
        if (report.teacherConductApplicationId != null) {
            return TeacherConductApplication.<TeacherConductApplication>findById(report.teacherConductApplicationId)
                    .map(a -> a == null ? null : a.seasonId);
        }
        if (report.venueId != null) {
            return Venue.<Venue>findById(report.venueId).map(v -> v == null ? null : v.seasonId);
        }
        return Uni.createFrom().nullItem();
    }
}
