package org.olympiad.competitions.venue.venue;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.venue.application.VenueApplication;
import org.olympiad.competitions.venue.projection.RegistrationProjection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Units of work on venues: organisers change them, move them along their lifecycle and change their capacity; the
 * public listing shows the season's visible venues to anyone.
 */
@ApplicationScoped
public class VenueService {

    /** Great-circle distance in km from (?lat, ?lon) to the venue's geo point (haversine; mean Earth radius). */
    private static final String DISTANCE_KM = "6371.0088 * 2 * asin(sqrt("
            + "power(sin(radians(((v.geo_point->>'lat')::float8 - %1$s) / 2)), 2) "
            + "+ cos(radians(%1$s)) * cos(radians((v.geo_point->>'lat')::float8)) "
            + "* power(sin(radians(((v.geo_point->>'lon')::float8 - %2$s) / 2)), 2)))";

    private final Outbox outbox;
    private final Caller caller;
    private final RegistrationProjection registration;

    public VenueService(Outbox outbox, Caller caller, RegistrationProjection registration) {
        this.outbox = outbox;
        this.caller = caller;
        this.registration = registration;
    }

    /** A venue in full: organisers and the venue's staff; anyone else 404. */
    @WithSession
    public Uni<VenueView> get(UUID id) {
        return require(id).chain(venue -> requireStaff(venue).replaceWith(venue::view));
    }

    /** The season's venues for organisers, by status, newest first. */
    @WithSession
    public Uni<Page<VenueView>> listOfSeason(UUID seasonId, VenueStatus status, PageRequest page) {
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        var query = status == null
                ? Venue.<Venue>find("seasonId", newestFirst, seasonId)
                : Venue.<Venue>find("seasonId = ?1 and status = ?2", newestFirst, seasonId, status);
        return Page.of(query, page, Venue::view);
    }

    @WithTransaction
    public Uni<VenueView> update(UUID id, VenueRequests.Update patch) {
        return requireLocked(id).chain(venue -> outbox.record(venue.update(patch), venue::view));
    }

    @WithTransaction
    public Uni<VenueView> transition(UUID id, VenueRequests.Transition request) {
        return requireLocked(id).chain(venue -> outbox.record(venue.moveTo(request.to(), request.reason()), venue::view));
    }

    /**
     * Records a capacity change. The venue row is locked first, so the assignments counted are the ones that stand:
     * a seat request waits for this transaction and then sees the new capacity.
     */
    @WithTransaction
    public Uni<CapacityChangeView> changeCapacity(UUID id, VenueRequests.CapacityChange request) {
        UUID actor = CallerChecks.requireUserId(caller);
        return requireLocked(id).chain(venue -> {
            VenueView before = venue.view();
            VenueCapacityChange change = venue.changeCapacity(request.capacity(), request.reason(), actor);
            Uni<Void> venueChanged = change.status == CapacityChangeStatus.applied && !java.util.Objects.equals(
                    before.capacity(), venue.capacity)
                    ? outbox.record(venue.capacityChanged(before, request.reason())).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return change.persist().chain(() -> outbox.record(change.recorded(venue.seasonId)))
                    .chain(() -> venueChanged).map(ignored -> change.view());
        });
    }

    /**
     * Applies or rejects a capacity change that requires the admin process. The venue row is locked first (as for a
     * new change and for every seat taken), so the count the decision reads is the one that stands; applying also
     * changes the venue's capacity ({@code venue.capacity_changed}).
     */
    @WithTransaction
    public Uni<CapacityChangeView> decideCapacityChange(UUID venueId, UUID changeId, VenueRequests.CapacityDecision request) {
        UUID actor = CallerChecks.requireUserId(caller);
        return requireLocked(venueId).chain(venue -> VenueCapacityChange.<VenueCapacityChange>findById(changeId,
                        LockModeType.PESSIMISTIC_WRITE)
                .map(change -> {
                    if (change == null || !venueId.equals(change.venueId)) {
                        throw ProblemException.notFound(EntityTypes.VENUE_CAPACITY_CHANGE, changeId);
                    }
                    return change;
                })
                .chain(change -> {
                    VenueView before = venue.view();
                    var decided = change.decide(venue, request.to(), request.reason(), actor);
                    Uni<Void> venueChanged = java.util.Objects.equals(before.capacity(), venue.capacity)
                            ? Uni.createFrom().voidItem()
                            : outbox.record(venue.capacityChanged(before, change.reason)).replaceWithVoid();
                    return outbox.record(decided).chain(() -> venueChanged).map(ignored -> change.view());
                }));
    }

    @WithSession
    public Uni<Page<CapacityChangeView>> capacityChanges(UUID id, PageRequest page) {
        return require(id).chain(venue -> Page.of(VenueCapacityChange.<VenueCapacityChange>find("venueId",
                Sort.by("createdAt").descending().and("id"), id), page, VenueCapacityChange::view));
    }

