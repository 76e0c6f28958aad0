package org.olympiad.competitions.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The services as their modules define them: the *-service directories of the repository and their
 * application.properties, with platform-runtime's shared configuration. What the manifests must match is read from
 * here, so that a new service, a changed port or a new consumer is noticed.
 */
record ServiceModules(List<Module> modules, Properties shared) {

    static final Path SHARED_CONFIG =
            Manifests.REPOSITORY.resolve("platform-runtime/src/main/resources/META-INF/microprofile-config.properties");

    /** One service module: its directory name (registration-service), short name (registration) and config. */
    record Module(String artifact, Properties config) {

        String serviceName() {
            return required("competitions.service-name");
        }

        int httpPort() {
            return Integer.parseInt(required("quarkus.http.port"));
        }

        /** Whether it consumes any topic outside tests (then it has a dead-letter topic). */
        boolean consumes() {
            return config.stringPropertyNames().stream().anyMatch(k -> k.startsWith("mp.messaging.incoming."));
        }

        /** The consumer groups of its incoming channels (production profile). */
        Set<String> consumerGroups() {
            return config.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".group.id"))
                    .map(config::getProperty).collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public String toString() {
            return artifact; // the name of each parameterized test
        }

        private String required(String key) {
            String value = config.getProperty(key);
            if (value == null) {
                throw new AssertionError(artifact + " sets no " + key);
            }
            return value;
        }
    }

    static ServiceModules read() {
        try (Stream<Path> dirs = Files.list(Manifests.REPOSITORY)) {
            List<Module> modules = dirs
                    .filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .map(d -> new Module(d.getFileName().toString(),
                            load(d.resolve("src/main/resources/application.properties"))))
                    .collect(Collectors.toList());
            if (modules.size() < 6) {
                throw new AssertionError("expected the six service modules in " + Manifests.REPOSITORY + ", found " + modules);
            }
            return new ServiceModules(modules, load(SHARED_CONFIG));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

    /**
     * Environment variables the production profile reads with no default, or whose default only works on a
     * developer's machine (127.0.0.1, localhost): a Deployment must set them.
     */
    Set<String> environmentThatMustBeSet(Module module) {
        Set<String> names = new TreeSet<>();
        for (Properties properties : List.of(shared, module.config())) {
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue; // dev, test and local profiles
                }
                Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
                while (m.find()) {
                    String fallback = m.group(3);
                    if (m.group(2) == null || fallback.contains("127.0.0.1") || fallback.contains("localhost")) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    /**
     * The environment variable names the service's configuration knows: the ${NAME} references, and every
     * configured key (any profile) in MicroProfile Config's environment form (competitions.outbox.topic-partitions
     * is COMPETITIONS_OUTBOX_TOPIC_PARTITIONS).
     */
    Set<String> knownEnvironment(Module module) {
        Set<String> names = new TreeSet<>();
        for (Properties properties : List.of(shared, module.config())) {
            for (String key : properties.stringPropertyNames()) {
                String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                names.add(unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
                Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
