package org.olympiad.competitions.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.contracts.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kafka contract other teams read, {@code docs/asyncapi.yaml}, is the one the contract classes make, so that
 * it cannot drift from the code. After a deliberate contract change: {@code mvn verify -pl shared-contracts
 * -Dasyncapi.update=true}, and commit the diff.
 */
class AsyncApiDocumentTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path COMMITTED = Path.of(System.getProperty("repo.root", "..")).resolve("docs/asyncapi.yaml");

    @Test
    void the_committed_asyncapi_document_is_the_one_the_contract_classes_make() throws Exception {
        String generated = AsyncApiDocument.yaml(AsyncApiDocument.eventTypes(AsyncApiDocument.eventTypesSource(MODULE)));
        if (Boolean.getBoolean("asyncapi.update") || !Files.exists(COMMITTED)) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.readString(COMMITTED))
                .as("docs/asyncapi.yaml differs from the contract classes: run mvn verify -pl shared-contracts "
                        + "-Dasyncapi.update=true after a deliberate change and commit the diff")
                .isEqualTo(generated);
    }

    @Test
    void every_event_type_is_on_exactly_the_topic_of_its_service_with_its_description() throws Exception {
        JsonNode doc = AsyncApiDocument.document(AsyncApiDocument.eventTypes(AsyncApiDocument.eventTypesSource(MODULE)));
        assertThat(doc.at("/channels").size()).isEqualTo(Topics.ALL_CHANGE_TOPICS.size());
        assertThat(doc.at("/channels/registration/address").asText()).isEqualTo(Topics.REGISTRATION);
        assertThat(typesOf(doc, "Results")).contains(EventTypes.APPEAL_ACCEPTED, EventTypes.ARBITRATION_CASE_SANCTIONED)
                .doesNotContain(EventTypes.SCORE_RECORDED);
        assertThat(typesOf(doc, "Attempt")).contains(EventTypes.SCORE_RECORDED, EventTypes.SUBMISSION_SUBMITTED);
        assertThat(typesOf(doc, "Venue")).contains(EventTypes.PHOTO_REPORT_CONFIRMED);
        int all = 0;
        for (String service : List.of("Registration", "Venue", "Attempt", "Results", "Documents")) {
            all += typesOf(doc, service).size();
        }
        assertThat(all).isEqualTo(AsyncApiDocument.eventTypes("").size());

        JsonNode appealAccepted = null;
        for (JsonNode value : doc.at("/components/schemas/ResultsEventType/oneOf")) {
            if (value.get("const").asText().equals(EventTypes.APPEAL_ACCEPTED)) {
                appealAccepted = value;
            }
        }
        assertThat(appealAccepted).isNotNull();
        assertThat(appealAccepted.get("description").asText()).contains("requested_scores");
        assertThat(doc.at("/components/schemas/EventEnvelope/required").toString()).contains("eventId", "occurredAt");
        assertThat(doc.at("/components/schemas/EventHeaders/properties/traceparent").isMissingNode()).isFalse();
    }

    @Test
    void an_event_type_of_an_entity_no_topic_claims_is_refused() {
        assertThatThrownBy(() -> AsyncApiDocument.topicOf("unheard_of.created"))
                .hasMessageContaining("unheard_of.created").hasMessageContaining("TOPIC_OF_ENTITY");
    }

    private static List<String> typesOf(JsonNode doc, String service) {
        return doc.at("/components/schemas/" + service + "EventType/oneOf").findValuesAsText("const");
    }
}
