package org.olympiad.competitions.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * PostgreSQL for the local stack (deploy/local/up.sh) on a machine without a PostgreSQL server.
 * Run it with the module's runtime classpath, which {@code mvn package} copies to deploy/local-stack/target/lib:
 *
 * <pre>
 * java -cp 'deploy/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:deploy/local-stack/target/lib/*' \
 *      org.olympiad.competitions.localstack.LocalPostgres start --port 15432 --data-dir .local/postgres
 * java -cp ... org.olympiad.competitions.localstack.LocalPostgres create-databases \
 *      --host 127.0.0.1 --port 15432 --user postgres [--suffix _test] registration venue ...
 * </pre>
 *
 * {@code start} runs a real PostgreSQL (zonky's binaries, unpacked under java.io.tmpdir) that keeps its data in
 * the given directory between runs, and blocks until the JVM is stopped (SIGTERM or Ctrl-C), which stops the
 * server. {@code create-databases} creates {@code competitions_<name><suffix>} for each name that is missing.
 */
public final class LocalPostgres {

    /** Database names are built from these parts and then quoted, but keep them plain all the same. */
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9_]*");
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(30);

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no command");
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "start" -> start(options.intValue("--port"), Path.of(options.required("--data-dir")));
            case "create-databases" -> {
                try {
                    createDatabases(options);
                } catch (SQLException e) {            // a one-line reason is enough for the scripts' output
                    System.err.println("LocalPostgres: " + e.getMessage());
                    System.exit(1);
                }
            }
            default -> usage("unknown command " + args[0]);
        }
    }

    /** Starts the embedded server and parks the main thread; the shutdown hook stops the server on SIGTERM. */
    private static void start(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        long begin = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)          // keep the data: initdb runs only on an empty directory
                .setRegisterShutdownHook(false)        // ours below closes it
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalPostgres: stopping PostgreSQL on port " + port);
            try {
                postgres.close();                      // pg_ctl stop, waits for the server to exit
            } catch (Exception e) {
                System.err.println("LocalPostgres: stopping failed: " + e);
            }
            stopped.countDown();
        }, "local-postgres-stop"));
        System.out.printf("LocalPostgres: PostgreSQL ready on 127.0.0.1:%d (user postgres, data %s) in %d ms%n",
                port, dataDir.toAbsolutePath(), (System.nanoTime() - begin) / 1_000_000);
        stopped.await();                               // until the JVM is asked to exit
    }

    /** Creates each competitions_&lt;name&gt;&lt;suffix&gt; database that does not exist yet. */
    private static void createDatabases(Options options) throws Exception {
        String suffix = options.value("--suffix", "");
        if (options.names.isEmpty()) {
            usage("create-databases needs at least one service name");
        }
        String url = "jdbc:postgresql://" + options.value("--host", "127.0.0.1") + ":" + options.intValue("--port")
                + "/postgres";
        String user = options.value("--user", "postgres");
        String password = System.getenv().getOrDefault("COMPETITIONS_DB_PASSWORD", "postgres");
        try (Connection connection = connect(url, user, password)) {
            for (String name : options.names) {
                String database = "competitions_" + name + suffix;
                if (!NAME_PART.matcher(database).matches()) {
                    usage("not a plain database name: " + database);
                }
                if (exists(connection, database)) {
                    System.out.println("LocalPostgres: database " + database + " exists");
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                    System.out.println("LocalPostgres: created database " + database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) {   // duplicate_database: created meanwhile by another run
                        throw e;
                    }
                    System.out.println("LocalPostgres: database " + database + " exists");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Connects, retrying for a while when the server is still starting (connection errors are SQLState 08xxx). */
    private static Connection connect(String url, String user, String password) throws Exception {
        long deadline = System.nanoTime() + CONNECT_RETRY.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                boolean notYet = e.getSQLState() != null && e.getSQLState().startsWith("08")
                        || "57P03".equals(e.getSQLState());   // cannot_connect_now: the server is starting up
                if (!notYet || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void usage(String problem) {
        System.err.println("LocalPostgres: " + problem);
        System.err.println("usage: LocalPostgres start --port P --data-dir D");
        System.err.println("       LocalPostgres create-databases --host H --port P --user U [--suffix S] name...");
        System.exit(2);
    }

    /** "--key value" pairs after the command, and the plain words (service names). */
    private record Options(java.util.Map<String, String> values, List<String> names) {

        static Options parse(String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        usage(args[i] + " needs a value");
                    }
                    values.put(args[i], args[++i]);
                } else {
                    names.add(args[i]);
                }
            }
            return new Options(values, names);
        }

        String value(String key, String fallback) {
            return values.getOrDefault(key, fallback);
        }

        String required(String key) {
            String value = values.get(key);
            if (value == null) {
                usage("missing " + key);
            }
            return value;
        }

        int intValue(String key) {
            try {
                return Integer.parseInt(required(key));
            } catch (NumberFormatException e) {
                usage(key + " is not a number: " + values.get(key));
                return -1;
            }
        }
    }
}
