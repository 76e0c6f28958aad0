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

import java.util.List;
import java.util.UUID;

/**
 * Units of work on teacher conduct applications: the teacher who applied and organisers see and change one; only
 * organisers review; completing needs a confirmed photo report when the application requires one.
 */
@ApplicationScoped
public class ConductApplicationService {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    private final Outbox outbox;
    private final Caller caller;
    private final RegistrationProjection registration;

    public ConductApplicationService(Outbox outbox, Caller caller, RegistrationProjection registration) {
        this.outbox = outbox;
        this.caller = caller;
        this.registration = registration;
    }

    @WithTransaction
    public Uni<ConductApplicationView> create(UUID tourId, ConductRequests.Create request) {
        UUID teacher = CallerChecks.requireUserId(caller);
        return registration.tour(tourId).chain(found -> {
            var tour = found.orElseThrow(() -> ProblemException.notFound(EntityTypes.TOUR, tourId));
            return registration.seasonStatus(tour.seasonId()).chain(season -> {
                if (season.isPresent() && RegistrationProjection.isClosedSeason(season.get())) {
                    throw ProblemException.lockedIn(EntityTypes.SEASON, season.get(), "given teacher-led tours");
                }
                TeacherConductApplication application = TeacherConductApplication.draft(tour.seasonId(), tourId, request, teacher);
                return requireOrganisation(tour.seasonId(), request.competitionOrganizationId())
                        .chain(() -> requireGradeCategories(tour.seasonId(), request.gradeCategories()))
                        .chain(application::persist)
                        .chain(() -> outbox.record(application.created()))
                        .chain(() -> Boolean.TRUE.equals(request.submit())
                                ? outbox.record(application.moveTo(ConductStatus.submitted, null, teacher, 0)).replaceWithVoid()
                                : Uni.createFrom().voidItem())
                        .map(ignored -> application.view());
            });
        });
    }

    @WithSession
    public Uni<ConductApplicationView> get(UUID id) {
        return readable(id, false).map(TeacherConductApplication::view);
    }

    /** A tour's conduct applications, newest first, by status: organisers. */
    @WithSession
    public Uni<Page<ConductApplicationView>> listOfTour(UUID tourId, ConductStatus status, PageRequest page) {
        var query = status == null
                ? TeacherConductApplication.<TeacherConductApplication>find("tourId", NEWEST_FIRST, tourId)
                : TeacherConductApplication.<TeacherConductApplication>find("tourId = ?1 and status = ?2", NEWEST_FIRST, tourId, status);
        return Page.of(query, page, TeacherConductApplication::view);
    }

    @WithSession
    public Uni<Page<ConductApplicationView>> mine(PageRequest page) {
        UUID me = CallerChecks.requireUserId(caller);
        return Page.of(TeacherConductApplication.<TeacherConductApplication>find("submittedByUserId", NEWEST_FIRST, me),
                page, TeacherConductApplication::view);
    }

    @WithTransaction
    public Uni<ConductApplicationView> update(UUID id, ConductRequests.Update patch) {
        return readable(id, true).chain(application -> requireGradeCategories(application.seasonId, patch.gradeCategories())
                .chain(() -> outbox.record(application.update(patch, CallerChecks.isOrganiser(caller)), application::view)));
    }

    @WithTransaction
    public Uni<ConductApplicationView> transition(UUID id, ConductRequests.Transition request) {
        UUID actor = CallerChecks.requireUserId(caller);
        ConductStatus target = request.to();
        return readable(id, true).chain(application -> {
            if (TeacherConductApplication.REVIEW_MOVES.contains(target) && !CallerChecks.isOrganiser(caller)) {
                throw CallerChecks.forbidden("only organisers review conduct applications");
            }
            Uni<Long> confirmed = target == ConductStatus.completed
                    ? PhotoReport.count("teacherConductApplicationId = ?1 and status = ?2", id, PhotoReportStatus.confirmed)
                    : Uni.createFrom().item(0L);
            return confirmed.chain(n -> outbox.record(application.moveTo(target, request.comment(), actor, n), application::view));
        });
    }

    /** The application (locked when {@code forChange}) if the caller is its teacher or an organiser; else 404. */
    Uni<TeacherConductApplication> readable(UUID id, boolean forChange) {
        var found = forChange
                ? TeacherConductApplication.<TeacherConductApplication>findById(id, LockModeType.PESSIMISTIC_WRITE)
                : TeacherConductApplication.<TeacherConductApplication>findById(id);
        return found.map(application -> {
            if (application == null || !(CallerChecks.isOrganiser(caller) || application.isTeacher(caller.userId()))) {
                throw ProblemException.notFound(EntityTypes.TEACHER_CONDUCT_APPLICATION, id);
            }
            return application;
        });
    }

    private Uni<Void> requireOrganisation(UUID seasonId, UUID organizationId) {
        if (organizationId == null) {
            return Uni.createFrom().voidItem();
        }
        return registration.organization(organizationId).map(found -> {
            if (found.filter(o -> o.seasonId().equals(seasonId)).isEmpty()) {
                throw ProblemException.invalidField("competitionOrganizationId", "organization-of-season",
                        "competitionOrganizationId is not an organisation of this season");
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
                throw ProblemException.invalidField("gradeCategories[" + ids.indexOf(unknown.get(0)) + "]",
                        "grade-category-of-season", unknown.get(0) + " is not a grade category of this season");
            }
            return null;
        });
    }
}
