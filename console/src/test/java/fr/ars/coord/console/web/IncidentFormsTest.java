package fr.ars.coord.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentFormsTest {

    @Test
    void anAssessmentBecomesTheApiRequestWithItsCountAsANumberAndItsSystemsOnePerLine() {
        Map<String, Object> request = new IncidentForms.Assessment("k", " 13 500 ", List.of("LAST_NAME"), false, true,
                "Serveur régional\n\n  Messagerie  ", "").request();
        assertThat(request).containsEntry("estimatedPatients", 13500L)
                .containsEntry("exposedData", List.of("LAST_NAME"))
                .containsEntry("medicalDataExposed", false)
                .containsEntry("highRisk", true)
                .containsEntry("affectedSystems", List.of("Serveur régional", "Messagerie"))
                .doesNotContainKey("note");
    }

    @Test
    void whatIsNotANumberOrAnInstantGoesToTheApiAsTypedForItToNameTheField() {
        assertThat(new IncidentForms.Assessment("k", "beaucoup", null, false, false, null, null).request())
                .containsEntry("estimatedPatients", "beaucoup").containsEntry("exposedData", List.of());
        assertThat(new IncidentForms.Notification("k", "CNIL", "", "hier", "", "").request())
                .containsEntry("notifiedAt", "hier").doesNotContainKey("kind");
    }

    @Test
    void aNotificationTypedInParisTimeIsSentAsAnInstant() {
        // 23 March 2025, 10:15 in Paris (UTC+1 in winter) and 10 July, 10:15 (UTC+2 in summer)
        assertThat(IncidentForms.instantOrText("2025-03-23T10:15")).isEqualTo("2025-03-23T09:15:00Z");
        assertThat(IncidentForms.instantOrText("2025-07-10T10:15")).isEqualTo("2025-07-10T08:15:00Z");
        assertThat(IncidentForms.instantOrText(" ")).isNull();
    }

    @Test
    void anEmptyChoiceIsSentAsAbsentSoTheApiSaysItIsRequired() {
        assertThat(new IncidentForms.Containment("k", "", "Comptes bloqués.").request())
                .containsEntry("action", null).containsEntry("description", "Comptes bloqués.");
        assertThat(new IncidentForms.Status("k", "CONTAINED", " ", null, null).request())
                .containsEntry("status", "CONTAINED").doesNotContainKey("reason");
    }

    @Test
    void closingSendsTheReasonsTypedAsWaiversAndNothingElseDoes() {
        var closing = new IncidentForms.Status("k", "CLOSED", "Fin", List.of("CERT_SANTE_CLOSURE", "NIS2_FINAL_REPORT"),
                List.of(" Déclarée par l'établissement ", " "));
        assertThat(closing.request()).containsEntry("waivers", List.of(
                java.util.Map.of("code", "CERT_SANTE_CLOSURE", "reason", "Déclarée par l'établissement")));
        assertThat(closing.waiverReason("CERT_SANTE_CLOSURE")).isEqualTo(" Déclarée par l'établissement ");
        assertThat(closing.waiverReason("CNIL_NOTIFICATION")).isEmpty();
        // reasons typed but another status chosen, or none typed: no waivers at all
        assertThat(new IncidentForms.Status("k", "RESOLVED", "", List.of("CERT_SANTE_CLOSURE"), List.of("x")).request())
                .doesNotContainKey("waivers");
        assertThat(new IncidentForms.Status("k", "CLOSED", "", List.of("CERT_SANTE_CLOSURE"), List.of("")).request())
                .doesNotContainKey("waivers");
    }

    @Test
    void everyBlankFormCarriesItsOwnIdempotencyKey() {
        assertThat(IncidentForms.Assessment.blank().requestKey()).startsWith("console-")
                .isNotEqualTo(IncidentForms.Assessment.blank().requestKey());
    }
}
