package org.olympiad.competitions.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' entry point: {@code Bench SCENARIO [--option value ...]}, run by {@code benchmarks/run.sh}
 * against the local suite ({@code deploy/local/up.sh}). Exit codes: 0 all answered and audited; 1 a request failed
 * with a 5xx or no answer; 2 bad arguments; 3 the audit trail did not complete within {@code --audit-timeout};
 * 4 the suite is not up or the set-up failed.
 */
public final class Bench {

    static final String USAGE = """
            usage: benchmarks/run.sh SCENARIO [options]
              scenarios:
                registration         teachers register participants, one POST /seasons/{id}/registrations each
                group-registration   a teacher registers a group of --members (10000) in one POST /groups/{id}/registrations
              options (group-registration): --members N (10000), --audit-timeout, --registration-url, --audit-url, --key, --results
                venue-seats          participants take seats at venues with few seats (see VenueSeatScenario)
              options (registration):
                --clients N           concurrent closed-loop clients                      (32)
                --registrations N     measured registrations                              (20000)
                --warmup N            registrations before measuring, same season        (2000)
                --teachers N          teachers' tokens used in turn (one audit query each)  (4)
                --audit-timeout S     seconds to wait for the audit rows                  (600)
                --max-seconds S       stop sending measured registrations after S s       (0: no limit)
                --registration-url U  registration-service                                (http://127.0.0.1:8081)
                --audit-url U         audit-service                                       (http://127.0.0.1:8086)
                --key PEM             the development signing key  (deploy/local/dev-jwt/dev-jwt-private.pem)
                --results DIR         where the reports go                                (benchmarks/results)
            """;

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String scenario = args[0];
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("bench: expected --option value, got '" + args[i] + "'");
                System.err.print(USAGE);
                return 2;
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        try {
            return switch (scenario) {
                case RegistrationScenario.NAME -> registration(opts, out);
                case AttemptScenario.NAME -> AttemptScenario.run(opts, out);
                case GroupRegistrationScenario.NAME -> groupRegistration(opts, out);
                case DocumentsScenario.NAME -> DocumentsBench.run(opts, repositoryRoot(), out);
                case VenueSeatScenario.NAME -> VenueSeatScenario.main(opts, out);
                case ResultsScenario.NAME -> results(opts, out);
                default -> {
                    System.err.println("bench: unknown scenario '" + scenario + "'");
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
    }

    private static int registration(Map<String, String> opts, PrintStream out) {
        Path repo = repositoryRoot();
        RegistrationScenario.Options options = new RegistrationScenario.Options(
                positive(opts, "clients", 32), positive(opts, "registrations", 20000), atLeastZero(opts, "warmup", 2000),
                positive(opts, "teachers", 4), Duration.ofSeconds(positive(opts, "audit-timeout", 600)),
                atLeastZero(opts, "max-seconds", 0),
                trimSlash(opts.getOrDefault("registration-url", "http://127.0.0.1:8081")),
                trimSlash(opts.getOrDefault("audit-url", "http://127.0.0.1:8086")));
        Path key = Path.of(opts.getOrDefault("key", repo.resolve("deploy/local/dev-jwt/dev-jwt-private.pem").toString()));
        Path results = Path.of(opts.getOrDefault("results", repo.resolve("benchmarks/results").toString()));
        opts.keySet().removeAll(java.util.Set.of("clients", "registrations", "warmup", "teachers", "audit-timeout", "max-seconds",
                "registration-url", "audit-url", "key", "results"));
        if (!opts.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + opts.keySet() + "\n" + USAGE);
        }

        Api api = new Api(Api.newClient());
        for (String base : new String[]{options.registrationUrl(), options.auditUrl()}) {
            int status = api.status(base + "/q/health/ready");
            if (status != 200) {
                System.err.println("bench: " + base + "/q/health/ready answers " + (status < 0 ? "nothing" : status)
                        + ": the local suite is not up; start it with deploy/local/up.sh");
                return 4;
            }
        }
        RegistrationScenario.Outcome outcome;
        try {
            DevTokens tokens = DevTokens.fromPem(key);
            outcome = new RegistrationScenario(api, tokens, options, out).run();
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
        Report.print(outcome, out);
        try {
            Path file = Report.write(outcome, results);
            out.println("written: " + file + " and " + file.resolveSibling("LATEST-registration.md"));
        } catch (IOException e) {
            System.err.println("bench: could not write the report: " + e.getMessage());
        }
        if (outcome.measured.status5xx > 0 || outcome.measured.transportErrors > 0) {
            System.err.println("bench: " + outcome.measured.status5xx + " answers were 5xx and " + outcome.measured.transportErrors
                    + " requests got no answer");
            return 1;
        }
        return outcome.auditComplete() ? 0 : 3;
    }

    private static int groupRegistration(Map<String, String> opts, PrintStream out) {
        Path repo = repositoryRoot();
        int members = positive(opts, "members", 10_000);
        Duration auditTimeout = Duration.ofSeconds(positive(opts, "audit-timeout", 600));
        String registrationUrl = trimSlash(opts.getOrDefault("registration-url", "http://127.0.0.1:8081"));
        String auditUrl = trimSlash(opts.getOrDefault("audit-url", "http://127.0.0.1:8086"));
        Path key = Path.of(opts.getOrDefault("key", repo.resolve("deploy/local/dev-jwt/dev-jwt-private.pem").toString()));
        Path results = Path.of(opts.getOrDefault("results", repo.resolve("benchmarks/results").toString()));
        opts.keySet().removeAll(java.util.Set.of("members", "audit-timeout", "registration-url", "audit-url", "key", "results"));
        if (!opts.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + opts.keySet() + "\n" + USAGE);
        }
        try {
            return new GroupRegistrationScenario(new Api(Api.newClient()), DevTokens.fromPem(key), registrationUrl, auditUrl,
                    members, auditTimeout, results, out).run();
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
    }

    private static int results(Map<String, String> opts, PrintStream out) {
        Path repo = repositoryRoot();
        ResultsScenario.Options options = new ResultsScenario.Options(positive(opts, "participants", 200_000),
                trimSlash(opts.getOrDefault("results-url", "http://127.0.0.1:8084")),
                opts.getOrDefault("results-db", "jdbc:postgresql://127.0.0.1:5432/competitions_results"),
                opts.getOrDefault("db-user", "postgres"),
                Path.of(opts.getOrDefault("key", repo.resolve("deploy/local/dev-jwt/dev-jwt-private.pem").toString())),
                Path.of(opts.getOrDefault("results", repo.resolve("benchmarks/results").toString())));
        try {
            return new ResultsScenario(options, out).run();
        } catch (IOException | java.sql.SQLException e) {
            System.err.println("bench: " + e);
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
    }

    /** The repository: {@code -Dbenchmarks.repo}, else the first directory up from here holding {@code deploy/local}. */
    static Path repositoryRoot() {
        String given = System.getProperty("benchmarks.repo");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/local/dev-jwt"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static int positive(Map<String, String> opts, String name, int otherwise) {
        int v = number(opts, name, otherwise);
        if (v < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return v;
    }

    private static int atLeastZero(Map<String, String> opts, String name, int otherwise) {
        int v = number(opts, name, otherwise);
        if (v < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return v;
    }

    private static int number(Map<String, String> opts, String name, int otherwise) {
        String v = opts.get(name);
        try {
            return v == null ? otherwise : Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
