package org.olympiad.competitions.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A season created over HTTP in registration-service shows up in audit-service, across Kafka, within seconds. */
class SeasonAuditTrailIT {

    static SystemTestSupport frontEnd;

    @BeforeAll
    static void startSuite() throws Exception {
        frontEnd = new SystemTestSupport(Suite.start());
    }

    @Test
    void a_season_created_over_http_is_in_the_audit_trail_with_before_and_after() {
        String season = frontEnd.createSeason(frontEnd.createEvent(), "create-season-1");
        frontEnd.moveSeason(season, "registration_open");

        List<Map<String, Object>> trail = frontEnd.awaitTrail(season, 2, Duration.ofSeconds(30));
        assertThat(trail).hasSize(2);

        Map<String, Object> opened = trail.get(0);
        assertThat(opened.get("action")).isEqualTo("season.registration_opened");
        assertThat(opened.get("entityType")).isEqualTo("competition_seasons");
        assertThat(((Map<?, ?>) opened.get("before")).get("status")).isEqualTo("draft");
        assertThat(((Map<?, ?>) opened.get("after")).get("status")).isEqualTo("registration_open");

        Map<String, Object> created = trail.get(1);
        assertThat(created.get("action")).isEqualTo("season.created");
        assertThat(created.get("before")).isNull();
        assertThat(((Map<?, ?>) created.get("after")).get("title")).isEqualTo("Сезон create-season-1");
        assertThat(created.get("requestId")).isEqualTo("create-season-1");
        assertThat(created.get("actorUserId")).isEqualTo(SystemTestSupport.ORGANIZER.toString());
    }
}
