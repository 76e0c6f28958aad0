package org.olympiad.competitions.systemtests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite as a user runs it, started once per test JVM: fresh databases {@code competitions_<service>_system},
 * a Kafka broker of its own, and each service's packaged jar in its own process.
 */
final class Suite {

    private static Suite running;

    final KafkaBroker kafka;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Suite(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    static final java.util.List<String> SERVICES =
            java.util.List.of("registration", "venue", "attempt", "results", "documents", "audit");

    static synchronized Suite start() throws Exception {
        if (running != null) {
            return running;
        }
        Path repo = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("system.work.dir", "target/system")).toAbsolutePath();
        String dbHost = env("COMPETITIONS_DB_HOST", "127.0.0.1");
        String dbPort = env("COMPETITIONS_DB_PORT", "5432");

        Suite suite = new Suite(new KafkaBroker(repo, work));
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop));
        suite.kafka.start();
        for (String name : SERVICES) {
            String database = "competitions_" + name + "_system";
            recreateDatabase(dbHost, dbPort, database);
            ServiceProcess service = new ServiceProcess(name, repo, work);
            suite.services.put(name, service);
            service.start(database, suite.kafka.bootstrapServers(), dbHost, dbPort);
        }
        running = suite;
        return suite;
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    private void stop() {
        services.values().forEach(ServiceProcess::stop);
        kafka.stop();
    }

    /** A JDBC connection to one service's database of this suite, for tests that look at what was (not) written. */
    static Connection database(String service) throws Exception {
        return connect(env("COMPETITIONS_DB_HOST", "127.0.0.1"), env("COMPETITIONS_DB_PORT", "5432"),
                "competitions_" + service + "_system");
    }

    private static Connection connect(String host, String port, String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                env("COMPETITIONS_DB_USER", "postgres"), env("COMPETITIONS_DB_PASSWORD", "postgres"));
    }

    private static void recreateDatabase(String host, String port, String database) throws Exception {
        try (Connection c = connect(host, port, "postgres");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
