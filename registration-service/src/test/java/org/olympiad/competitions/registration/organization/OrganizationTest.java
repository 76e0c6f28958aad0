package org.olympiad.competitions.registration.organization;

import org.olympiad.competitions.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createOrganization;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.CatalogueFixtures.grantOrganizationRole;

@QuarkusTest
class OrganizationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void an_organizer_lets_an_identity_organisation_join_a_season_and_anyone_signed_in_lists_it_by_name_and_reads_it() {
        String season = createSeason(createEvent());
        String identity = UUID.randomUUID().toString();
        String lyceum = as("organizer").body(Map.of("identityOrganizationId", identity,
                        "displayNameSnapshot", " Лицей № 2 ", "seasonScope", Map.of("gradeCategories", List.of("5-6", "7-8"))))
                .post("/seasons/{id}/organizations", season).then().statusCode(201)
                .body("id", notNullValue()).body("seasonId", equalTo(season))
                .body("identityOrganizationId", equalTo(identity)).body("displayNameSnapshot", equalTo("Лицей № 2"))
                .body("participationStatus", equalTo("active"))
                .body("seasonScope.gradeCategories", contains("5-6", "7-8"))
                .body("snapshotTakenAt", notNullValue()).body("createdAt", notNullValue()).body("updatedAt", notNullValue())
                .extract().path("id");
        String gymnasium = createOrganization(season, "Гимназия № 1");
        createOrganization(createSeason(createEvent()), "Академия");

