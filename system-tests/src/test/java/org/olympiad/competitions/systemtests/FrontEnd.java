package org.olympiad.competitions.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a front end does: a request to one of the six services as a signed-in user (a development JWT of a role and a
 * user id, as {@code deploy/local/token.sh} makes), or as anyone without a token.
 */
final class FrontEnd {

    private final Suite suite;

    FrontEnd(Suite suite) {
        this.suite = suite;
    }

    /** A user of a role: {@code user} is the token's {@code sub}, the identity user id. */
    RequestSpecification as(String service, String role, UUID user) {
        return given().baseUri(suite.url(service)).contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer(role, user));
    }

    RequestSpecification anyone(String service) {
        return given().baseUri(suite.url(service));
    }

    /**
     * Repeats a request until it is answered {@code status}: for a request another service must first hear about
     * over Kafka (a 404 or 422 until then changes nothing, so asking again is what a front end would do).
     */
    static Response eventually(int status, Supplier<Response> request) {
        AtomicReference<Response> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().untilAsserted(() -> {
            Response r = request.get();
            last.set(r);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        });
        return last.get();
    }
}
