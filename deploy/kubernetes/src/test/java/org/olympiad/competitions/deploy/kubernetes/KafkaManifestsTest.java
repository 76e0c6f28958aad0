package org.olympiad.competitions.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.at;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.list;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.maps;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.selects;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.str;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olympiad.competitions.contracts.Topics;

/**
 * The Kafka cluster and its topics as Strimzi resources, checked against shared-contracts' Topics: every change
 * topic and every consuming service's dead-letter topic has a KafkaTopic with partitions, replicas and retention,
 * and no KafkaTopic names a topic the contract does not have. The manifests cannot drift from the contract.
 */
class KafkaManifestsTest {

    static final Manifests BASE = ServiceDeploymentsTest.BASE;
    static final ServiceModules MODULES = ServiceDeploymentsTest.MODULES;

    static Map<String, Object> kafka() {
        List<Map<String, Object>> clusters = BASE.ofKind("Kafka");
        assertThat(clusters).as("one Strimzi Kafka cluster").hasSize(1);
        return clusters.get(0);
    }

    /** The topics the contract has: every change topic, and the dead-letter topic of every service that consumes. */
    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>(Topics.ALL_CHANGE_TOPICS);
        MODULES.modules().stream().filter(ServiceModules.Module::consumes)
                .forEach(m -> topics.add(Topics.deadLetterTopicOf(m.serviceName())));
        return topics;
    }

    static String topicName(Map<String, Object> kafkaTopic) {
        String explicit = str(at(kafkaTopic, "spec", "topicName"));
        return explicit != null ? explicit : Manifests.name(kafkaTopic);
    }

    @Test
    void every_topic_of_the_contract_has_a_kafka_topic_and_no_other_is_declared() {
        assertThat(contractTopics()).as("the contract's topics").contains("dlq.competitions.audit.v1", "competitions.registration.v1");
        assertThat(BASE.ofKind("KafkaTopic").stream().map(KafkaManifestsTest::topicName).toList())
                .containsExactlyInAnyOrderElementsOf(contractTopics());
    }

    @Test
    void every_kafka_topic_belongs_to_the_cluster_and_has_partitions_replicas_and_retention() {
        String cluster = Manifests.name(kafka());
        int brokers = BASE.ofKind("KafkaNodePool").stream()
                .filter(p -> cluster.equals(at(p, "metadata", "labels", "strimzi.io/cluster")))
                .filter(p -> list(at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> ((Number) at(p, "spec", "replicas")).intValue()).sum();
        for (Map<String, Object> topic : BASE.ofKind("KafkaTopic")) {
            String name = topicName(topic);
            assertThat(at(topic, "metadata", "labels", "strimzi.io/cluster")).as(name + " cluster label").isEqualTo(cluster);
            int partitions = ((Number) at(topic, "spec", "partitions")).intValue();
            int replicas = ((Number) at(topic, "spec", "replicas")).intValue();
            assertThat(partitions).as(name + " partitions").isPositive();
            assertThat(replicas).as(name + " replicas (brokers: " + brokers + ")").isBetween(1, brokers);
            assertThat(at(topic, "spec", "config", "retention.ms")).as(name + " retention.ms").isNotNull();
            Object minIsr = at(topic, "spec", "config", "min.insync.replicas");
            if (minIsr != null) {
                assertThat(((Number) minIsr).intValue()).as(name + " min.insync.replicas < replicas: one broker may be down")
                        .isLessThan(replicas);
            }
        }
    }

    @Test
    void the_cluster_runs_kraft_with_node_pools_and_topics_are_declared_not_auto_created() {
        Map<String, Object> kafka = kafka();
        assertThat(at(kafka, "metadata", "annotations", "strimzi.io/kraft")).isEqualTo("enabled");
        assertThat(at(kafka, "metadata", "annotations", "strimzi.io/node-pools")).isEqualTo("enabled");
        assertThat(at(kafka, "spec", "zookeeper")).as("no ZooKeeper").isNull();
        Set<Object> roles = new TreeSet<>();
        BASE.ofKind("KafkaNodePool").stream()
                .filter(p -> Manifests.name(kafka).equals(at(p, "metadata", "labels", "strimzi.io/cluster")))
                .forEach(p -> roles.addAll(list(at(p, "spec", "roles"))));
        assertThat(roles).as("node pool roles").contains("controller", "broker");
        assertThat(at(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
        assertThat(at(kafka, "spec", "entityOperator", "topicOperator")).as("the topic operator applies the KafkaTopics").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.olympiad.competitions.deploy.kubernetes.ServiceDeploymentsTest#services")
    void each_service_reaches_the_brokers_and_creates_its_topic_as_declared(ServiceModules.Module service) {
        Map<String, Object> kafka = kafka();
        Map<String, Object> env = ServiceDeploymentsTest.environment(service);
        Map<String, Object> podLabels = ServiceDeploymentsTest.podLabels(service);
        // the bootstrap address is the listener's, and the listener's network policy admits the service's pods
        Map<String, Object> listener = maps(at(kafka, "spec", "kafka", "listeners")).stream()
                .filter(l -> env.get("KAFKA_BOOTSTRAP_SERVERS")
                        .equals(Manifests.name(kafka) + "-kafka-bootstrap:" + l.get("port")))
                .findFirst().orElseThrow(() -> new AssertionError(service.artifact() + " KAFKA_BOOTSTRAP_SERVERS "
                        + env.get("KAFKA_BOOTSTRAP_SERVERS") + " is no listener of " + Manifests.name(kafka)));
        assertThat(maps(listener.get("networkPolicyPeers")).stream()
                .anyMatch(peer -> peer.get("namespaceSelector") == null && selects(peer.get("podSelector"), podLabels)))
                .as(service.artifact() + "'s pods are among listener " + listener.get("name") + "'s networkPolicyPeers").isTrue();
        // the outbox relay creates its topic only when it is missing, with these; they must not contradict topics.yaml
        if (!"false".equals(service.config().getProperty("competitions.outbox.relay.enabled"))) {
            Map<String, Object> topic = BASE.ofKind("KafkaTopic").stream()
                    .filter(t -> topicName(t).equals(Topics.changeTopicOf(service.serviceName()))).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + service.artifact() + "'s change topic"));
            assertThat(env.get("COMPETITIONS_OUTBOX_TOPIC_PARTITIONS")).as(service.artifact() + " relay's partitions")
                    .isEqualTo(String.valueOf(at(topic, "spec", "partitions")));
            assertThat(env.get("COMPETITIONS_OUTBOX_TOPIC_REPLICATION_FACTOR")).as(service.artifact() + " relay's replication")
                    .isEqualTo(String.valueOf(at(topic, "spec", "replicas")));
        }
    }
}
