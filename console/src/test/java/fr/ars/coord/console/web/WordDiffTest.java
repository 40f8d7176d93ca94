package fr.ars.coord.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aCorrectionShowsTheWordsItDroppedAndTheOnesItAdded() {
        List<WordDiff.Part> diff = WordDiff.between(
                "Environ 12 000 patients seraient concernés.", "Environ 13 500 patients seraient concernés.");
        assertThat(diff)
                .containsExactly(
                        new WordDiff.Part(WordDiff.Kind.SAME, "Environ"),
                        new WordDiff.Part(WordDiff.Kind.REMOVED, "12 000"),
                        new WordDiff.Part(WordDiff.Kind.ADDED, "13 500"),
                        new WordDiff.Part(WordDiff.Kind.SAME, "patients seraient concernés."));
    }

    @Test
    void identicalTextsAreOneUnchangedPartAndEmptyOnesNothing() {
        assertThat(WordDiff.between("Le texte.", "Le  texte."))
                .containsExactly(new WordDiff.Part(WordDiff.Kind.SAME, "Le texte."));
        assertThat(WordDiff.between("", null)).isEmpty();
        assertThat(WordDiff.between(null, "Nouveau."))
                .containsExactly(new WordDiff.Part(WordDiff.Kind.ADDED, "Nouveau."));
    }

    @Test
    void rebuildingEitherSideFromThePartsGivesTheTextBack() {
        String before = "Les données exposées sont : nom, prénom et âge. Aucune donnée médicale.";
        String after =
                "Les données exposées sont : nom, prénom, âge et téléphone. Les dossiers médicaux sont épargnés.";
        List<WordDiff.Part> diff = WordDiff.between(before, after);
        assertThat(join(diff, WordDiff.Kind.ADDED)).isEqualTo(before);
        assertThat(join(diff, WordDiff.Kind.REMOVED)).isEqualTo(after);
    }

    @Test
    void veryLongTextsAreComparedWhole() {
        String longText = "mot ".repeat(3001).strip();
        assertThat(WordDiff.between(longText, longText + " fin")).hasSize(2);
    }

    private static String join(List<WordDiff.Part> parts, WordDiff.Kind skipped) {
        return String.join(
                " ",
                parts.stream()
                        .filter(p -> p.kind() != skipped)
                        .map(WordDiff.Part::text)
                        .toList());
    }
}
