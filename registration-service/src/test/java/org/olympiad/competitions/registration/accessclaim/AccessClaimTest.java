package org.olympiad.competitions.registration.accessclaim;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.ParticipantFixtures.insertParticipant;

@QuarkusTest
class AccessClaimTest {

    @Inject
    AgroalDataSource db;

    private static RequestSpecification as(String role, UUID userId) {
        return given().header("Authorization", TestTokens.bearer(role, userId)).contentType(ContentType.JSON);
    }

    private static String claim(UUID requester, String participant, String type) {
        return as("parent", requester).body(Map.of("claimType", type, "evidence", Map.of("documentRef", UUID.randomUUID().toString())))
                .post("/participants/{id}/access-claims", participant).then().statusCode(201)
                .body("status", equalTo("requested")).extract().path("id");
    }

    @Test
    void a_parent_asks_for_access_an_organiser_approves_it_and_later_revokes_it_by_cancelling() throws Exception {
        String season = createSeason(createEvent());
        String participant = insertParticipant(db, season, null);
        UUID parent = UUID.randomUUID();
        UUID organizer = UUID.randomUUID();
        String evidenceRef = UUID.randomUUID().toString();

        String claim = as("parent", parent).body(Map.of("claimType", "parent", "evidence", Map.of("birthCertificateRef", evidenceRef)))
                .post("/participants/{id}/access-claims", participant).then().statusCode(201)
                .body("id", notNullValue()).body("participantId", equalTo(participant))
                .body("requesterUserId", equalTo(parent.toString())).body("claimType", equalTo("parent"))
                .body("status", equalTo("requested")).body("evidence.birthCertificateRef", equalTo(evidenceRef))
                .body("reviewedByUserId", nullValue()).body("createdAt", notNullValue())
                .extract().path("id");

        as("parent", parent).get("/access-claims/{id}", claim).then().statusCode(200).body("status", equalTo("requested"));
        as("parent", parent).get("/me/access-claims").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(claim));
        as("parent", parent).get("/participants/{id}/access-claims", participant).then().statusCode(200)
                .body("items.id", contains(claim));
        as("organizer", organizer).get("/participants/{id}/access-claims", participant).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].requesterUserId", equalTo(parent.toString()));

        as("organizer", organizer).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(200).body("status", equalTo("approved"))
                .body("reviewedByUserId", equalTo(organizer.toString()));
        as("parent", parent).get("/me/access-claims").then().body("items[0].status", equalTo("approved"));

        as("organizer", organizer).body(Map.of("to", "cancelled", "reason", "the family asked to unlink"))
                .post("/access-claims/{id}/transitions", claim).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("reviewedByUserId", equalTo(organizer.toString()));

        List<Map<String, String>> events = outboxOf(claim);
        assertThat(events).extracting(e -> e.get("type"))
                .containsExactly("access_claim.requested", "access_claim.approved", "access_claim.cancelled");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("aggregate_type")).isEqualTo("competition_access_claims");
            assertThat(e.get("season_id")).isEqualTo(season);
        });
        assertThat(events.get(0).get("actor")).isEqualTo(parent.toString());
        assertThat(events.get(0).get("before")).isNull();
        assertThat(events.get(0).get("after_requester")).as("snapshots use column names").isEqualTo(parent.toString());
        assertThat(events.get(1).get("before_status")).isEqualTo("requested");
        assertThat(events.get(1).get("after_status")).isEqualTo("approved");
        assertThat(events.get(1).get("actor")).isEqualTo(organizer.toString());
        assertThat(events.get(2).get("reason")).isEqualTo("the family asked to unlink");
    }

    @Test
    void the_requester_cancels_their_own_claim_and_may_then_ask_again() throws Exception {
        String participant = insertParticipant(db, null);
        UUID student = UUID.randomUUID();
        String first = as("participant", student).body(Map.of("claimType", "student"))
                .post("/participants/{id}/access-claims", participant).then().statusCode(201)
                .body("evidence", equalTo(Map.of())).extract().path("id");
        as("participant", student).body(Map.of("to", "cancelled")).post("/access-claims/{id}/transitions", first)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("reviewedByUserId", nullValue());
        as("participant", student).body(Map.of("claimType", "student"))
                .post("/participants/{id}/access-claims", participant).then().statusCode(201);
        assertThat(outboxOf(first)).extracting(e -> e.get("type"))
                .containsExactly("access_claim.requested", "access_claim.cancelled");
    }

    @Test
    void a_second_open_claim_of_the_same_type_is_a_409_while_another_type_is_a_claim_of_its_own() throws Exception {
        String participant = insertParticipant(db, null);
        UUID parent = UUID.randomUUID();
        String first = claim(parent, participant, "parent");

        as("parent", parent).body(Map.of("claimType", "parent")).post("/participants/{id}/access-claims", participant)
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("claimType")).body("rule", equalTo("one-open-claim"));
        as("organizer", UUID.randomUUID()).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", first)
                .then().statusCode(200);
        as("parent", parent).body(Map.of("claimType", "parent")).post("/participants/{id}/access-claims", participant)
                .then().statusCode(409).body("rule", equalTo("one-open-claim"));

        claim(parent, participant, "family");
        claim(UUID.randomUUID(), participant, "parent");
        as("organizer", UUID.randomUUID()).get("/participants/{id}/access-claims", participant).then().body("total", equalTo(3));
        as("parent", parent).get("/participants/{id}/access-claims", participant).then().body("total", equalTo(2));
    }

    @Test
    void rejecting_a_claim_needs_a_reason_which_travels_in_the_event() throws Exception {
        String participant = insertParticipant(db, null);
        String claim = claim(UUID.randomUUID(), participant, "parent");
        UUID organizer = UUID.randomUUID();

        as("organizer", organizer).body(Map.of("to", "rejected")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("reason")).body("rule", equalTo("required-to-reject"));
        as("organizer", organizer).body(Map.of("to", "rejected", "reason", "  ")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(422).body("field", equalTo("reason"));
        as("organizer", organizer).get("/access-claims/{id}", claim).then().body("status", equalTo("requested"));
        assertThat(outboxOf(claim)).hasSize(1);

        as("organizer", organizer).body(Map.of("to", "rejected", "reason", "the documents do not name this child"))
                .post("/access-claims/{id}/transitions", claim).then().statusCode(200)
                .body("status", equalTo("rejected")).body("reviewedByUserId", equalTo(organizer.toString()));
        List<Map<String, String>> events = outboxOf(claim);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("type")).isEqualTo("access_claim.rejected");
        assertThat(events.get(1).get("reason")).isEqualTo("the documents do not name this child");
    }

    @Test
    void another_parent_can_neither_see_nor_cancel_someone_elses_claim_and_no_parent_can_approve() throws Exception {
        String participant = insertParticipant(db, null);
        UUID parent = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String claim = claim(parent, participant, "parent");

        as("parent", stranger).get("/access-claims/{id}", claim).then().statusCode(404)
                .contentType("application/problem+json");
        as("parent", stranger).get("/access-claims/{id}", UUID.randomUUID()).then().statusCode(404);
        as("parent", stranger).body(Map.of("to", "cancelled")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(404);
        as("parent", stranger).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(403).contentType("application/problem+json");
        as("parent", parent).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(403);
        as("parent", stranger).get("/participants/{id}/access-claims", participant).then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        as("parent", stranger).get("/me/access-claims").then().body("total", equalTo(0));
        as("parent", stranger).get("/access-claims").then().statusCode(403);
        as("teacher", UUID.randomUUID()).body(Map.of("claimType", "parent")).post("/participants/{id}/access-claims", participant)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("claimType", "parent"))
                .post("/participants/{id}/access-claims", participant).then().statusCode(401);

        as("parent", parent).get("/access-claims/{id}", claim).then().statusCode(200).body("status", equalTo("requested"));
        assertThat(outboxOf(claim)).hasSize(1);
    }

    @Test
    void an_illegal_transition_is_a_409_naming_both_states_and_writes_nothing() throws Exception {
        String participant = insertParticipant(db, null);
        String claim = claim(UUID.randomUUID(), participant, "family");
        UUID organizer = UUID.randomUUID();
        as("organizer", organizer).body(Map.of("to", "rejected", "reason", "no evidence"))
                .post("/access-claims/{id}/transitions", claim).then().statusCode(200);

        as("organizer", organizer).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("illegal-transition"))
                .body("currentState", equalTo("rejected")).body("requestedState", equalTo("approved"));
        as("organizer", organizer).body(Map.of("to", "cancelled")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(409).body("currentState", equalTo("rejected")).body("requestedState", equalTo("cancelled"));
        as("organizer", organizer).body(Map.of("to", "requested")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(409).body("requestedState", equalTo("requested"));
        as("organizer", organizer).body(Map.of("to", "reopened")).post("/access-claims/{id}/transitions", claim)
                .then().statusCode(400).body("field", equalTo("to")).body("rule", equalTo("one-of"));
        as("organizer", organizer).get("/access-claims/{id}", claim).then().body("status", equalTo("rejected"));
        assertThat(outboxOf(claim)).extracting(e -> e.get("type"))
                .containsExactly("access_claim.requested", "access_claim.rejected");
    }

    @Test
    void a_raw_email_in_the_evidence_is_a_422_naming_the_field_and_nothing_is_stored() throws Exception {
        String participant = insertParticipant(db, null);
        UUID parent = UUID.randomUUID();
        String email = "ivanova.m@mail.ru";
        as("parent", parent).body(Map.of("claimType", "parent", "evidence", Map.of("contact", email)))
                .post("/participants/{id}/access-claims", participant).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("evidence.contact")).body("rule", equalTo("raw-email"))
                .body(not(containsString(email)));
        as("parent", parent).body(Map.of("claimType", "parent", "evidence", Map.of("issuedOn", "2015-03-14")))
                .post("/participants/{id}/access-claims", participant).then().statusCode(422)
                .body("field", equalTo("evidence.issuedOn")).body("rule", equalTo("raw-birth-date"));
        as("parent", parent).body(Map.of("claimType", "parent", "evidence", List.of("ref")))
                .post("/participants/{id}/access-claims", participant).then().statusCode(422)
                .body("field", equalTo("evidence")).body("rule", equalTo("json-object"));
        as("organizer", UUID.randomUUID()).get("/participants/{id}/access-claims", participant).then().body("total", equalTo(0));
        assertThat(claimEventsOfParticipant(participant)).isZero();
    }

    @Test
    void a_claim_on_an_unknown_participant_is_a_404_and_a_missing_claim_type_a_400() {
        as("parent", UUID.randomUUID()).body(Map.of("claimType", "parent"))
                .post("/participants/{id}/access-claims", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("parent", UUID.randomUUID()).body(Map.of("claimType", "cousin"))
                .post("/participants/{id}/access-claims", UUID.randomUUID()).then().statusCode(400)
                .body("field", equalTo("claimType"));
        as("parent", UUID.randomUUID()).body(Map.of("evidence", Map.of()))
                .post("/participants/{id}/access-claims", UUID.randomUUID()).then().statusCode(400)
                .body("field", equalTo("claimType"));
    }

    @Test
    void the_review_queue_lists_claims_oldest_first_by_status_for_organisers() throws Exception {
        String participant = insertParticipant(db, null);
        String older = claim(UUID.randomUUID(), participant, "parent");
        String newer = claim(UUID.randomUUID(), participant, "parent");
        UUID organizer = UUID.randomUUID();

        int total = as("organizer", organizer).queryParam("status", "requested").queryParam("size", 1)
                .get("/access-claims").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2)).extract().path("total");
        as("organizer", organizer).queryParam("status", "requested").queryParam("size", 1).queryParam("page", total - 1)
                .get("/access-claims").then().body("items.id", contains(newer));
        as("organizer", organizer).queryParam("status", "requested").queryParam("size", 1).queryParam("page", total - 2)
                .get("/access-claims").then().body("items.id", contains(older));
        as("organizer", organizer).queryParam("status", "requested").queryParam("size", 200).get("/access-claims")
                .then().body("items.status", everyItem(equalTo("requested")));

        as("admin", UUID.randomUUID()).body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", newer)
                .then().statusCode(200);
        as("organizer", organizer).queryParam("status", "requested").queryParam("size", 1).queryParam("page", total - 2)
                .get("/access-claims").then().body("total", equalTo(total - 1)).body("items.id", contains(older));
        int approved = as("admin", UUID.randomUUID()).queryParam("status", "approved").queryParam("size", 1)
                .get("/access-claims").then().statusCode(200).extract().path("total");
        as("admin", UUID.randomUUID()).queryParam("status", "approved").queryParam("size", 1).queryParam("page", approved - 1)
                .get("/access-claims").then().body("items.id", hasItem(newer));
    }

    /** One claim's outbox rows, oldest first, with the parts of the envelope the tests look at. */
    private List<Map<String, String>> outboxOf(String claim) throws Exception {
        String sql = """
                select type, aggregate_type, payload->>'seasonId', payload->>'actorUserId', payload->>'reason',
                       payload->>'before', payload->'before'->>'status', payload->'after'->>'status',
                       payload->'after'->>'requester_user_id'
                from outbox_events where aggregate_id = ?::uuid order by occurred_at, id""";
        String[] names = {"type", "aggregate_type", "season_id", "actor", "reason", "before", "before_status",
                "after_status", "after_requester"};
        return TestSql.rows(db, sql, names, claim);
    }

    private long claimEventsOfParticipant(String participant) throws Exception {
        String sql = "select count(*) from outbox_events where aggregate_type = 'competition_access_claims'"
                + " and payload->'after'->>'participant_id' = ?";
        return TestSql.count(db, sql, participant);
    }
}
