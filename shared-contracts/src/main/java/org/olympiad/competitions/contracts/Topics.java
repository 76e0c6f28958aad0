package org.olympiad.competitions.contracts;

import java.util.List;
import java.util.regex.Pattern;

/** Topic names. Each service publishes its changes to exactly one topic, keyed by the aggregate id. */
public final class Topics {

    public static final String REGISTRATION = "competitions.registration.v1";
    public static final String VENUE = "competitions.venue.v1";
    public static final String ATTEMPT = "competitions.attempt.v1";
    public static final String RESULTS = "competitions.results.v1";
    public static final String DOCUMENTS = "competitions.documents.v1";

    /** Every service's change topic; audit-service subscribes to all of them. */
    public static final List<String> ALL_CHANGE_TOPICS = List.of(REGISTRATION, VENUE, ATTEMPT, RESULTS, DOCUMENTS);

    /**
     * Matches every change topic, including ones of services added later, and nothing else
     * (not the dead-letter topics). Kafka matches a subscription pattern against the whole topic name.
     */
    public static final String CHANGE_TOPIC_PATTERN = "competitions\\.[a-z]+\\.v1";

    private static final Pattern CHANGE_TOPIC = Pattern.compile(CHANGE_TOPIC_PATTERN);

    private Topics() {
    }

    /** The change topic of a service, by its short name ({@code registration}, {@code venue}, …). */
    public static String changeTopicOf(String serviceName) {
        String topic = "competitions." + serviceName + ".v1";
        if (!CHANGE_TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a service name: " + serviceName);
        }
        return topic;
    }

    public static boolean isChangeTopic(String topic) {
        return CHANGE_TOPIC.matcher(topic).matches();
    }

    /** The dead-letter topic of one consuming service: where messages it could not process go, with the reason. */
    public static String deadLetterTopicOf(String consumingService) {
        return "dlq.competitions." + consumingService + ".v1";
    }
}
