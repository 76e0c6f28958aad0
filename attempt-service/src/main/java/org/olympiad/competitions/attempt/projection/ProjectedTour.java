package org.olympiad.competitions.attempt.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A tour as registration-service last told ({@code attempt_projection_tours}); read-only here. */
@Entity
@Table(name = "attempt_projection_tours")
public class ProjectedTour extends PanacheEntityBase {

    /** Tour states after the close: attempts are locked, checking and training may go on. */
    public static final Set<String> CLOSED_OR_LATER = Set.of("closed", "checking", "results_ready", "published", "archived");

    @Id
    @Column(name = "tour_id")
    public UUID tourId;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(nullable = false)
    public String status;

    public String format;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public boolean isOpen() {
        return "open".equals(status);
    }

    /** Attempts are started, answered and submitted only while the tour is open: a 409 naming its state. */
    public void requireOpen(String refusedAction) {
        if (!isOpen()) {
            throw ProblemException.lockedIn(EntityTypes.TOUR, status, refusedAction);
        }
    }

    /** The tour, or a 404 when registration-service has not announced it (yet). */
    public static Uni<ProjectedTour> require(UUID tourId) {
        return ProjectedTour.<ProjectedTour>findById(tourId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR, tourId));
    }
}
