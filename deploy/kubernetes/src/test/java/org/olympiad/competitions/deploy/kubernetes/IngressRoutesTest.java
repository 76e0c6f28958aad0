package org.olympiad.competitions.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.at;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.maps;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API gateway's routes (the Ingresses) send every path of every service's API, as its committed OpenAPI
 * document lists it, to that service and to no other. Paths are ingress-nginx regular expressions (use-regex):
 * matched case-insensitively from the start of the URI, as nginx's {@code location ~* "^<path>"}.
 */
class IngressRoutesTest {

    static final Manifests BASE = ServiceDeploymentsTest.BASE;
    static final Path OPENAPI = Manifests.REPOSITORY.resolve("docs/openapi");

    record Route(Pattern path, String service, String port, String ingress) {
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map<String, Object> ingress : BASE.ofKind("Ingress")) {
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    routes.add(new Route(Pattern.compile("^" + str(path.get("path")), Pattern.CASE_INSENSITIVE),
                            str(at(path, "backend", "service", "name")),
                            str(at(path, "backend", "service", "port", "name")), Manifests.name(ingress)));
                }
            }
        }
        return routes;
    }

    /** A concrete request path for an OpenAPI path template: each {parameter} becomes an id-like segment. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "3f2b8c1e-8d0a-4a6e-9c57-0d1f2e3a4b5c");
    }

    static List<String> apiPaths(ServiceModules.Module service) throws IOException {
        Path document = OPENAPI.resolve(service.artifact() + ".json");
        assertThat(document).as("the committed OpenAPI document of " + service.artifact()).exists();
        JsonNode paths = new ObjectMapper().readTree(Files.readString(document)).path("paths");
        List<String> out = new ArrayList<>();
        paths.fieldNames().forEachRemaining(out::add);
        assertThat(out).as(service.artifact() + " API paths").isNotEmpty();
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.olympiad.competitions.deploy.kubernetes.ServiceDeploymentsTest#services")
    void every_path_of_the_services_api_is_routed_to_it_and_only_to_it(ServiceModules.Module service) throws IOException {
        List<Route> routes = routes();
        for (String template : apiPaths(service)) {
            String path = concrete(template);
            List<String> targets = routes.stream().filter(r -> r.path().matcher(path).lookingAt())
                    .map(Route::service).distinct().toList();
            assertThat(targets).as(template + " of " + service.artifact() + " is routed to").containsExactly(service.artifact());
        }
    }

    @Test
    void routes_lead_to_existing_services_and_ports_and_no_operations_endpoint_is_public() {
        List<Route> routes = routes();
        assertThat(routes).isNotEmpty();
        for (Route route : routes) {
            Map<String, Object> service = BASE.get("Service", route.service());
            assertThat(maps(at(service, "spec", "ports")).stream().map(p -> str(p.get("name"))))
                    .as(route.ingress() + " → " + route.service() + " port " + route.port()).contains(route.port());
        }
        for (String operations : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/")) {
            assertThat(routes.stream().filter(r -> r.path().matcher(operations).lookingAt()).map(Route::ingress).toList())
                    .as(operations + " is not reachable through the gateway").isEmpty();
        }
    }

    @Test
    void every_ingress_uses_regex_paths_on_the_nginx_class() {
        // ingress-nginx reads all paths of a host as regular expressions once one Ingress of the host asks for it:
        // every Ingress says so, so that none of them is read as a plain prefix by surprise
        for (Map<String, Object> ingress : BASE.ofKind("Ingress")) {
            assertThat(at(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/use-regex"))
                    .as(Manifests.name(ingress)).isEqualTo("true");
            assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    assertThat(path.get("pathType")).isEqualTo("ImplementationSpecific");
                }
            }
        }
    }
}
