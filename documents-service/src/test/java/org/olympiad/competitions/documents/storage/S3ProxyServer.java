package org.olympiad.competitions.documents.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real S3-compatible server for the S3 store's tests: S3Proxy (from Maven Central, copied to target/s3proxy by the
 * build) with its file-system backend, run as a separate process on a free port. It can be stopped and started again
 * on the same data to make the store fail the way a storage outage does.
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    static final String IDENTITY = "documents-test";
    static final String CREDENTIAL = "documents-test-secret";
    static final String BUCKET = "competitions-documents-test";

    private static Process process;
    private static int port;
    private static Path properties;

    @Override
    public Map<String, String> start() {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = Files.createTempDirectory("s3proxy-data");
            properties = Files.createTempFile("s3proxy", ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data));
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy could not be started", e);
        }
        return Map.of(
                "competitions.documents.store.kind", "s3",
                "competitions.documents.store.s3.endpoint", endpoint(),
                "competitions.documents.store.s3.bucket", BUCKET,
                "competitions.documents.store.s3.access-key", IDENTITY,
                "competitions.documents.store.s3.secret-key", CREDENTIAL,
                "competitions.documents.store.s3.path-style", "true");
    }

    @Override
    public void stop() {
        halt();
    }

    static String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server (again, on the same port and data) and waits until it accepts connections. */
    static synchronized void launch() throws IOException {
        Path jar = Path.of("target/s3proxy/s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the build copies it before the tests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx128m", "-jar", jar.toString(), "--properties", properties.toString()))
                .redirectErrorStream(true).redirectOutput(Path.of("target/s3proxy/s3proxy.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy exited; see target/s3proxy/s3proxy.log");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("S3Proxy did not listen on " + port + " within 60 s");
    }

    /** Stops the server, as an outage would. */
    static synchronized void halt() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