        as("participant").get("/seasons/{id}/organizations", season).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(gymnasium, lyceum))
                .body("items.displayNameSnapshot", contains("Гимназия № 1", "Лицей № 2"));
        as("participant").get("/organizations/{id}", lyceum).then().statusCode(200)
                .body("identityOrganizationId", equalTo(identity)).body("seasonScope.gradeCategories", contains("5-6", "7-8"));
        as("participant").get("/organizations/{id}", gymnasium).then().body("seasonScope", equalTo(Map.of()));
    }

    @Test
    void a_new_name_is_a_new_snapshot_taken_now_while_a_scope_change_or_the_same_name_keeps_the_old_one() {
        String season = createSeason(createEvent());
        String organization = createOrganization(season, "Школа № 57");
        Instant taken = snapshotTakenAt(organization);

        as("organizer").body(Map.of("seasonScope", Map.of("regions", List.of("77"))))
                .patch("/organizations/{id}", organization).then().statusCode(200)
                .body("seasonScope.regions", contains("77")).body("displayNameSnapshot", equalTo("Школа № 57"));
        assertThat(snapshotTakenAt(organization)).isEqualTo(taken);
        as("organizer").body(Map.of("displayNameSnapshot", "Школа № 57")).patch("/organizations/{id}", organization)
                .then().statusCode(200);
        assertThat(snapshotTakenAt(organization)).isEqualTo(taken);

        as("organizer").body(Map.of("displayNameSnapshot", "ГБОУ Школа № 57")).patch("/organizations/{id}", organization)
                .then().statusCode(200).body("displayNameSnapshot", equalTo("ГБОУ Школа № 57"))
                .body("seasonScope.regions", contains("77"));
        Instant retaken = snapshotTakenAt(organization);
        assertThat(retaken).isAfter(taken);
        as("participant").get("/organizations/{id}", organization).then()
                .body("displayNameSnapshot", equalTo("ГБОУ Школа № 57")).body("updatedAt", equalTo(retaken.toString()));

        as("organizer").body(Map.of("identityOrganizationId", UUID.randomUUID().toString()))
                .patch("/organizations/{id}", organization).then().statusCode(400)
                .body("field", equalTo("identityOrganizationId")).body("rule", equalTo("unknown-field"));
        as("organizer").body(Map.of("seasonScope", List.of("77"))).patch("/organizations/{id}", organization)
                .then().statusCode(422).body("field", equalTo("seasonScope")).body("rule", equalTo("json-object"));
        as("organizer").body(Map.of("displayNameSnapshot", "  ")).patch("/organizations/{id}", organization)
                .then().statusCode(400).body("field", equalTo("displayNameSnapshot"));
    }

    @Test
    void an_identity_organisation_joins_a_season_once_and_a_second_time_is_a_409_naming_identityOrganizationId() throws Exception {
        String season = createSeason(createEvent());
        String identity = UUID.randomUUID().toString();
        String first = as("organizer").body(Map.of("identityOrganizationId", identity, "displayNameSnapshot", "Лицей"))
                .post("/seasons/{id}/organizations", season).then().statusCode(201).extract().path("id");
        as("organizer").body(Map.of("identityOrganizationId", identity, "displayNameSnapshot", "Лицей, снова"))
                .post("/seasons/{id}/organizations", season).then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("identityOrganizationId")).body("rule", equalTo("unique-in-season"));
        as("organizer").body(Map.of("identityOrganizationId", identity, "displayNameSnapshot", "Лицей"))
                .post("/seasons/{id}/organizations", createSeason(createEvent())).then().statusCode(201);

        as("organizer").get("/seasons/{id}/organizations", season).then().body("total", equalTo(1));
        assertThat(organizationEventsOfSeason(season)).isEqualTo(1);
        assertThat(outboxOf(first)).extracting(e -> e.get("type")).containsExactly("organization.joined");
    }

    @Test
    void roles_are_granted_listed_revoked_and_granted_again_as_a_new_role() {
        String organization = createOrganization(createSeason(createEvent()));
        String venue = grantOrganizationRole(organization, "open_venue");
        String host = grantOrganizationRole(organization, "closed_group_host");
        as("participant").get("/organizations/{id}/roles", organization).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(venue, host))
                .body("items.status", contains("active", "active")).body("items.createdAt[0]", notNullValue());

        as("organizer").body(Map.of("to", "revoked", "reason", "помещение на ремонте"))
                .post("/organization-roles/{id}/transitions", venue).then().statusCode(200)
                .body("id", equalTo(venue)).body("status", equalTo("revoked")).body("role", equalTo("open_venue"))
                .body("competitionOrganizationId", equalTo(organization));
        String again = grantOrganizationRole(organization, "open_venue");
        assertThat(again).isNotEqualTo(venue);

        as("participant").get("/organizations/{id}/roles", organization).then()
                .body("total", equalTo(3)).body("items.id", contains(venue, host, again))
                .body("items.status", contains("revoked", "active", "active"));
        as("participant").queryParam("status", "active").get("/organizations/{id}/roles", organization).then()
                .body("total", equalTo(2)).body("items.id", contains(host, again));
    }

    @Test
    void a_second_active_role_of_the_same_kind_is_a_409_role_held_and_an_unknown_role_a_400() {
        String organization = createOrganization(createSeason(createEvent()));
        grantOrganizationRole(organization, "organizer");
        as("organizer").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization)
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("role")).body("rule", equalTo("role-held"));
        as("organizer").body(Map.of("role", "sponsor")).post("/organizations/{id}/roles", organization)
                .then().statusCode(400).body("field", equalTo("role"));
        as("organizer").body(Map.of()).post("/organizations/{id}/roles", organization)
                .then().statusCode(400).body("field", equalTo("role"));
        as("organizer").get("/organizations/{id}/roles", organization).then().body("total", equalTo(1));
    }

    @Test
    void a_revoked_role_is_final_and_a_second_revocation_is_a_409_naming_both_states() {
        String role = grantOrganizationRole(createOrganization(createSeason(createEvent())), "open_venue");
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", role)
                .then().statusCode(200).body("status", equalTo("revoked"));
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", role)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("revoked")).body("requestedState", equalTo("revoked"));
        as("organizer").body(Map.of("to", "active")).post("/organization-roles/{id}/transitions", role)
                .then().statusCode(409).body("currentState", equalTo("revoked")).body("requestedState", equalTo("active"));
    }

    @Test
    void suspending_without_a_reason_is_a_422_and_a_suspended_organisation_is_reactivated_without_one() {
        String organization = createOrganization(createSeason(createEvent()));
        as("organizer").body(Map.of("to", "suspended")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("reason")).body("rule", equalTo("required-to-suspend"));
        as("organizer").body(Map.of("to", "suspended", "reason", " ")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(422).body("field", equalTo("reason"));
        as("organizer").get("/organizations/{id}", organization).then().body("participationStatus", equalTo("active"));

        as("organizer").body(Map.of("to", "suspended", "reason", "не сдали документы"))
                .post("/organizations/{id}/transitions", organization).then().statusCode(200)
                .body("participationStatus", equalTo("suspended"));
        as("organizer").body(Map.of("to", "suspended", "reason", "ещё раз")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(409).body("currentState", equalTo("suspended")).body("requestedState", equalTo("suspended"));
        as("organizer").body(Map.of("to", "active")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(200).body("participationStatus", equalTo("active"));
        as("organizer").body(Map.of("to", "withdrawn")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(422).body("field", equalTo("reason")).body("rule", equalTo("required-to-withdraw"));
        as("organizer").body(Map.of("to", "paused")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(400).body("field", equalTo("to"));
    }

    @Test
    void a_withdrawn_organisation_is_final_loses_its_roles_and_gets_no_new_ones() throws Exception {
        String season = createSeason(createEvent());
        String organization = createOrganization(season);
        String venue = grantOrganizationRole(organization, "open_venue");
        String host = grantOrganizationRole(organization, "closed_group_host");
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", host).then().statusCode(200);
        as("organizer").body(Map.of("to", "suspended", "reason", "проверка")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(200);
        as("organizer").body(Map.of("to", "withdrawn", "reason", "отказались участвовать"))
                .post("/organizations/{id}/transitions", organization).then().statusCode(200)
                .body("participationStatus", equalTo("withdrawn"));

        for (String to : new String[]{"active", "suspended", "withdrawn"}) {
            as("organizer").body(Map.of("to", to, "reason", "вернуть")).post("/organizations/{id}/transitions", organization)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("currentState", equalTo("withdrawn")).body("requestedState", equalTo(to));
        }
        as("organizer").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization)
                .then().statusCode(409).contentType("application/problem+json").body("currentState", equalTo("withdrawn"));
        as("organizer").body(Map.of("displayNameSnapshot", "Новое имя")).patch("/organizations/{id}", organization)
                .then().statusCode(409).body("currentState", equalTo("withdrawn"));

        as("participant").get("/organizations/{id}/roles", organization).then()
                .body("total", equalTo(2)).body("items.id", contains(venue, host))
                .body("items.status", contains("revoked", "revoked"));
        List<Map<String, String>> venueEvents = outboxOf(venue);
        assertThat(venueEvents).extracting(e -> e.get("type"))
                .containsExactly("organization_role.granted", "organization_role.revoked");
        assertThat(venueEvents.get(1).get("reason")).isEqualTo("отказались участвовать");
        assertThat(outboxOf(host)).hasSize(2);
        assertThat(outboxOf(organization)).extracting(e -> e.get("type"))
                .containsExactly("organization.joined", "organization.suspended", "organization.withdrawn");
    }

    @Test
    void the_list_of_a_season_filters_by_an_active_role_and_by_participation_status() {
        String season = createSeason(createEvent());
        String a = createOrganization(season, "А-школа");
        String b = createOrganization(season, "Б-школа");
        String c = createOrganization(season, "В-школа");
        createOrganization(season, "Г-школа");
        grantOrganizationRole(a, "open_venue");
        grantOrganizationRole(b, "open_venue");
        grantOrganizationRole(b, "organizer");
        String revoked = grantOrganizationRole(c, "open_venue");
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", revoked).then().statusCode(200);
        as("organizer").body(Map.of("to", "suspended", "reason", "проверка")).post("/organizations/{id}/transitions", b)
                .then().statusCode(200);

        as("participant").queryParam("role", "open_venue").get("/seasons/{id}/organizations", season).then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", contains(a, b));
        as("participant").queryParam("role", "organizer").get("/seasons/{id}/organizations", season).then()
                .body("total", equalTo(1)).body("items.id", contains(b));
        as("participant").queryParam("role", "closed_group_host").get("/seasons/{id}/organizations", season).then()
                .body("total", equalTo(0));
        as("participant").queryParam("role", "open_venue").queryParam("participationStatus", "active")
                .get("/seasons/{id}/organizations", season).then().body("total", equalTo(1)).body("items.id", contains(a));
        as("participant").queryParam("participationStatus", "suspended").get("/seasons/{id}/organizations", season)
                .then().body("items.id", contains(b));
        as("participant").queryParam("size", 2).queryParam("page", 1).get("/seasons/{id}/organizations", season)
                .then().body("total", equalTo(4)).body("items.displayNameSnapshot", contains("В-школа", "Г-школа"));
    }

    @Test
    void holds_role_is_true_only_for_an_active_organisation_with_an_active_role_of_that_kind() throws Throwable {
        String season = createSeason(createEvent());
        String organization = createOrganization(season);
        String venue = grantOrganizationRole(organization, "open_venue");
        assertThat(holdsRole(organization, "open_venue")).isTrue();
        assertThat(holdsRole(organization, "organizer")).isFalse();
        assertThat(holdsRole(UUID.randomUUID().toString(), "open_venue")).isFalse();

        as("organizer").body(Map.of("to", "suspended", "reason", "проверка")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(200);
        assertThat(holdsRole(organization, "open_venue")).as("a suspended organisation exercises no role").isFalse();
        as("organizer").body(Map.of("to", "active")).post("/organizations/{id}/transitions", organization).then().statusCode(200);
        assertThat(holdsRole(organization, "open_venue")).isTrue();

        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", venue).then().statusCode(200);
        assertThat(holdsRole(organization, "open_venue")).isFalse();
        grantOrganizationRole(organization, "open_venue");
        assertThat(holdsRole(organization, "open_venue")).isTrue();
        assertThatThrownBy(() -> holdsRole(organization, "sponsor")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_participant_may_read_organisations_and_roles_but_not_change_them() {
        String season = createSeason(createEvent());
        String organization = createOrganization(season);
        String role = grantOrganizationRole(organization, "open_venue");
        as("participant").body(Map.of("identityOrganizationId", UUID.randomUUID().toString(), "displayNameSnapshot", "Моя школа"))
                .post("/seasons/{id}/organizations", season).then().statusCode(403).contentType("application/problem+json");
        as("participant").body(Map.of("displayNameSnapshot", "Моя")).patch("/organizations/{id}", organization).then().statusCode(403);
        as("participant").body(Map.of("to", "suspended", "reason", "x")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(403);
        as("participant").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization).then().statusCode(403);
        as("participant").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", role).then().statusCode(403);

        as("participant").get("/seasons/{id}/organizations", season).then().statusCode(200).body("total", equalTo(1));
        as("participant").get("/organizations/{id}", organization).then().statusCode(200)
                .body("participationStatus", equalTo("active")).body("displayNameSnapshot", equalTo("Гимназия № 1"));
        as("participant").get("/organizations/{id}/roles", organization).then().statusCode(200)
                .body("items.status", contains("active"));
        as("admin").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization).then().statusCode(201);
    }

    @Test
    void without_a_token_every_endpoint_is_a_401() {
        String season = createSeason(createEvent());
        String organization = createOrganization(season);
        String role = grantOrganizationRole(organization, "open_venue");
        given().get("/seasons/{id}/organizations", season).then().statusCode(401);
        given().get("/organizations/{id}", organization).then().statusCode(401);
        given().get("/organizations/{id}/roles", organization).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("identityOrganizationId", UUID.randomUUID().toString(),
                "displayNameSnapshot", "x")).post("/seasons/{id}/organizations", season).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("displayNameSnapshot", "x"))
                .patch("/organizations/{id}", organization).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("to", "suspended", "reason", "x"))
                .post("/organizations/{id}/transitions", organization).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("role", "organizer"))
                .post("/organizations/{id}/roles", organization).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("to", "revoked"))
                .post("/organization-roles/{id}/transitions", role).then().statusCode(401);
    }

    @Test
    void an_unknown_season_organisation_or_role_is_a_404() {
        String nobody = UUID.randomUUID().toString();
        as("organizer").body(Map.of("identityOrganizationId", UUID.randomUUID().toString(), "displayNameSnapshot", "x"))
                .post("/seasons/{id}/organizations", nobody).then().statusCode(404).contentType("application/problem+json");
        as("organizer").get("/seasons/{id}/organizations", nobody).then().statusCode(404);
        as("organizer").get("/organizations/{id}", nobody).then().statusCode(404);
        as("organizer").get("/organizations/{id}/roles", nobody).then().statusCode(404);
        as("organizer").body(Map.of("displayNameSnapshot", "x")).patch("/organizations/{id}", nobody).then().statusCode(404);
        as("organizer").body(Map.of("to", "active")).post("/organizations/{id}/transitions", nobody).then().statusCode(404);
        as("organizer").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", nobody).then().statusCode(404);
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", nobody).then().statusCode(404);
    }

    @Test
    void a_cancelled_season_takes_no_new_organisations_roles_or_changes() {
        String season = createSeason(createEvent());
        String organization = createOrganization(season);
        as("organizer").body(Map.of("to", "cancelled", "reason", "отменён")).post("/seasons/{id}/transitions", season)
                .then().statusCode(200);
        as("organizer").body(Map.of("identityOrganizationId", UUID.randomUUID().toString(), "displayNameSnapshot", "x"))
                .post("/seasons/{id}/organizations", season).then().statusCode(409).body("currentState", equalTo("cancelled"));
        as("organizer").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization)
                .then().statusCode(409).body("currentState", equalTo("cancelled"));
        as("organizer").body(Map.of("displayNameSnapshot", "y")).patch("/organizations/{id}", organization)
                .then().statusCode(409).body("currentState", equalTo("cancelled"));
    }

    @Test
    void a_raw_phone_number_in_the_display_name_snapshot_is_a_422_personal_data_refused_and_nothing_is_stored() throws Exception {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("identityOrganizationId", UUID.randomUUID().toString(),
                        "displayNameSnapshot", "Лицей № 2, тел. +7 (912) 345-67-89"))
                .post("/seasons/{id}/organizations", season).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("displayNameSnapshot")).body("rule", equalTo("raw-phone"));
        as("organizer").body(Map.of("identityOrganizationId", UUID.randomUUID().toString(), "displayNameSnapshot", "Лицей",
                        "seasonScope", Map.of("contacts", List.of("director@school.ru"))))
                .post("/seasons/{id}/organizations", season).then().statusCode(422)
                .body("field", equalTo("seasonScope.contacts[0]")).body("rule", equalTo("raw-email"));
        as("organizer").get("/seasons/{id}/organizations", season).then().body("total", equalTo(0));

        String organization = createOrganization(season, "Лицей № 2");
        as("organizer").body(Map.of("displayNameSnapshot", "Лицей № 2 (89123456789)")).patch("/organizations/{id}", organization)
                .then().statusCode(422).body("field", equalTo("displayNameSnapshot")).body("rule", equalTo("raw-phone"));
        as("organizer").body(Map.of("to", "suspended", "reason", "звонить +79123456789"))
                .post("/organizations/{id}/transitions", organization).then().statusCode(422)
                .body("field", equalTo("reason")).body("rule", equalTo("raw-phone"));
        as("organizer").get("/organizations/{id}", organization).then()
                .body("displayNameSnapshot", equalTo("Лицей № 2")).body("participationStatus", equalTo("active"));
        assertThat(organizationEventsOfSeason(season)).isEqualTo(1);
    }

    @Test
    void each_change_writes_one_outbox_row_with_before_and_after_and_a_refused_request_writes_none() throws Exception {
        String season = createSeason(createEvent());
        String organization = createOrganization(season, "Лицей № 2");
        as("organizer").body(Map.of("displayNameSnapshot", "Лицей № 2 им. Пушкина")).patch("/organizations/{id}", organization)
                .then().statusCode(200);
        as("organizer").body(Map.of("displayNameSnapshot", "Лицей № 2 им. Пушкина")).patch("/organizations/{id}", organization)
                .then().statusCode(200);
        as("organizer").body(Map.of("to", "suspended", "reason", "проверка")).post("/organizations/{id}/transitions", organization)
                .then().statusCode(200);
        as("organizer").body(Map.of("to", "active")).post("/organizations/{id}/transitions", organization).then().statusCode(200);
        String role = grantOrganizationRole(organization, "open_venue");
        as("organizer").body(Map.of("to", "revoked", "reason", "нет помещения")).post("/organization-roles/{id}/transitions", role)
                .then().statusCode(200);

        List<Map<String, String>> events = outboxOf(organization);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("organization.joined", "organization.updated",
                "organization.suspended", "organization.reactivated");
        assertThat(events.get(0).get("before")).isNull();
        assertThat(events.get(0).get("after_display_name_snapshot")).isEqualTo("Лицей № 2");
        assertThat(events.get(1).get("before_display_name_snapshot")).isEqualTo("Лицей № 2");
        assertThat(events.get(1).get("after_display_name_snapshot")).isEqualTo("Лицей № 2 им. Пушкина");
        assertThat(events.get(2).get("before_status")).isEqualTo("active");
        assertThat(events.get(2).get("after_status")).isEqualTo("suspended");
        assertThat(events.get(2).get("reason")).isEqualTo("проверка");
        assertThat(events.get(3).get("after_status")).isEqualTo("active");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("season_id")).isEqualTo(season);
            assertThat(e.get("aggregate_type")).isEqualTo("competition_organizations");
        });

        List<Map<String, String>> roleEvents = outboxOf(role);
        assertThat(roleEvents).extracting(e -> e.get("type"))
                .containsExactly("organization_role.granted", "organization_role.revoked");
        assertThat(roleEvents).allSatisfy(e -> {
            assertThat(e.get("season_id")).as("role events carry the organisation's season").isEqualTo(season);
            assertThat(e.get("aggregate_type")).isEqualTo("competition_organization_roles");
            assertThat(e.get("after_competition_organization_id")).isEqualTo(organization);
            assertThat(e.get("after_role")).isEqualTo("open_venue");
        });
        assertThat(roleEvents.get(0).get("before")).isNull();
        assertThat(roleEvents.get(0).get("after_status")).isEqualTo("active");
        assertThat(roleEvents.get(1).get("before_status")).isEqualTo("active");
        assertThat(roleEvents.get(1).get("after_status")).isEqualTo("revoked");
        assertThat(roleEvents.get(1).get("reason")).isEqualTo("нет помещения");

        String identity = as("organizer").get("/organizations/{id}", organization).then().extract().path("identityOrganizationId");
        as("organizer").body(Map.of("identityOrganizationId", identity, "displayNameSnapshot", "x"))
                .post("/seasons/{id}/organizations", season).then().statusCode(409);
        grantOrganizationRole(organization, "organizer");
        as("organizer").body(Map.of("role", "organizer")).post("/organizations/{id}/roles", organization).then().statusCode(409);
        as("organizer").body(Map.of("to", "withdrawn")).post("/organizations/{id}/transitions", organization).then().statusCode(422);
        as("organizer").body(Map.of("to", "active")).post("/organizations/{id}/transitions", organization).then().statusCode(409);
        as("organizer").body(Map.of("to", "revoked")).post("/organization-roles/{id}/transitions", role).then().statusCode(409);
        as("participant").body(Map.of("displayNameSnapshot", "y")).patch("/organizations/{id}", organization).then().statusCode(403);
        as("organizer").body(Map.of("seasonScope", 5)).patch("/organizations/{id}", organization).then().statusCode(422);
        assertThat(outboxOf(organization)).hasSize(4);
        assertThat(outboxOf(role)).hasSize(2);
        assertThat(organizationEventsOfSeason(season)).isEqualTo(4 + 2 + 1);
    }

    private static boolean holdsRole(String organization, String role) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() ->
                Panache.withSession(() -> Organizations.holdsRole(UUID.fromString(organization), role)));
    }

    private Instant snapshotTakenAt(String organization) {
        return Instant.parse(as("organizer").get("/organizations/{id}", organization).then().statusCode(200)
                .extract().path("snapshotTakenAt"));
    }

    /** The outbox rows of one organisation or role, oldest first, with the parts of the envelope the tests look at. */
    private List<Map<String, String>> outboxOf(String aggregate) throws Exception {
        String sql = """
                select type, aggregate_type, payload->>'seasonId', payload->>'reason', payload->>'before', payload->>'after',
                       coalesce(payload->'before'->>'participation_status', payload->'before'->>'status'),
                       coalesce(payload->'after'->>'participation_status', payload->'after'->>'status'),
                       payload->'before'->>'display_name_snapshot', payload->'after'->>'display_name_snapshot',
                       payload->'after'->>'competition_organization_id', payload->'after'->>'role'
                from outbox_events where aggregate_id = ?::uuid order by occurred_at, id""";
        String[] names = {"type", "aggregate_type", "season_id", "reason", "before", "after", "before_status",
                "after_status", "before_display_name_snapshot", "after_display_name_snapshot",
                "after_competition_organization_id", "after_role"};
        return TestSql.rows(db, sql, names, aggregate);
    }

    /** Events of organisations and their roles in one season. */
    private long organizationEventsOfSeason(String season) throws Exception {
        String sql = "select count(*) from outbox_events where aggregate_type in"
                + " ('competition_organizations', 'competition_organization_roles') and payload->>'seasonId' = ?";
        return TestSql.count(db, sql, season);
    }
}
