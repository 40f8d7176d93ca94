package fr.ars.coord.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs access tokens shaped like the {@code ars} realm's (realm roles, {@code region}, {@code org},
 * audience) with a key generated for this test JVM. Services under test trust only that key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/ars";
    public static final String AUDIENCE = "ars-api";
    private static final RSAKey KEY = generate();

    private TestTokens() {}

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey publicKey() {
        return KEY.toPublicJWK();
    }

    public static String arsStaff(String region) {
        return token("ars-" + region.substring(3).toLowerCase(), "ARS", region, "ars-staff");
    }

    public static String esanteStaff(String region) {
        return token("esante-" + region.substring(3).toLowerCase(), "GRADES", region, "esante-staff");
    }

    public static String national() {
        return token("national", "NATIONAL", null, "national-coordinator");
    }

    public static String auditor() {
        return token("auditor", "NATIONAL", null, "auditor");
    }

    public static String token(String username, String org, String region, String... roles) {
        return sign(claims(username, org, region, roles).build());
    }

    public static JWTClaimsSet.Builder claims(String username, String org, String region, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (org != null) {
            claims.claim("org", org);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        return claims;
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    /** Signs with another key: a forged token the services must refuse. */
    public static String forged(String username, String region, String... roles) {
        return sign(claims(username, "ARS", region, roles).build(), generate());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
