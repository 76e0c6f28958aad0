package org.olympiad.competitions.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.at;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.list;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.map;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.maps;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.quantity;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.selects;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.str;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service module has a Deployment an operator can run: probes on /q/health, requests and limits, its
 * configuration from its ConfigMap and secret references, graceful shutdown, a non-root read-only container, and
 * beside it a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget that select it.
 */
class ServiceDeploymentsTest {

    static final Manifests BASE = Manifests.render(Manifests.BASE);
    static final ServiceModules MODULES = ServiceModules.read();

    static Stream<ServiceModules.Module> services() {
        return MODULES.modules().stream();
    }

    @Test
    void every_deployment_is_a_service_module_and_every_service_module_has_one() {
        assertThat(BASE.ofKind("Deployment").stream().map(Manifests::name))
                .containsExactlyInAnyOrderElementsOf(MODULES.modules().stream().map(ServiceModules.Module::artifact).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void probes_are_on_q_health_at_the_services_http_port(ServiceModules.Module service) {
        Map<String, Object> container = container(service);
        Map<String, Object> httpPort = maps(container.get("ports")).stream()
                .filter(p -> "http".equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(service.artifact() + " names no container port http"));
        assertThat(httpPort.get("containerPort")).as("the port quarkus.http.port of " + service.artifact())
                .isEqualTo(service.httpPort());
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        expected.forEach((probe, path) -> {
            assertThat(str(at(container, probe, "httpGet", "path"))).as(service.artifact() + " " + probe).isEqualTo(path);
            assertThat(str(at(container, probe, "httpGet", "port"))).as(service.artifact() + " " + probe + " port")
                    .isIn("http", String.valueOf(service.httpPort()));
        });
        // a startup probe long enough for Liquibase at start: at least a minute before liveness may restart the pod
        int period = ((Number) at(container, "startupProbe", "periodSeconds")).intValue();
        int failures = ((Number) at(container, "startupProbe", "failureThreshold")).intValue();
        assertThat(period * failures).as(service.artifact() + " startup budget, seconds").isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_image_is_the_one_jib_builds_for_the_service(ServiceModules.Module service) {
        String image = str(container(service).get("image"));
        String expected = service.config().getProperty("quarkus.container-image.group") + "/"
                + service.config().getProperty("quarkus.container-image.name") + ":";
        assertThat(image).as(service.artifact() + " image: quarkus.container-image.group/name of its module").startsWith(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void cpu_and_memory_have_requests_and_limits_and_requests_fit_in_limits(ServiceModules.Module service) {
        Map<String, Object> resources = map(container(service).get("resources"));
        for (String resource : List.of("cpu", "memory")) {
            Object request = at(resources, "requests", resource);
            Object limit = at(resources, "limits", resource);
            assertThat(request).as(service.artifact() + " requests." + resource).isNotNull();
            assertThat(limit).as(service.artifact() + " limits." + resource).isNotNull();
            assertThat(quantity(request)).as(service.artifact() + " " + resource + " request ≤ limit")
                    .isLessThanOrEqualTo(quantity(limit));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void configuration_comes_from_its_config_map_and_secret_references(ServiceModules.Module service) {
        Map<String, Object> container = container(service);
        List<String> configMaps = maps(container.get("envFrom")).stream()
                .map(e -> str(at(e, "configMapRef", "name"))).filter(n -> n != null).toList();
        assertThat(configMaps).as(service.artifact() + " envFrom configMapRef").isNotEmpty();
        Map<String, Object> env = environment(service);

        assertThat(env.keySet()).as(service.artifact() + ": what its configuration reads with no usable default")
                .containsAll(MODULES.environmentThatMustBeSet(service));
        // the database credentials are secret references, never values
        for (String name : List.of("COMPETITIONS_DB_USER", "COMPETITIONS_DB_PASSWORD")) {
            assertThat(env.get(name)).as(service.artifact() + " " + name).isInstanceOf(SecretRef.class);
        }
        // a name the service does not read is a typo that silently leaves the default in force
        Set<String> known = MODULES.knownEnvironment(service);
        assertThat(env.keySet().stream()
                .filter(n -> !n.startsWith("QUARKUS_") && !n.startsWith("JAVA_"))
                .filter(n -> !known.contains(n)).toList())
                .as(service.artifact() + ": environment variables its configuration does not know").isEmpty();
        // the image's run-java.sh start script gets Quarkus's JVM flags (the JBoss log manager, the heap share) in
        // JAVA_OPTS_APPEND: setting it here would replace them (quarkus.jib.jvm-additional-arguments adds flags)
        assertThat(env.keySet()).as(service.artifact() + " environment").doesNotContain("JAVA_OPTS_APPEND", "JAVA_OPTS");
        for (String name : List.of("COMPETITIONS_DB_HOST", "KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION")) {
            assertThat(env.get(name)).as(service.artifact() + " " + name + " is plain configuration").isInstanceOf(String.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shutdown_is_graceful_non_root_and_the_root_filesystem_read_only(ServiceModules.Module service) {
        Map<String, Object> pod = podSpec(service);
        Map<String, Object> container = container(service);
        List<Object> preStop = list(at(container, "lifecycle", "preStop", "exec", "command"));
        assertThat(preStop).as(service.artifact() + " preStop: a sleep while endpoints drop the pod").hasSize(2)
                .first().isEqualTo("sleep");
        long sleep = Long.parseLong(str(preStop.get(1)));
        Object timeout = environment(service).get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(timeout).as(service.artifact() + " QUARKUS_SHUTDOWN_TIMEOUT (Quarkus waits for requests in flight)")
                .isInstanceOf(String.class);
        long shutdown = Duration.parse("PT" + ((String) timeout).toUpperCase()).toSeconds();
        assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue())
                .as(service.artifact() + " terminationGracePeriodSeconds > preStop + shutdown timeout")
                .isGreaterThan(sleep + shutdown);

        boolean nonRoot = Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"))
                || Boolean.TRUE.equals(at(container, "securityContext", "runAsNonRoot"));
        assertThat(nonRoot).as(service.artifact() + " runAsNonRoot").isTrue();
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        // ...with a writable /tmp (Vert.x file cache, body uploads, java.io.tmpdir)
        assertThat(maps(container.get("volumeMounts")).stream().map(m -> m.get("mountPath")))
                .as(service.artifact() + " writable /tmp").contains("/tmp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void a_service_hpa_and_pdb_select_its_pods(ServiceModules.Module service) {
        Map<String, Object> labels = podLabels(service);
        Map<String, Object> svc = BASE.get("Service", service.artifact());
        assertThat(selects(Map.of("matchLabels", map(at(svc, "spec", "selector"))), labels))
                .as("Service " + service.artifact() + " selects the Deployment's pods").isTrue();
        assertThat(maps(at(svc, "spec", "ports")).stream().map(p -> str(p.get("targetPort"))))
                .as("Service " + service.artifact() + " targets the container port http").contains("http");

        Map<String, Object> hpa = BASE.get("HorizontalPodAutoscaler", service.artifact());
        assertThat(at(deployment(service), "spec", "replicas"))
                .as(service.artifact() + ": replicas belong to the HPA; a value would reset them on every apply").isNull();
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service.artifact());
        int min = ((Number) at(hpa, "spec", "minReplicas")).intValue();
        int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
        assertThat(min).as(service.artifact() + " minReplicas: two, so a drain never takes the last one").isGreaterThanOrEqualTo(2);
        assertThat(max).isGreaterThanOrEqualTo(min);
        assertThat(list(at(hpa, "spec", "metrics"))).as(service.artifact() + " HPA metrics").isNotEmpty();

        Map<String, Object> pdb = BASE.get("PodDisruptionBudget", service.artifact());
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        assertThat(selects(at(pdb, "spec", "selector"), labels)).as("PDB " + service.artifact() + " selects its pods").isTrue();
        Object maxUnavailable = at(pdb, "spec", "maxUnavailable");
        Object minAvailable = at(pdb, "spec", "minAvailable");
        assertThat(maxUnavailable != null || minAvailable != null).isTrue();
        if (minAvailable instanceof Number n) {
            assertThat(n.intValue()).as(service.artifact() + " minAvailable leaves room to drain a node").isLessThan(min);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void its_config_map_exists_and_no_secret_value_is_in_it(ServiceModules.Module service) {
        for (Map<String, Object> from : maps(container(service).get("envFrom"))) {
            String name = str(at(from, "configMapRef", "name"));
            if (name != null) {
                Map<String, Object> data = map(BASE.get("ConfigMap", name).get("data"));
                assertThat(data.keySet().stream().filter(k -> k.matches(".*(PASSWORD|SECRET|TOKEN|PRIVATE).*")).toList())
                        .as("ConfigMap " + name + " holds no secret").isEmpty();
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A value taken from a Secret (never its value: only where it comes from). */
    record SecretRef(String secret, String key) {
    }

    static Map<String, Object> deployment(ServiceModules.Module service) {
        return BASE.get("Deployment", service.artifact());
    }

    static Map<String, Object> podSpec(ServiceModules.Module service) {
        return map(at(deployment(service), "spec", "template", "spec"));
    }

    static Map<String, Object> podLabels(ServiceModules.Module service) {
        return map(at(deployment(service), "spec", "template", "metadata", "labels"));
    }

    static Map<String, Object> container(ServiceModules.Module service) {
        List<Map<String, Object>> containers = maps(podSpec(service).get("containers"));
        assertThat(containers).as(service.artifact() + " containers").hasSize(1);
        return containers.get(0);
    }

    /**
     * The container's environment as the pod sees it: the ConfigMaps of envFrom (plain strings), then env entries
     * (a value, or a SecretRef), later ones winning as in Kubernetes. envFrom secretRef names map to SecretRef("*").
     */
    static Map<String, Object> environment(ServiceModules.Module service) {
        Map<String, Object> container = container(service);
        Map<String, Object> env = new HashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String configMap = str(at(from, "configMapRef", "name"));
            if (configMap != null) {
                map(BASE.get("ConfigMap", configMap).get("data")).forEach((k, v) -> env.put(k, str(v)));
            }
        }
        for (Map<String, Object> e : maps(container.get("env"))) {
            String name = str(e.get("name"));
            if (e.containsKey("value")) {
                env.put(name, str(e.get("value")));
            } else if (at(e, "valueFrom", "secretKeyRef") != null) {
                env.put(name, new SecretRef(str(at(e, "valueFrom", "secretKeyRef", "name")),
                        str(at(e, "valueFrom", "secretKeyRef", "key"))));
            } else {
                env.put(name, at(e, "valueFrom"));
            }
        }
        return env;
    }

    /** Every Secret name the Deployments refer to (secretKeyRef and envFrom secretRef). */
    static Set<String> referencedSecrets() {
        return services().flatMap(service -> {
            Stream<String> keyRefs = environment(service).values().stream()
                    .filter(SecretRef.class::isInstance).map(v -> ((SecretRef) v).secret());
            Stream<String> envFrom = maps(container(service).get("envFrom")).stream()
                    .map(e -> str(at(e, "secretRef", "name"))).filter(n -> n != null);
            return Stream.concat(keyRefs, envFrom);
        }).collect(Collectors.toSet());
    }
}
