package fr.ars.coord.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.client.incident.model.Authority;
import fr.ars.coord.client.incident.model.ExposedDataItem;
import fr.ars.coord.client.incident.model.IncidentStatus;
import fr.ars.coord.client.incident.model.ObligationCode;
import fr.ars.coord.console.api.ApiProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentFormsTest {

    @Test
    void anAssessmentBecomesTheApiRequestWithItsCountAsANumberAndItsSystemsOnePerLine() {
        var request = new IncidentForms.Assessment(
                        "k", " 13 500 ", List.of("LAST_NAME"), false, true, "Serveur régional\n\n  Messagerie  ", "")
                .request();
        assertThat(request.getEstimatedPatients()).isEqualTo(13500L);
        assertThat(request.getExposedData()).containsExactly(ExposedDataItem.LAST_NAME);
        assertThat(request.getMedicalDataExposed()).isFalse();
        assertThat(request.getHighRisk()).isTrue();
        assertThat(request.getAffectedSystems()).containsExactly("Serveur régional", "Messagerie");
        assertThat(request.getNote()).isNull();
    }

    /** What no request can hold is refused by the form itself, naming the field as the API would. */
    @Test
    void whatIsNotANumberADateOrAKnownChoiceIsRefusedNamingTheField() {
        assertThatThrownBy(
                        () -> new IncidentForms.Assessment("k", "beaucoup", null, false, false, null, null).request())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.fieldReasons()).containsOnlyKeys("estimatedPatients");
                });
        assertThatThrownBy(() -> new IncidentForms.Notification("k", "CNIL", "", "hier", "", "").request())
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.fieldReasons()).containsOnlyKeys("notifiedAt"));
        assertThatThrownBy(() ->
                        new IncidentForms.Assessment("k", "1", List.of("GENOME"), false, false, null, null).request())
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.fieldReasons()).containsOnlyKeys("exposedData"));
    }

    @Test
    void aNotificationTypedInParisTimeIsSentAsAnInstant() {
        // 23 March 2025, 10:15 in Paris (UTC+1 in winter) and 10 July, 10:15 (UTC+2 in summer)
        assertThat(IncidentForms.instant("notifiedAt", "2025-03-23T10:15"))
                .isEqualTo(Instant.parse("2025-03-23T09:15:00Z"));
        assertThat(IncidentForms.instant("notifiedAt", "2025-07-10T10:15"))
                .isEqualTo(Instant.parse("2025-07-10T08:15:00Z"));
        assertThat(IncidentForms.instant("notifiedAt", " ")).isNull();
        var notification = new IncidentForms.Notification("k", "CNIL", "", "2025-03-23T10:15", "", "").request();
        assertThat(notification.getNotifiedAt().toInstant()).isEqualTo(Instant.parse("2025-03-23T09:15:00Z"));
        assertThat(notification.getAuthority()).isEqualTo(Authority.CNIL);
        assertThat(notification.getKind()).isNull();
    }

    /** An empty choice is sent absent, so that the API says it is required, in its words. */
    @Test
    void anEmptyChoiceIsSentAsAbsentSoTheApiSaysItIsRequired() {
        var containment = new IncidentForms.Containment("k", "", "Comptes bloqués.").request();
        assertThat(containment.getAction()).isNull();
        assertThat(containment.getDescription()).isEqualTo("Comptes bloqués.");
        var status = new IncidentForms.Status("k", "CONTAINED", " ", null, null).request();
        assertThat(status.getStatus()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(status.getReason()).isNull();
    }

    @Test
    void closingSendsTheReasonsTypedAsWaiversAndNothingElseDoes() {
        var closing = new IncidentForms.Status(
                "k",
                "CLOSED",
                "Fin",
                List.of("CERT_SANTE_CLOSURE", "NIS2_FINAL_REPORT"),
                List.of(" Déclarée par l'établissement ", " "));
        assertThat(closing.request().getWaivers()).singleElement().satisfies(waiver -> {
            assertThat(waiver.getCode()).isEqualTo(ObligationCode.CERT_SANTE_CLOSURE);
            assertThat(waiver.getReason()).isEqualTo("Déclarée par l'établissement");
        });
        assertThat(closing.waiverReason("CERT_SANTE_CLOSURE")).isEqualTo(" Déclarée par l'établissement ");
        assertThat(closing.waiverReason("CNIL_NOTIFICATION")).isEmpty();
        // reasons typed but another status chosen, or none typed: no waivers at all
        assertThat(new IncidentForms.Status("k", "RESOLVED", "", List.of("CERT_SANTE_CLOSURE"), List.of("x"))
                        .request()
                        .getWaivers())
                .isNull();
        assertThat(new IncidentForms.Status("k", "CLOSED", "", List.of("CERT_SANTE_CLOSURE"), List.of(""))
                        .request()
                        .getWaivers())
                .isNull();
    }

    @Test
    void everyBlankFormCarriesItsOwnIdempotencyKey() {
        assertThat(IncidentForms.Assessment.blank().requestKey())
                .startsWith("console-")
                .isNotEqualTo(IncidentForms.Assessment.blank().requestKey());
    }
}
