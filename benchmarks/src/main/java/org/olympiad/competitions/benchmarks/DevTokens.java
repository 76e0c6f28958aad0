package org.olympiad.competitions.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Development JWTs, made as {@code deploy/local/token.sh} makes them: RS256 over the repository's development key
 * ({@code deploy/local/dev-jwt/dev-jwt-private.pem}, PKCS#8), issuer {@code https://identity.olympiad.local},
 * {@code sub} the user's uuid, {@code groups} = [role], {@code iat}, {@code exp} (8 hours), {@code jti}. The local
 * profile trusts them; production refuses the key. Signing costs about a millisecond, so a run signs its tokens
 * before it starts measuring.
 */
final class DevTokens {

    static final String ISSUER = "https://identity.olympiad.local";
    private static final long TTL_SECONDS = 8 * 3600;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    static DevTokens fromPem(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(pem + " is not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DevTokens(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the RSA key in " + pem + ": " + e.getMessage(), e);
        }
    }

    /** A signed token for the role and user. */
    String sign(String role, UUID user) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"competitions-platform\",\"sub\":\"" + user + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + TTL_SECONDS) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header) + "." + b64(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** {@code Bearer <token>} for a fresh user of the role. */
    String bearer(String role) {
        return "Bearer " + sign(role, UUID.randomUUID());
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
