package org.olympiad.competitions.registration.externalteacher;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestTokens;
import org.olympiad.competitions.registration.accessclaim.AccessClaims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.ParticipantFixtures.insertParticipant;

@QuarkusTest
class ExternalTeacherTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Vertx vertx;

    private static RequestSpecification as(String role, UUID userId) {
        return given().header("Authorization", TestTokens.bearer(role, userId)).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as("admin", UUID.randomUUID());
    }

    private static String declare(UUID teacher) {
        return as("teacher", teacher).body(Map.of("displayNameSnapshot", "Петрова Анна Сергеевна",
                        "organizationName", "Кружок «Юный математик»"))
                .post("/external-teachers").then().statusCode(201)
                .body("verificationStatus", equalTo("pending")).extract().path("id");
    }

    private static String verifiedTeacher(UUID teacher) {
        String profile = declare(teacher);
        admin().body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile).then().statusCode(200);
        return profile;
    }

    private static String requestLink(UUID teacher, String profile, String participant) {
        return as("teacher", teacher).body(Map.of("participantId", participant, "evidence", Map.of("invitationRef", UUID.randomUUID().toString())))
                .post("/external-teachers/{id}/students", profile).then().statusCode(201)
                .body("relationStatus", equalTo("pending")).body("participantId", equalTo(participant))
                .body("externalTeacherProfileId", equalTo(profile)).extract().path("id");
    }

    @Test
    void a_teacher_declares_a_profile_that_an_admin_verifies_and_later_revokes() throws Exception {
        UUID teacher = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String season = createSeason(createEvent());
        String profile = as("teacher", teacher).body(Map.of("displayNameSnapshot", " Петрова  Анна ",
                        "organizationName", "Кружок", "allowedSeasonRefs", List.of(season, season)))
                .post("/external-teachers").then().statusCode(201)
                .body("id", notNullValue()).body("identityUserId", equalTo(teacher.toString()))
                .body("displayNameSnapshot", equalTo("Петрова Анна")).body("organizationName", equalTo("Кружок"))
                .body("verificationStatus", equalTo("pending")).body("verificationSource", equalTo("self_declaration"))
                .body("allowedSeasonRefs", contains(season)).body("verifiedAt", nullValue())
                .extract().path("id");

        as("teacher", teacher).get("/me/external-teacher").then().statusCode(200).body("id", equalTo(profile))
                .body("allowedSeasonRefs", contains(season));
        assertThat(seasonRefsRowOf(profile)).as("stored as a jsonb array").isEqualTo("array:[\"" + season + "\"]");
        as("teacher", teacher).get("/external-teachers/{id}", profile).then().statusCode(200);
        as("organizer", UUID.randomUUID()).get("/external-teachers/{id}", profile).then().statusCode(200);
        as("teacher", UUID.randomUUID()).get("/external-teachers/{id}", profile).then().statusCode(404);
        as("teacher", UUID.randomUUID()).get("/me/external-teacher").then().statusCode(404);
        as("organizer", UUID.randomUUID()).queryParam("verificationStatus", "pending").queryParam("size", 200)
                .get("/external-teachers").then().statusCode(200).body("items.verificationStatus", not(hasItem("verified")));
        as("teacher", teacher).get("/external-teachers").then().statusCode(403);

        as("organizer", UUID.randomUUID()).body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(403);
        as("teacher", teacher).body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(403);
        as("admin", admin).body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(200).body("verificationStatus", equalTo("verified"))
                .body("verifiedByUserId", equalTo(admin.toString())).body("verifiedAt", notNullValue())
                .body("revokedAt", nullValue());
        as("admin", admin).body(Map.of("to", "revoked", "reason", "left the club"))
                .post("/external-teachers/{id}/transitions", profile).then().statusCode(200)
                .body("verificationStatus", equalTo("revoked")).body("revokedAt", notNullValue())
                .body("verifiedByUserId", equalTo(admin.toString()));
        as("admin", admin).body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(409).body("currentState", equalTo("revoked")).body("requestedState", equalTo("verified"));

        List<String[]> events = outboxOf(profile);
        assertThat(events).extracting(e -> e[0]).containsExactly("external_teacher.declared",
                "external_teacher.verified", "external_teacher.revoked");
        assertThat(events).extracting(e -> e[1]).containsOnly("external_teacher_profiles");
        assertThat(events.get(2)[2]).isEqualTo("left the club");
        assertThat(events.get(1)[3]).as("snapshots use column names").isEqualTo("verified");
    }

    @Test
    void a_user_has_one_profile_and_a_rejected_one_does_not_go_back_to_pending() throws Exception {
        UUID teacher = UUID.randomUUID();
        String profile = declare(teacher);
        as("teacher", teacher).body(Map.of("displayNameSnapshot", "Ещё раз")).post("/external-teachers")
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("identityUserId"));
        admin().body(Map.of("identityUserId", teacher.toString(), "displayNameSnapshot", "Ещё раз"))
                .post("/external-teachers").then().statusCode(409);

        admin().body(Map.of("to", "rejected", "reason", "not a teacher")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(200).body("verificationStatus", equalTo("rejected")).body("verifiedAt", nullValue());
        admin().body(Map.of("to", "pending")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(409).body("type", endsWith("illegal-transition"))
                .body("currentState", equalTo("rejected")).body("requestedState", equalTo("pending"));
        admin().body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(409).body("currentState", equalTo("rejected"));
        assertThat(outboxOf(profile)).extracting(e -> e[0])
                .containsExactly("external_teacher.declared", "external_teacher.rejected");
    }

    @Test
    void an_admin_creates_a_profile_for_another_user_and_a_teacher_cannot() {
        UUID someone = UUID.randomUUID();
        as("teacher", UUID.randomUUID()).body(Map.of("identityUserId", someone.toString(), "displayNameSnapshot", "Сидоров"))
                .post("/external-teachers").then().statusCode(403);
        admin().body(Map.of("displayNameSnapshot", "Сидоров")).post("/external-teachers")
                .then().statusCode(422).body("field", equalTo("identityUserId"));
        admin().body(Map.of("identityUserId", someone.toString(), "displayNameSnapshot", "Сидоров",
                        "allowedSeasonRefs", List.of(UUID.randomUUID().toString())))
                .post("/external-teachers").then().statusCode(422).body("field", equalTo("allowedSeasonRefs"))
                .body("rule", equalTo("season-exists"));
        admin().body(Map.of("identityUserId", someone.toString(), "displayNameSnapshot", "Сидоров"))
                .post("/external-teachers").then().statusCode(201)
                .body("identityUserId", equalTo(someone.toString())).body("verificationSource", equalTo("admin"))
                .body("verificationStatus", equalTo("pending")).body("allowedSeasonRefs", equalTo(List.of()));
        as("teacher", someone).get("/me/external-teacher").then().statusCode(200).body("verificationSource", equalTo("admin"));
        as("participant", UUID.randomUUID()).body(Map.of("displayNameSnapshot", "x")).post("/external-teachers")
                .then().statusCode(403);
    }

    @Test
    void an_unverified_teacher_cannot_link_a_student() throws Exception {
        UUID teacher = UUID.randomUUID();
        String profile = declare(teacher);
        String participant = insertParticipant(db, null);
        as("teacher", teacher).body(Map.of("participantId", participant)).post("/external-teachers/{id}/students", profile)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("pending")).body("field", equalTo("status"));
        as("organizer", UUID.randomUUID()).body(Map.of("participantId", participant))
                .post("/external-teachers/{id}/students", profile).then().statusCode(409).body("currentState", equalTo("pending"));
        as("teacher", teacher).get("/external-teachers/{id}/students", profile).then().statusCode(200).body("total", equalTo(0));
        assertThat(linkRowsOfParticipant(participant)).isZero();
        assertThat(linkEventsOfParticipant(participant)).isZero();
    }

    @Test
    void a_link_confirmed_by_the_participant_becomes_active_and_a_stranger_is_refused() throws Exception {
        UUID teacher = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        String profile = verifiedTeacher(teacher);
        String season = createSeason(createEvent());
        String participant = insertParticipant(db, season, student);
        String link = requestLink(teacher, profile, participant);
        assertThat(linked(teacher, participant)).isFalse();

        as("teacher", teacher).body(Map.of("participantId", participant)).post("/external-teachers/{id}/students", profile)
                .then().statusCode(409).body("field", equalTo("participantId")).body("rule", equalTo("one-link-per-teacher"));
        as("teacher", UUID.randomUUID()).body(Map.of("participantId", participant))
                .post("/external-teachers/{id}/students", profile).then().statusCode(404);
        as("teacher", teacher).body(Map.of("participantId", UUID.randomUUID().toString()))
                .post("/external-teachers/{id}/students", profile).then().statusCode(422).body("field", equalTo("participantId"));

        as("parent", UUID.randomUUID()).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(404);
        as("participant", UUID.randomUUID()).get("/external-teacher-links/{id}", link).then().statusCode(404);
        as("teacher", teacher).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(403);
        as("participant", student).get("/external-teacher-links/{id}", link).then().statusCode(200)
                .body("relationStatus", equalTo("pending"));
        as("participant", student).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(200).body("relationStatus", equalTo("active")).body("revokedAt", nullValue());
        assertThat(linked(teacher, participant)).isTrue();
        assertThat(linked(UUID.randomUUID(), participant)).isFalse();

        as("participant", student).body(Map.of("to", "rejected")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(409).body("currentState", equalTo("active")).body("requestedState", equalTo("rejected"));
        as("teacher", teacher).get("/external-teachers/{id}/students", profile).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].participantId", equalTo(participant))
                .body("items[0].relationStatus", equalTo("active"));
        as("organizer", UUID.randomUUID()).queryParam("status", "pending").get("/external-teachers/{id}/students", profile)
                .then().body("total", equalTo(0));
        as("teacher", UUID.randomUUID()).get("/external-teachers/{id}/students", profile).then().statusCode(404);

        as("teacher", teacher).body(Map.of("to", "revoked", "reason", "the course ended"))
                .post("/external-teacher-links/{id}/transitions", link).then().statusCode(200)
                .body("relationStatus", equalTo("revoked")).body("revokedAt", notNullValue());
        assertThat(linked(teacher, participant)).isFalse();

        List<String[]> events = outboxOf(link);
        assertThat(events).extracting(e -> e[0]).containsExactly("external_teacher_link.requested",
                "external_teacher_link.activated", "external_teacher_link.revoked");
        assertThat(events).extracting(e -> e[1]).containsOnly("external_teacher_student_links");
        assertThat(events).extracting(e -> e[4]).containsOnly(season);
        assertThat(events.get(2)[2]).isEqualTo("the course ended");
    }

    @Test
    void a_parent_confirms_a_link_only_once_their_access_claim_is_approved() throws Exception {
        UUID teacher = UUID.randomUUID();
        UUID parent = UUID.randomUUID();
        String participant = insertParticipant(db, null);
        String link = requestLink(teacher, verifiedTeacher(teacher), participant);
        String claim = as("parent", parent).body(Map.of("claimType", "parent"))
                .post("/participants/{id}/access-claims", participant).then().statusCode(201).extract().path("id");

        assertThat(grantsAccess(parent, participant)).isFalse();
        as("parent", parent).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(404);

        as("organizer", UUID.randomUUID()).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(200);
        assertThat(grantsAccess(parent, participant)).isTrue();
        assertThat(grantsAccess(UUID.randomUUID(), participant)).isFalse();
        as("parent", parent).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(200).body("relationStatus", equalTo("active"));
        assertThat(linked(teacher, participant)).isTrue();

        as("organizer", UUID.randomUUID()).body(Map.of("to", "cancelled")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(200);
        assertThat(grantsAccess(parent, participant)).isFalse();
        as("parent", parent).body(Map.of("to", "revoked")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(404);
        assertThat(outboxOf(link)).extracting(e -> e[0])
                .containsExactly("external_teacher_link.requested", "external_teacher_link.activated");
    }

    @Test
    void a_link_of_a_profile_revoked_after_the_request_is_neither_activated_nor_counted() throws Exception {
        UUID teacher = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        String profile = verifiedTeacher(teacher);
        String participant = insertParticipant(db, student);
        String link = requestLink(teacher, profile, participant);
        admin().body(Map.of("to", "revoked")).post("/external-teachers/{id}/transitions", profile).then().statusCode(200);

        as("participant", student).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(409).body("currentState", equalTo("revoked"));
        as("participant", student).body(Map.of("to", "rejected")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(200).body("relationStatus", equalTo("rejected"));
        assertThat(linked(teacher, participant)).isFalse();
    }

    @Test
    void a_link_outside_the_teachers_allowed_seasons_is_a_422() throws Exception {
        UUID teacher = UUID.randomUUID();
        String allowed = createSeason(createEvent());
        String profile = as("teacher", teacher).body(Map.of("displayNameSnapshot", "Петрова", "allowedSeasonRefs", List.of(allowed)))
                .post("/external-teachers").then().statusCode(201).extract().path("id");
        admin().body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile).then().statusCode(200);

        String elsewhere = insertParticipant(db, null);
        as("teacher", teacher).body(Map.of("participantId", elsewhere)).post("/external-teachers/{id}/students", profile)
                .then().statusCode(422).body("field", equalTo("participantId")).body("rule", equalTo("season-allowed"));
        requestLink(teacher, profile, insertParticipant(db, allowed, null));
    }

    @Test
    void a_raw_email_in_a_links_evidence_or_a_phone_in_a_profile_is_a_422_and_nothing_is_stored() throws Exception {
        UUID teacher = UUID.randomUUID();
        String profile = verifiedTeacher(teacher);
        String participant = insertParticipant(db, null);
        String email = "petrova@school.ru";
        as("teacher", teacher).body(Map.of("participantId", participant, "evidence", Map.of("parentContact", email)))
                .post("/external-teachers/{id}/students", profile).then().statusCode(422)
                .body("type", endsWith("personal-data-refused")).body("field", equalTo("evidence.parentContact"))
                .body("rule", equalTo("raw-email")).body(not(containsString(email)));
        assertThat(linkRowsOfParticipant(participant)).isZero();
        assertThat(linkEventsOfParticipant(participant)).isZero();

        UUID other = UUID.randomUUID();
        as("teacher", other).body(Map.of("displayNameSnapshot", "Петрова", "organizationName", "тел. +7 912 345-67-89"))
                .post("/external-teachers").then().statusCode(422)
                .body("field", equalTo("organizationName")).body("rule", equalTo("raw-phone"));
        as("teacher", other).get("/me/external-teacher").then().statusCode(404);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private boolean linked(UUID teacher, String participant) throws Exception {
        return inSession(() -> ExternalTeachers.linkedTo(teacher, UUID.fromString(participant)));
    }

    private boolean grantsAccess(UUID user, String participant) throws Exception {
        return inSession(() -> AccessClaims.grantsAccess(user, UUID.fromString(participant)));
    }

    /** Runs a reactive query in its own session on a safe Vert.x context, as a service method would. */
    private <T> T inSession(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        VertxContext.getOrCreateDuplicatedContext(vertx).runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            Panache.withSession(work).subscribe().with(result::complete, result::completeExceptionally);
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    /** One entity's outbox rows, oldest first: type, aggregate type, reason, after's status column, season id. */
    private List<String[]> outboxOf(String id) throws Exception {
        String sql = """
                select type, aggregate_type, payload->>'reason',
                       coalesce(payload->'after'->>'verification_status', payload->'after'->>'relation_status'),
                       payload->>'seasonId'
                from outbox_events where aggregate_id = ?::uuid order by occurred_at, id""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
                return rows;
            }
        }
    }

    /** The profile's allowed_season_refs as PostgreSQL holds it: its jsonb type and text. */
    private String seasonRefsRowOf(String profile) throws Exception {
        String sql = "select jsonb_typeof(allowed_season_refs) || ':' || allowed_season_refs::text"
                + " from external_teacher_profiles where id = ?::uuid";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profile);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long linkRowsOfParticipant(String participant) throws Exception {
        return count("select count(*) from external_teacher_student_links where participant_id = ?::uuid", participant);
    }

    private long linkEventsOfParticipant(String participant) throws Exception {
        return count("select count(*) from outbox_events where aggregate_type = 'external_teacher_student_links'"
                + " and payload->'after'->>'participant_id' = ?", participant);
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
