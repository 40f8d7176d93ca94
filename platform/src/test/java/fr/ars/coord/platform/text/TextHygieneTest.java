package fr.ars.coord.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextHygieneTest {

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "escape \u001B[31m rouge", "bell\u0007", "del\u007F", "c1\u0085"})
    void refusesControlCharacters(String text) {
        assertThat(TextHygiene.problem(text)).contains("contains control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"facture\u202Egnp.exe", "a\u2066b\u2069", "\u200Fsens"})
    void refusesBidirectionalControls(String text) {
        assertThat(TextHygiene.problem(text)).contains("contains bidirectional control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B\u200B", " \u00A0 ", "\uFEFF", "\u2060\u3164", "\t\n"})
    void refusesTextWithNothingVisible(String text) {
        assertThat(TextHygiene.problem(text)).contains("contains no visible character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800 high", "lone \uDC00 low", "ends high \uD83D"})
    void refusesUnpairedSurrogates(String text) {
        assertThat(TextHygiene.problem(text)).contains("contains an unpaired surrogate (invalid Unicode)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Première évaluation : données d'identité.\nSuite demain.\tFin",
                "Alerte \uD83D\uDEA8 hameçonnage",
                "Zürich – Île-de-France",
                ""
            })
    void acceptsOrdinaryText(String text) {
        assertThat(TextHygiene.problem(text)).isEmpty();
    }
}