    /**
     * The public listing of a season: venues in a listed status whose visibility is not hidden (for
     * {@code view=list} those shown on the list, for {@code view=map} those on the map with a point), by grade
     * category, free seats and distance. Only public fields.
     */
    @WithSession
    public Uni<Page<PublicVenueView>> publicListing(UUID seasonId, PublicVenueQuery query, PageRequest page) {
        if ((query.lat == null) != (query.lon == null)) {
            throw ProblemException.invalidField(query.lat == null ? "lat" : "lon", "lat-and-lon",
                    "a point needs both lat and lon");
        }
        if (query.withinKm != null && query.lat == null) {
            throw ProblemException.invalidField("withinKm", "needs-a-point", "withinKm needs lat and lon");
        }
        List<Object> params = new ArrayList<>();
        params.add(seasonId);
        StringBuilder where = new StringBuilder("v.season_id = ?1 and v.public_visibility <> 'hidden' and v.status in (")
                .append(Venue.LISTED.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","))).append(")");
        if (query.view == PublicVenueQuery.View.list) {
            where.append(" and v.public_visibility in ('list','list_and_map')");
        } else if (query.view == PublicVenueQuery.View.map) {
            where.append(" and v.public_visibility in ('map','list_and_map') and v.geo_point is not null");
        }
        if (query.gradeCategoryId != null) {
            params.add(query.gradeCategoryId.toString());
            where.append(" and (a.id is null or a.accepted_grade_categories = '[]'::jsonb"
                    + " or a.accepted_grade_categories @> jsonb_build_array(cast(?").append(params.size()).append(" as text)))");
        }
        if (query.minFreeSeats != null) {
            params.add(query.minFreeSeats);
            where.append(" and v.capacity - v.current_assignment_count >= ?").append(params.size());
        }
        String distance = "null::float8";
        if (query.lat != null) {
            params.add(query.lat);
            int lat = params.size();
            params.add(query.lon);
            distance = String.format(DISTANCE_KM, "?" + lat, "?" + params.size());
            where.append(" and v.geo_point is not null");
            if (query.withinKm != null) {
                params.add(query.withinKm);
                where.append(" and ").append(distance).append(" <= ?").append(params.size());
            }
        }
        String from = " from competition_venues v left join competition_venue_applications a on a.id = v.venue_application_id where "
                + where;
        String matching = "select v.id, v.title, " + distance + " as distance_km" + from;
        String select = "select id, distance_km from (" + matching + ") m order by distance_km nulls last, title, id limit "
                + page.size + " offset " + (long) page.page * page.size;
        // the same parameters in both statements: the count runs over the same selection
        String count = "select count(*) from (" + matching + ") m";
        return Panache.getSession().chain(session -> {
            var rows = NativeSql.bind(session.createNativeQuery(select, Object[].class), params.toArray());
            var total = NativeSql.bind(session.createNativeQuery(count, Long.class), params.toArray());
            return rows.getResultList().chain(found -> total.getSingleResult().chain(n -> publicViews(found)
                    .map(items -> new Page<>(items, page.page, page.size, n))));
        });
    }

    private Uni<List<PublicVenueView>> publicViews(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Double> distances = new HashMap<>();
        rows.forEach(r -> distances.put((UUID) r[0], r[1] == null ? null : ((Number) r[1]).doubleValue()));
        return Venue.<Venue>list("id in ?1", ids).chain(venues -> {
            List<UUID> applicationIds = venues.stream().map(v -> v.venueApplicationId).filter(java.util.Objects::nonNull).toList();
            Uni<List<VenueApplication>> applications = applicationIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : VenueApplication.list("id in ?1", applicationIds);
            return applications.map(found -> {
                Map<UUID, VenueApplication> byId = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
                Map<UUID, Venue> venuesById = venues.stream().collect(Collectors.toMap(v -> v.id, Function.identity()));
                return ids.stream().map(venuesById::get).map(v -> publicView(v,
                        v.venueApplicationId == null ? null : byId.get(v.venueApplicationId), distances.get(v.id))).toList();
            });
        });
    }

    private static PublicVenueView publicView(Venue v, VenueApplication application, Double distanceKm) {
        int free = v.capacity == null ? 0 : Math.max(0, v.capacity - v.currentAssignmentCount);
        return new PublicVenueView(v.id, v.title, v.address, v.publicVisibility.onMap() ? v.geoPoint : null, v.capacity,
                free, application == null ? List.of() : application.gradeCategoryIds(), v.publicVisibility,
                v.officialStatus, v.status, v.accessRules, v.requiredDocuments, v.guardianPolicy, v.facilityRules,
                v.technicalCapabilities, v.participantPublicComment,
                distanceKm == null ? null : Math.round(distanceKm * 1000) / 1000.0);
    }

    /**
     * Passes when the caller is an organiser or staff of the venue: the user who applied for it, or an active
     * {@code venue_staff} helper of one of its organisation's groups. Anyone else: 404, the venue is not theirs.
     */
    public Uni<Void> requireStaff(Venue venue) {
        if (CallerChecks.isOrganiser(caller)) {
            return Uni.createFrom().voidItem();
        }
        UUID me = caller.userId();
        Uni<Boolean> applicant = venue.venueApplicationId == null || me == null ? Uni.createFrom().item(false)
                : VenueApplication.count("id = ?1 and submittedByUserId = ?2", venue.venueApplicationId, me).map(n -> n > 0);
        return applicant.chain(isApplicant -> isApplicant ? Uni.createFrom().item(true)
                        : registration.isVenueStaffOf(me, venue.competitionOrganizationId))
                .map(staff -> {
                    if (!staff) {
                        throw ProblemException.notFound(EntityTypes.VENUE, venue.id);
                    }
                    return null;
                });
    }

    /**
     * The grade categories the venue accepts, from the application it was made from (fixed once approved); empty
     * means every category. One indexed read of a single column: it is on the seat path.
     */
    public static Uni<List<UUID>> acceptedGradeCategories(Venue venue) {
        if (venue.venueApplicationId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery("""
                        select cast(jsonb_array_elements_text(accepted_grade_categories) as uuid)
                        from competition_venue_applications where id = ?1""", UUID.class), venue.venueApplicationId)
                        .getResultList());
    }

    public static Uni<Venue> require(UUID id) {
        return Venue.<Venue>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.VENUE, id));
    }

    public static Uni<Venue> requireLocked(UUID id) {
        return Venue.<Venue>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.VENUE, id));
    }
}
