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
    /** The audience every service verifies ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "competitions-platform";
    private static volatile PrivateKey key;

    private TestTokens() {
    }

    public static String as(String role, UUID userId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).groups(Set.of(role))
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
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign(key());
    }

    public static String withIssuer(String issuer, String role) {
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign(key());
    }

    /** A token for another audience (another platform's API), otherwise valid. */
    public static String withAudience(String audience, String role) {
        return Jwt.issuer(ISSUER).audience(audience).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign(key());
    }

    /** A token like a valid one but signed with a key the services do not trust. */
    public static String withForeignSignature(String role) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString()).groups(Set.of(role))
                    .expiresIn(Duration.ofHours(1)).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
