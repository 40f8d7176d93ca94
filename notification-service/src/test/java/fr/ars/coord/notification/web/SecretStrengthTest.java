package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretStrengthTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // one character repeated, in several scripts and sizes
                "aaaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "0000000000000000",
                "                ",
                "éééééééééééééééé",
                "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
                // short periods, however many distinct characters they have
                "abababababababababababab",
                "azertyazertyazertyazerty",
                "1234512345123451234512345",
                "Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#",
                "Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#",
                "Password123!Password123!",
                "AbCdEfGhaBcDeFgHabcdefgh",
                // alphabet and digit runs: forwards, backwards, by twos, in either case, in other scripts
                "0123456789abcdef",
                "abcdefghijklmnop",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
                "AbCdEfGhIjKlMnOp",
                "ponmlkjihgfedcba",
                "9876543210zyxwvutsrq",
                "acegikmoqsuwy13579",
                "0123456789abcdefXYZ",
                "абвгдежзийклмноп",
                "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐ",
                "abcdefghijklmnopqrstuvwxyz0123456789",
                // keyboard rows and columns, AZERTY and QWERTY
                "qwertyuiopasdfgh",
                "QWERTYUIOPASDFGHJKL",
                "azertyuiopqsdfghjklmwxcvbn",
                "poiuytrezamlkjhgfdsq",
                "1qaz2wsx3edc4rfv5tgb",
                "1aqw2zsx3edc4rfv5tgb",
                "qwertzuiopyxcvbnm",
                // few distinct characters however long
                "abcdabcdbcdadcbaabdcbadcdbcaacbd",
                "1010011010110100101101001011010011101001"
            })
    void refusesGuessableSecrets(String secret) {
        assertThat(SecretStrength.weakness(secret))
                .as("%s: %.1f bits", secret, SecretStrength.estimatedBits(secret))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9f2c4e6a8b1d3f5e7a9c0b2d4f6e8a1c",
                "e3b0c44298fc1c149afbf4c8996fb924",
                "Xk3!pQ9#vL2@mR7$wT5%",
                "failing-webhook-secret-123",
                "hdf-webhook-secret-3f1e2c1a-9b0d-4c2e-8f7a-1b2c3d4e5f60",
                "e2e-reminder-secret-1733390000123456",
                "fixture-secret-accepting"
            })
    void acceptsRandomLookingSecrets(String secret) {
        assertThat(SecretStrength.weakness(secret))
                .as("%s: %.1f bits", secret, SecretStrength.estimatedBits(secret))
                .isEmpty();
    }

    @Test
    void acceptsRealRandomSecrets() {
        SecureRandom random = new SecureRandom();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] hex = new byte[16];
            random.nextBytes(hex);
            byte[] base64 = new byte[24];
            random.nextBytes(base64);
            for (String secret : List.of(
                    HexFormat.of().formatHex(hex),
                    HexFormat.of().withUpperCase().formatHex(hex),
                    Base64.getEncoder().encodeToString(base64),
                    Base64.getUrlEncoder().encodeToString(base64))) {
                assertThat(secret).hasSize(32);
                if (SecretStrength.weakness(secret).isPresent()) {
                    refused.add(secret + " (" + SecretStrength.estimatedBits(secret) + " bits)");
                }
            }
        }
        assertThat(refused).as("random 32-character secrets refused").isEmpty();
    }
}
