package org.olympiad.competitions.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens for tests, signed with the development key that the test profile trusts. */
public final class TestTokens {

    public static final String ISSUER = "https://identity.olympiad.local";
    private static volatile PrivateKey key;

    private TestTokens() {
    }

    public static String as(String role, UUID userId) {
        return Jwt.issuer(ISSUER).subject(userId.toString()).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign(key());
    }

    public static String as(String role) {
        return as(role, UUID.randomUUID());
    }

    /** The "Authorization" header value. */
    public static String bearer(String role, UUID userId) {
        return "Bearer " + as(role, userId);
    }

    public static String bearer(String role) {
        return bearer(role, UUID.randomUUID());
    }

    public static String expired(String role) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign(key());
    }

    public static String withIssuer(String issuer, String role) {
        return Jwt.issuer(issuer).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign(key());
    }

    private static PrivateKey key() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("dev-jwt/dev-jwt-private.pem");
            } catch (Exception e) {
                throw new IllegalStateException("the development key is missing from the test classpath", e);
            }
        }
        return key;
    }
}
