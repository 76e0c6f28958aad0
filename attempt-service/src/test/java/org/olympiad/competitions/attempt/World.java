package org.olympiad.competitions.attempt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.attempt.Fixtures.Task;

/**
 * An open tour with a locked activity of three tasks — a single choice (2 points, key B), a number (3 points,
 * 3.14 ± 0.01) and a task checked by hand (5 points) — and the means to admit participants to it.
 */
public record World(RegistrationFeed feed, UUID season, UUID tour, Fixtures.Activity activity) {

    public static World open(RegistrationFeed feed) {
        return open(feed, Map.of());
    }

    public static World open(RegistrationFeed feed, Map<String, Object> structureSnapshot) {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        feed.tour(tour, season, "open");
        Fixtures.Activity activity = Fixtures.lockedActivity(tour, List.of(
                new Task(1, 2, Fixtures.single("B")),
                new Task(2, 3, Fixtures.number(3.14, 0.01)),
                new Task(3, 5, null)), structureSnapshot);
        return new World(feed, season, tour, activity);
    }

    /** A participant admitted to the tour: its identity user, participant and tour participation. */
    public record Sitter(UUID user, UUID participant, UUID tourParticipation) {
    }

    public Sitter admit() {
        UUID user = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        return new Sitter(user, participant, feed.admitted(tour, season, participant, user));
    }

    public void close() {
        feed.tour(tour, season, "closed");
    }
}
