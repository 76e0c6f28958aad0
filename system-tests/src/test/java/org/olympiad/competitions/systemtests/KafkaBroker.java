package org.olympiad.competitions.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A broker of the system tests' own, run by the same script as the local stack and CI
 * ({@code deploy/local/kafka.sh}) but on other ports and data, so a test may stop and start it.
 */
final class KafkaBroker {

    static final int PORT = 19092;
    private final Path repo;
    private final Path home;

    KafkaBroker(Path repo, Path workDir) {
        this.repo = repo;
        this.home = workDir.resolve("kafka");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + PORT;
    }

    void start() {
        run("start");
    }

    void stop() {
        run("stop");
    }

    private void run(String command) {
        // to a file, not this JVM's stdout: the test runner owns that channel
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", repo.resolve("deploy/local/kafka.sh").toString(), command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolveSibling("kafka-script.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("KAFKA_PORT", Integer.toString(PORT));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(PORT + 1));
        env.put("KAFKA_HOME_DIR", home.toString());
        try {
            java.nio.file.Files.createDirectories(home.getParent());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kafka.sh " + command + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
