package org.olympiad.competitions.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
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

    @Test
    void an_unknown_path_is_a_problem_not_an_empty_404() {
        for (String service : Suite.SERVICES) {
            given().baseUri(suite.url(service)).get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        }
    }
}
