package org.olympiad.competitions.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Options and exit codes of the documents scenario ({@code benchmarks/run.sh documents}):
 * --documents N (10000), --documents-url U (http://127.0.0.1:8085), --kafka HOST:PORT (127.0.0.1:9092),
 * --registration-group G (documents-service.registration), --timeout S (600), --key PEM, --results DIR.
 * Exit: 0 the job succeeded; 1 it failed or timed out; 2 bad arguments; 4 documents-service is not up.
 */
final class DocumentsBench {

    private DocumentsBench() {
    }

    static int run(Map<String, String> opts, Path repo, PrintStream out) {
        DocumentsScenario.Options options = new DocumentsScenario.Options(
                Integer.parseInt(opts.getOrDefault("documents", "10000").replace("_", "")),
                opts.getOrDefault("documents-url", "http://127.0.0.1:8085").replaceAll("/$", ""),
                opts.getOrDefault("kafka", "127.0.0.1:9092"),
                opts.getOrDefault("registration-group", "documents-service.registration"),
                Duration.ofSeconds(Integer.parseInt(opts.getOrDefault("timeout", "600"))));
        Path key = Path.of(opts.getOrDefault("key", repo.resolve("deploy/local/dev-jwt/dev-jwt-private.pem").toString()));
        Path results = Path.of(opts.getOrDefault("results", repo.resolve("benchmarks/results").toString()));
        // run.sh passes the suite's registration and audit URLs to every scenario; this one does not use them
        opts.keySet().removeAll(Set.of("documents", "documents-url", "kafka", "registration-group", "timeout", "key",
                "results", "registration-url", "audit-url"));
        if (!opts.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + opts.keySet());
        }
        Api api = new Api(Api.newClient());
        if (api.status(options.documentsUrl() + "/q/health/ready") != 200) {
            System.err.println("bench: documents-service is not up at " + options.documentsUrl());
            return 4;
        }
        try {
            DocumentsScenario.Outcome outcome = new DocumentsScenario(api, DevTokens.fromPem(key), options, out).run();
            DocumentsScenario.print(outcome, out);
            Path file = DocumentsScenario.write(outcome, results);
            out.println("written: " + file + " and " + file.resolveSibling("LATEST-documents.md"));
            return "succeeded".equals(outcome.status()) ? 0 : 1;
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
