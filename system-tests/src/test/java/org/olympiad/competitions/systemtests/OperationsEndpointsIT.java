package org.olympiad.competitions.systemtests;

import org.junit.jupiter.api.BeforeAll;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** What an operator and a front-end team rely on, on every service: health, metrics, the OpenAPI document. */
class OperationsEndpointsIT {

    static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.start();
    }

    @Test
    void every_service_is_healthy_measured_and_documented() {
        for (String service : Suite.SERVICES) {
            String url = suite.url(service);
            given().baseUri(url).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri(url).get("/q/health/live").then().statusCode(200);
            given().baseUri(url).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
            given().baseUri(url).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("openapi", startsWith("3."))
                    .body("info.title", equalTo(Character.toUpperCase(service.charAt(0)) + service.substring(1) + " service"));
        }
    }

    /**
     * Each service's API as it serves it equals the copy committed under {@code docs/openapi/}, so that a front-end
     * team sees every API change in review. After a deliberate change: {@code mvn verify -Dopenapi.update=true}.
     */
    @Test
    void every_served_api_matches_its_committed_openapi_document() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path docs = Path.of(System.getProperty("repo.root", "..")).resolve("docs/openapi");
        boolean update = Boolean.getBoolean("openapi.update");
        List<String> drifted = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            String served = given().baseUri(suite.url(service)).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString();
            Path committed = docs.resolve(service + "-service.json");
            if (update || !Files.exists(committed)) {
                Files.createDirectories(docs);
                Files.writeString(committed, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n");
                continue;
            }
            if (!json.readTree(served).equals(json.readTree(Files.readString(committed)))) {
                drifted.add(service);
            }
        }
        assertThat(drifted).as("services whose API differs from docs/openapi (run with -Dopenapi.update=true "
                + "after a deliberate change and commit the diff)").isEmpty();
    }

    @Test
    void an_unknown_path_is_a_problem_not_an_empty_404() {
        for (String service : Suite.SERVICES) {
            given().baseUri(suite.url(service)).get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        }
    }
}
