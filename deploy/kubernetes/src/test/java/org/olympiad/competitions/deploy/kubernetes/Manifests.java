package org.olympiad.competitions.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests as {@code kubectl kustomize} renders them, for what these tests read: each kustomization.yaml's
 * {@code resources} followed recursively (files and directories), every YAML document loaded, and the
 * kustomization's {@code namespace} set on the objects. Patches and image overrides of overlays are not applied
 * (KubectlKustomizeTest compares with the real renderer where kubectl is installed).
 */
final class Manifests {

    /** The repository root: surefire runs in deploy/kubernetes. */
    static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path PRODUCTION = KUBERNETES.resolve("overlays/production");

    private final List<Map<String, Object>> objects;

    private Manifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    static Manifests render(Path kustomizationDir) {
        return new Manifests(renderDir(kustomizationDir));
    }

    private static List<Map<String, Object>> renderDir(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = map(loadAll(file).get(0));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve(str(resource)).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(renderDir(path));
            } else if (Files.isRegularFile(path)) {
                out.addAll(loadAll(path));
            } else {
                throw new AssertionError(file + " lists " + resource + ", which does not exist");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> object : out) {
                if (!"Namespace".equals(object.get("kind"))) {
                    map(object.get("metadata")).put("namespace", namespace);
                }
            }
        }
        return out;
    }

    /** Every non-empty document of a YAML file (a document of comments only is skipped, as kustomize does). */
    static List<Map<String, Object>> loadAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).collect(Collectors.toList());
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    // ---- navigation in the loaded maps --------------------------------------------------------------------------

    static String name(Map<String, Object> object) {
        return str(map(object.get("metadata")).get("name"));
    }

    /** The value at a path of map keys; null when any step is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List)) {
            throw new AssertionError("expected a sequence, found " + node);
        }
        return (List<Object>) node;
    }

    static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(Manifests::map).collect(Collectors.toList());
    }

    static String str(Object node) {
        return node == null ? null : node.toString();
    }

    /** Whether every label a selector's matchLabels asks for is on the labels (an empty selector matches all). */
    static boolean selects(Object selector, Map<String, Object> labels) {
        Map<String, Object> wanted = map(at(selector, "matchLabels"));
        if (at(selector, "matchExpressions") != null) {
            throw new AssertionError("matchExpressions are not evaluated by these tests: " + selector);
        }
        return wanted.entrySet().stream().allMatch(e -> Objects.equals(str(e.getValue()), str(labels.get(e.getKey()))));
    }

    /** CPU in cores ("500m", "2") or memory in bytes ("768Mi", "1Gi"). */
    static double quantity(Object value) {
        String q = str(value);
        if (q == null) {
            throw new AssertionError("missing quantity");
        }
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"m", "0.001"}, {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}};
        for (String[] unit : units) {
            if (q.endsWith(unit[0])) {
                return Double.parseDouble(q.substring(0, q.length() - unit[0].length())) * Double.parseDouble(unit[1]);
            }
        }
        return Double.parseDouble(q);
    }
}
