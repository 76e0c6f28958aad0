package org.olympiad.competitions.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.at;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.list;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.map;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.maps;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.selects;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One CloudNativePG database per service, reached only by that service; the services reached only through the
 * gateway (and by the metrics scraper); secrets referenced and documented, never committed.
 */
class DatabasesAndNetworkTest {

    static final Manifests BASE = ServiceDeploymentsTest.BASE;
    static final ServiceModules MODULES = ServiceDeploymentsTest.MODULES;
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String METRICS_NAMESPACE = "monitoring";

    /** The CNPG cluster whose initdb database is the service's (competitions_<service-name>). */
    static Map<String, Object> databaseOf(ServiceModules.Module service) {
        String database = "competitions_" + service.serviceName();
        List<Map<String, Object>> clusters = BASE.ofKind("Cluster").stream()
                .filter(c -> str(c.get("apiVersion")).startsWith("postgresql.cnpg.io/"))
                .filter(c -> database.equals(at(c, "spec", "bootstrap", "initdb", "database"))).toList();
        assertThat(clusters).as("a CloudNativePG Cluster whose initdb creates " + database).hasSize(1);
        return clusters.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.olympiad.competitions.deploy.kubernetes.ServiceDeploymentsTest#services")
    void each_service_has_its_own_cloudnativepg_database_and_connects_to_it_with_its_credentials(ServiceModules.Module service) {
        Map<String, Object> cluster = databaseOf(service);
        Map<String, Object> env = ServiceDeploymentsTest.environment(service);
        assertThat(env.get("COMPETITIONS_DB_HOST")).as(service.artifact() + " connects to its cluster's read-write service")
                .isEqualTo(Manifests.name(cluster) + "-rw");
        String secret = str(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
        assertThat(secret).as(Manifests.name(cluster) + " initdb owner credentials from a secret").isNotNull();
        assertThat(env.get("COMPETITIONS_DB_USER")).isEqualTo(new ServiceDeploymentsTest.SecretRef(secret, "username"));
        assertThat(env.get("COMPETITIONS_DB_PASSWORD")).isEqualTo(new ServiceDeploymentsTest.SecretRef(secret, "password"));
        assertThat(at(cluster, "spec", "bootstrap", "initdb", "owner")).isNotNull();
        assertThat(at(cluster, "spec", "storage", "size")).as(Manifests.name(cluster) + " storage").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.olympiad.competitions.deploy.kubernetes.ServiceDeploymentsTest#services")
    void only_the_service_itself_reaches_its_database(ServiceModules.Module service) {
        String cluster = Manifests.name(databaseOf(service));
        Map<String, Object> instanceLabels = Map.of("cnpg.io/cluster", cluster, "cnpg.io/instanceRole", "primary");
        List<Map<String, Object>> rules = ingressRulesFor(instanceLabels).stream()
                .filter(r -> allowsPort(r, 5432)).toList();
        assertThat(rules).as(cluster + ": a network policy admits its service on 5432").isNotEmpty();
        for (ServiceModules.Module other : MODULES.modules()) {
            Map<String, Object> labels = ServiceDeploymentsTest.podLabels(other);
            boolean admitted = rules.stream().anyMatch(r -> maps(r.get("from")).stream()
                    .anyMatch(peer -> peer.get("namespaceSelector") == null && selects(peer.get("podSelector"), labels)));
            assertThat(admitted).as(other.artifact() + " reaches " + cluster).isEqualTo(other == service);
        }
        for (Map<String, Object> rule : rules) {
            for (Map<String, Object> peer : maps(rule.get("from"))) {
                assertThat(peer.get("namespaceSelector")).as(cluster + " on 5432: no other namespace").isNull();
                assertThat(peer.get("ipBlock")).as(cluster + " on 5432: no address block").isNull();
                assertThat(map(at(peer, "podSelector", "matchLabels"))).as(cluster + " on 5432: a named peer").isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.olympiad.competitions.deploy.kubernetes.ServiceDeploymentsTest#services")
    void only_the_gateway_and_the_metrics_scraper_reach_the_service(ServiceModules.Module service) {
        Map<String, Object> labels = ServiceDeploymentsTest.podLabels(service);
        List<Map<String, Object>> rules = ingressRulesFor(labels);
        assertThat(rules).as(service.artifact() + " admits someone").isNotEmpty();
        boolean gateway = false;
        for (Map<String, Object> rule : rules) {
            List<Map<String, Object>> from = maps(rule.get("from"));
            assertThat(from).as(service.artifact() + ": a rule without 'from' admits everyone").isNotEmpty();
            for (Map<String, Object> peer : from) {
                String namespace = str(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
                assertThat(namespace).as(service.artifact() + " admits only the gateway's and the scraper's namespaces")
                        .isIn(INGRESS_NAMESPACE, METRICS_NAMESPACE);
                assertThat(map(at(peer, "podSelector", "matchLabels"))).as("a named pod in " + namespace).isNotEmpty();
                gateway |= INGRESS_NAMESPACE.equals(namespace) && allowsPort(rule, "http");
            }
        }
        assertThat(gateway).as("the ingress controller reaches " + service.artifact() + "'s http port").isTrue();
    }

    @Test
    void everything_else_is_denied_by_default() {
        assertThat(BASE.ofKind("NetworkPolicy").stream()
                .filter(p -> map(at(p, "spec", "podSelector")).isEmpty())
                .filter(p -> list(at(p, "spec", "policyTypes")).contains("Ingress"))
                .filter(p -> list(at(p, "spec", "ingress")).isEmpty()))
                .as("a default-deny ingress policy for the whole namespace").hasSize(1);
    }

    @Test
    void no_secret_value_is_committed_and_every_referenced_secret_is_documented() throws IOException {
        List<Path> yamls;
        try (Stream<Path> files = Files.walk(Manifests.KUBERNETES)) {
            yamls = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.toString().contains("/target/")).collect(Collectors.toList());
        }
        assertThat(yamls).isNotEmpty();
        for (Path file : yamls) {
            for (Map<String, Object> object : Manifests.loadAll(file)) {
                if ("Secret".equals(object.get("kind"))) {
                    assertThat(object.get("data")).as(file + ": a committed Secret with data").isNull();
                    assertThat(object.get("stringData")).as(file + ": a committed Secret with stringData").isNull();
                }
            }
        }
        List<String> secrets = new ArrayList<>(ServiceDeploymentsTest.referencedSecrets());
        BASE.ofKind("Cluster").forEach(c -> secrets.add(str(at(c, "spec", "bootstrap", "initdb", "secret", "name"))));
        BASE.ofKind("Ingress").forEach(i -> maps(at(i, "spec", "tls")).forEach(t -> secrets.add(str(t.get("secretName")))));
        String runbook = Files.readString(Manifests.REPOSITORY.resolve("deploy/README.md"));
        assertThat(secrets).as("secrets the manifests use").isNotEmpty();
        assertThat(secrets.stream().distinct().filter(s -> !runbook.contains(s)).toList())
                .as("secrets deploy/README.md does not tell the operator to create").isEmpty();
    }

    // ---- NetworkPolicy evaluation (same namespace; matchLabels only) ----------------------------------------------

    /** The ingress rules of every policy that selects pods with these labels. */
    static List<Map<String, Object>> ingressRulesFor(Map<String, Object> podLabels) {
        return BASE.ofKind("NetworkPolicy").stream()
                .filter(p -> selects(at(p, "spec", "podSelector"), podLabels))
                .filter(p -> list(at(p, "spec", "policyTypes")).contains("Ingress"))
                .flatMap(p -> maps(at(p, "spec", "ingress")).stream())
                .collect(Collectors.toList());
    }

    static boolean allowsPort(Map<String, Object> rule, Object port) {
        List<Map<String, Object>> ports = maps(rule.get("ports"));
        return ports.isEmpty() || ports.stream().anyMatch(p -> String.valueOf(port).equals(String.valueOf(p.get("port"))));
    }
}
