package org.olympiad.competitions.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.at;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.map;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.maps;
import static org.olympiad.competitions.deploy.kubernetes.Manifests.str;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The real renderer, where the machine has it: {@code kubectl kustomize} renders base and the production overlay
 * (patches and image overrides applied), and renders the same objects this module's tests read. Skipped, not
 * failed, when kubectl is not installed.
 */
class KubectlKustomizeTest {

    static boolean kubectlInstalled() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static List<Map<String, Object>> kustomize(Path dir) throws Exception {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize " + dir + " finishes").isTrue();
            assertThat(p.exitValue()).as("kubectl kustomize " + dir + ": " + errors).isZero();
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object o : new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(new StringReader(Files.readString(out)))) {
                if (o != null) {
                    objects.add(map(o));
                }
            }
            return objects;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static Set<String> identities(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> o.get("kind") + " " + at(o, "metadata", "namespace") + "/" + Manifests.name(o))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void kubectl_renders_base_to_the_objects_these_tests_check() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed");
        List<Map<String, Object>> rendered = kustomize(Manifests.BASE);
        assertThat(identities(rendered)).isEqualTo(identities(Manifests.render(Manifests.BASE).all()));
        // the common label reaches every object, and no object lands outside the suite's namespace
        for (Map<String, Object> object : rendered) {
            assertThat(at(object, "metadata", "labels", "app.kubernetes.io/part-of")).as(identities(List.of(object)).toString())
                    .isEqualTo("competitions");
        }
    }

    @Test
    void kubectl_renders_the_production_overlay_with_every_image_from_its_registry() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed");
        List<Map<String, Object>> rendered = kustomize(Manifests.PRODUCTION);
        assertThat(identities(rendered)).isEqualTo(identities(Manifests.render(Manifests.BASE).all()));
        List<Map<String, Object>> deployments = rendered.stream().filter(o -> "Deployment".equals(o.get("kind"))).toList();
        assertThat(deployments).hasSize(ServiceDeploymentsTest.MODULES.modules().size());
        Set<String> registries = new TreeSet<>();
        for (Map<String, Object> deployment : deployments) {
            for (Map<String, Object> container : maps(at(deployment, "spec", "template", "spec", "containers"))) {
                String image = str(container.get("image"));
                String repository = image.substring(0, image.lastIndexOf(':'));
                assertThat(repository).as(Manifests.name(deployment) + " image in production")
                        .endsWith("/" + Manifests.name(deployment)).doesNotStartWith("competitions/");
                assertThat(image).as(Manifests.name(deployment) + " a released tag").doesNotEndWith("-SNAPSHOT");
                registries.add(repository.substring(0, repository.lastIndexOf('/')));
            }
        }
        assertThat(registries).as("every image from one registry").hasSize(1);
    }
}
