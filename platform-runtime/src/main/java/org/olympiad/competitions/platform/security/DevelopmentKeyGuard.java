package org.olympiad.competitions.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The development signing key is public (it is in the repository), so tokens signed with it prove nothing.
 * In the prod profile a service refuses to start when it is configured to trust that key.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    static final String DEV_PUBLIC_KEY = "dev-jwt/dev-jwt-public.pem";

    void check(@Observes StartupEvent ignored,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod && location.isPresent() && trustsDevelopmentKey(location.get())) {
            throw new IllegalStateException("refusing to start: production trusts the development JWT key ("
                    + location.get() + "); set JWT_PUBLIC_KEY_LOCATION to the identity service's public key");
        }
    }

    static boolean trustsDevelopmentKey(String location) {
        String dev = read(DEV_PUBLIC_KEY);
        if (location.endsWith(DEV_PUBLIC_KEY) || dev == null) {
            return location.endsWith(DEV_PUBLIC_KEY);
        }
        String configured = read(location);
        return configured != null && normalise(configured).equals(normalise(dev));
    }

    private static String read(String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException ignored) {
            // fall through to the file system
        }
        try {
            Path file = Path.of(path.startsWith("file:") ? path.substring(5) : path);
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String normalise(String pem) {
        return pem.replaceAll("\\s", "");
    }
}
