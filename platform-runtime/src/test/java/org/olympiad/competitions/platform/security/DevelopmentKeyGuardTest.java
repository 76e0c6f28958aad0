package org.olympiad.competitions.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentKeyGuardTest {

    @Test
    void the_development_key_is_recognised_by_location_and_by_content(@TempDir Path dir) throws Exception {
        assertThat(DevelopmentKeyGuard.trustsDevelopmentKey("dev-jwt/dev-jwt-public.pem")).isTrue();
        Path copy = dir.resolve("identity.pem");
        try (var in = getClass().getClassLoader().getResourceAsStream("dev-jwt/dev-jwt-public.pem")) {
            Files.write(copy, in.readAllBytes());
        }
        assertThat(DevelopmentKeyGuard.trustsDevelopmentKey(copy.toString())).as("a renamed copy").isTrue();
    }

    @Test
    void another_key_is_trusted(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("identity.pem");
        Files.writeString(other, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAother\n-----END PUBLIC KEY-----\n");
        assertThat(DevelopmentKeyGuard.trustsDevelopmentKey(other.toString())).isFalse();
    }
}
