package org.olympiad.competitions.registration.personaldata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;

/** Seed rule 10 over HTTP: raw personal data in the input is a 422 naming the field, and nothing is stored. */
@QuarkusTest
class PersonalDataRefusalTest {

    private static void assertNoSeasonsOf(String event) {
        as("organizer").queryParam("eventId", event).get("/seasons")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_season_whose_registration_policy_carries_a_parent_email_is_refused_and_not_created() {
        String event = createEvent();
        String email = "ivanova.m@mail.ru";
        as("organizer").body(Map.of("eventId", event, "title", "Сезон 2026/27",
                        "registrationPolicy", Map.of("contacts", Map.of("parentEmail", email))))
                .post("/seasons")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("registrationPolicy.contacts.parentEmail"))
                .body("rule", equalTo("raw-email"))
                .body(not(containsString(email)));
        assertNoSeasonsOf(event);
    }

    @Test
    void a_season_whose_registration_policy_carries_a_phone_is_refused_and_not_created() {
        String event = createEvent();
        String phone = "+7 (912) 345-67-89";
        as("organizer").body(Map.of("eventId", event, "title", "Сезон 2026/27",
                        "registrationPolicy", Map.of("sources", Map.of("parent", Map.of("hotline", List.of("ok", phone))))))
                .post("/seasons")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("registrationPolicy.sources.parent.hotline[1]"))
                .body("rule", equalTo("raw-phone"))
                .body(not(containsString("345-67-89")));
        assertNoSeasonsOf(event);
    }

    @Test
    void changing_a_season_to_carry_a_phone_in_its_fee_policy_is_refused_and_changes_nothing() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("title", "Сезон, переименованный", "feePolicy", Map.of("payerPhone", "89123456789")))
                .patch("/seasons/{id}", season)
                .then().statusCode(422)
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("feePolicy.payerPhone"))
                .body("rule", equalTo("raw-phone"))
                .body(not(containsString("89123456789")));
        as("organizer").get("/seasons/{id}", season).then().statusCode(200)
                .body("title", equalTo("Сезон 2026/27"))
                .body("feePolicy", equalTo(Map.of()));
    }

    @Test
    void a_tour_whose_settings_carry_a_snils_is_refused_and_not_created() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("title", "Тур 1", "position", 1, "format", "test",
                        "settings", Map.of("proctoring", Map.of("note", "СНИЛС 112-233-445 95"))))
                .post("/seasons/{id}/tours", season)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("settings.proctoring.note"))
                .body("rule", equalTo("raw-snils"))
                .body(not(containsString("445 95")));
        as("organizer").get("/seasons/{id}/tours", season).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void an_event_titled_with_an_email_is_refused() {
        as("organizer").body(Map.of("slug", "olymp-pii", "title", "Олимпиада, пишите olymp.mama@gmail.com", "type", "olympiad"))
                .post("/events")
                .then().statusCode(422)
                .body("type", endsWith("personal-data-refused"))
                .body("field", equalTo("title"))
                .body("rule", equalTo("raw-email"))
                .body(not(containsString("olymp.mama@gmail.com")));
    }

    @Test
    void a_policy_with_a_registration_window_date_is_accepted() {
        String event = createEvent();
        Map<String, Object> window = Map.of("opensAt", "2026-09-01T00:00:00Z", "closesAt", "2026-10-01T00:00:00Z");
        as("organizer").body(Map.of("eventId", event, "title", "Сезон 2026/27",
                        "registrationPolicy", Map.of("sources", Map.of("self", Map.of("window", window)))))
                .post("/seasons")
                .then().statusCode(201)
                .body("registrationPolicy.sources.self.window.opensAt", equalTo("2026-09-01T00:00:00Z"));
        as("organizer").queryParam("eventId", event).get("/seasons")
                .then().statusCode(200).body("total", equalTo(1));
    }
}
