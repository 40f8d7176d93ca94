package fr.ars.coord.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.ObligationCode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void everyCodeAFormOrAPageShowsHasFrenchWords() {
        Stream.of(
                        IncidentStatus.values(),
                        ContainmentAction.values(),
                        ExposedDataItem.values(),
                        ObligationCode.values(),
                        fr.ars.coord.contracts.incident.NotificationKind.values(),
                        fr.ars.coord.contracts.incident.Nis2Significance.values(),
                        fr.ars.coord.contracts.incident.SignificanceCriterion.values(),
                        fr.ars.coord.contracts.incident.CnilDecision.values())
                .flatMap(Arrays::stream)
                .forEach(code ->
                        assertThat(labels.of(code.name())).as(code.name()).isNotEqualTo(code.name()));
        assertThat(labels.of("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(labels.of(null)).isEmpty();
    }

    @Test
    void aReviewsDelaysInSecondsReadAsDaysHoursAndMinutes() {
        assertThat(labels.seconds(45L)).isEqualTo("45 s");
        assertThat(labels.seconds(72_000L)).isEqualTo("20 h 0 min");
        assertThat(labels.seconds(-(26 * 3600L + 5 * 60)))
                .as("a margin overrun: its size")
                .isEqualTo("1 j 2 h 5 min");
        assertThat(labels.seconds(null)).isEmpty();
        Stream.of("ASSESSMENT", "NOTIFICATION", "COMMUNIQUE")
                .forEach(kind -> assertThat(labels.of("CORRECTION_" + kind)).isNotEqualTo("CORRECTION_" + kind));
    }

    @Test
    void instantsAreShownInParisTimeAndCountsAsFrenchWritesThem() {
        assertThat(labels.instant("2025-11-21T17:30:00Z")).isEqualTo("21 nov. 2025 à 18:30");
        assertThat(labels.inputValue("2025-07-10T08:15:00Z")).isEqualTo("2025-07-10T10:15");
        assertThat(labels.instant("not an instant")).isEmpty();
        assertThat(labels.count(24000).replace('\u202f', ' ')).isEqualTo("24 000");
        assertThat(labels.duration("PT26H5M")).isEqualTo("1 j 2 h 5 min");
        assertThat(labels.region("FR-HDF")).isEqualTo("Hauts-de-France");
    }
}
