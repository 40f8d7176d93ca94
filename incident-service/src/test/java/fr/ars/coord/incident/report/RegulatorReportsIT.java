package fr.ars.coord.incident.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.BinaryResponse;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegulatorReportsIT extends IncidentServiceITBase {

    private String incident;
    private String assessmentEvent;
    private Instant beforeAssessment;

    private void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    /** The reference case in Hauts-de-France, recorded through the API. */
    @BeforeEach
    void referenceCase() throws InterruptedException {
        incident = report(HDF);
        String staff = TestTokens.arsStaff(HDF);
        significant(incident, staff);
        ok(
                api.put(
                        "/api/incidents/" + incident + "/classification",
                        staff,
                        "{\"taxonomyClass\":"
                                + " \"intrusions/unprivileged-account-compromise\", \"relatedClasses\":"
                                + " [\"information-content-security/unauthorised-information-access\"], \"tlp\": \"TLP:AMBER+STRICT\"}"));
        Thread.sleep(5);
        beforeAssessment = Instant.now();
        Thread.sleep(5);
        ok(api.post("/api/incidents/" + incident + "/assessments", staff, identityAssessment(12000)));
        ok(api.post(
                "/api/incidents/" + incident + "/containment-actions",
                TestTokens.esanteStaff(HDF),
                "{\"action\": \"ACCOUNTS_BLOCKED\", \"description\": \"Comptes du professionnel usurpé bloqués\"}"));
        ok(
                api.post(
                        "/api/incidents/" + incident + "/authority-notifications",
                        staff,
                        "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"2025-11-21T20:00:00Z\", \"reference\": \"CS-2025-1\"}"));
        ok(api.post(
                "/api/incidents/" + incident + "/authority-notifications",
                staff,
                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-25T10:00:00Z\", \"reference\": \"CNIL-7\","
                        + " \"lateReason\": \"Périmètre des données confirmé le 25 novembre\"}"));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        for (JsonNode entry : history) {
            if (entry.get("type").asText().equals("IncidentAssessedEvent")) {
                assessmentEvent = entry.get("eventId").asText();
            }
        }
    }

    private static List<String> statements(JsonNode report) {
        List<String> texts = new ArrayList<>();
        report.get("sections")
                .forEach(s ->
                        s.get("statements").forEach(t -> texts.add(t.get("text").asText())));
        return texts;
    }

    private static JsonNode statement(JsonNode report, String startingWith) {
        for (JsonNode section : report.get("sections")) {
            for (JsonNode statement : section.get("statements")) {
                if (statement.get("text").asText().startsWith(startingWith)) {
                    return statement;
                }
            }
        }
        throw new AssertionError("no statement starting with " + startingWith + " in " + report);
    }

    private String pdfText(String kind) throws IOException {
        return pdfText(kind, "");
    }

    /** The report's text read back from its PDF, {@code query} added to its URL ({@code ?asOf=...}). */
    private String pdfText(String kind, String query) throws IOException {
        BinaryResponse pdf = api.getBytes(
                "/api/incidents/" + incident + "/reports/" + kind + query,
                TestTokens.national(),
                "Accept",
                "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        // kept for a reader to look at: target/reports/<kind>.pdf
        java.nio.file.Path kept = java.nio.file.Path.of("target", "reports", kind + ".pdf");
        java.nio.file.Files.createDirectories(kept.getParent());
        java.nio.file.Files.write(kept, pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            // the label at the top and at the bottom of every page
            int labels = text.split("TLP:AMBER\\+STRICT", -1).length - 1;
            assertThat(labels)
                    .as("TLP label on each page of %s", kind)
                    .isGreaterThanOrEqualTo(2 * document.getNumberOfPages());
            return text.replaceAll("\\s+", " ");
        }
    }

    @Test
    void theCnilNotificationSaysWhatArticle33Asks() throws IOException {
        JsonNode report = api.get("/api/incidents/" + incident + "/reports/cnil-notification", TestTokens.arsStaff(HDF))
                .json();
        assertThat(report.get("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(report.get("legalBasis").asText()).contains("art. 33");
        List<String> headings = new ArrayList<>();
        report.get("sections").forEach(s -> headings.add(s.get("heading").asText()));
        assertThat(headings)
                .anyMatch(h -> h.startsWith("a) Nature"))
                .anyMatch(h -> h.startsWith("b) Point"))
                .anyMatch(h -> h.startsWith("c) Conséquences"))
                .anyMatch(h -> h.startsWith("d) Mesures"));
        JsonNode categories = statement(report, "Catégories de données concernées");
        assertThat(categories.get("text").asText()).contains("nom, prénom, âge, téléphone, adresse électronique");
        assertThat(categories.get("eventIds").get(0).asText()).isEqualTo(assessmentEvent);
        assertThat(statement(report, "Nombre approximatif de personnes concernées")
                        .get("text")
                        .asText())
                .contains("12 000 patients");
        assertThat(statements(report))
                .anyMatch(t -> t.startsWith("Risque d'hameçonnage"))
                .anyMatch(t -> t.contains("comptes bloqués : Comptes du professionnel usurpé bloqués"))
                .anyMatch(t -> t.contains("après l'échéance. Motif du retard : Périmètre des données confirmé"));
        assertThat(report.at("/obligation/late").asBoolean()).isTrue();
        // the 72 hours are the regulation's own; CERT Santé's 24 hours are a ceiling where the code says "sans délai"
        assertThat(statements(report)).anyMatch(t -> t.contains("(RGPD, art. 33 ; délai légal)"));
        assertThat(statements(api.get(
                                "/api/incidents/" + incident + "/reports/cert-sante-declaration",
                                TestTokens.arsStaff(HDF))
                        .json()))
                .anyMatch(t -> t.contains("D.1111-16-3 ; délai recommandé"));

        String pdf = pdfText("cnil-notification");
        assertThat(pdf)
                .contains("Notification de violation de données personnelles à la CNIL")
                .contains("nom, prénom, âge, téléphone, adresse électronique")
                .contains("12 000 patients")
                .contains("Motif du retard : Périmètre des données confirmé")
                .contains(assessmentEvent);
    }

    /** GDPR art. 33(3)(a): what the assessment holds is said, what no event holds is "non renseigné". */
    @Test
    void theCnilNatureSaysWhatIsRecordedAndNothingElse() throws IOException {
        String pdf = pdfText("cnil-notification");
        assertThat(pdf)
                .contains("Type(s) de violation (atteinte à la confidentialité, à l'intégrité ou à la disponibilité"
                        + " des données) : non renseigné(s)")
                .contains("Mode opératoire : usurpation du compte d'un utilisateur légitime")
                .contains("Catégories de données concernées selon la dernière évaluation")
                .contains("nom, prénom, âge, téléphone, adresse électronique")
                .contains("Données de santé : aucune exposée selon cette évaluation")
                .contains("Catégories de personnes concernées : non renseignées")
                .contains("Nombre approximatif de personnes concernées : 12 000 patients")
                .contains("Nombre approximatif d'enregistrements concernés : non renseigné")
                .doesNotContain("un par patient")
                .doesNotContain("Violation de la confidentialité")
                .doesNotContain("accès non autorisé à des données personnelles")
                // a fact no event holds rests on none, and is not said to come from the configuration either
                .contains("d'enregistrements concernés : non renseigné. Source : aucun événement enregistré ne le"
                        + " précise");
        // the assessment does not say the risk is high, and nothing was decided: no duty is claimed
        assertThat(pdf)
                .contains("Niveau de risque pour les droits et libertés des personnes : non renseigné")
                .doesNotContain("doivent en être informé")
                .doesNotContain("Information des personnes concernées");

        JsonNode report = api.get("/api/incidents/" + incident + "/reports/cnil-notification", TestTokens.arsStaff(HDF))
                .json();
        assertThat(statement(report, "Nombre approximatif d'enregistrements concernés")
                        .get("eventIds"))
                .isEmpty();
        assertThat(statement(report, "Catégories de personnes concernées").get("eventIds"))
                .isEmpty();
    }

    /** An assessment that says what the breach did, whose data and how many records: the report says it, cited. */
    @Test
    void theCnilNatureStatesTheBreachTypesPeopleAndRecordsTheAssessmentRecorded() throws IOException {
        String staff = TestTokens.arsStaff(HDF);
        ok(api.post("/api/incidents/" + incident + "/assessments", staff, """
                {"exposedData": ["LAST_NAME", "EMAIL"], "medicalDataExposed": false, "estimatedPatients": 300,
                 "estimatedRecords": 1250, "breachTypes": ["INTEGRITY", "CONFIDENTIALITY"],
                 "dataSubjects": ["PROFESSIONALS", "PATIENTS"]}"""));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        String assessed = null;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("IncidentAssessedEvent")) {
                assessed = event.get("eventId").asText();
            }
        }
        JsonNode view = api.get("/api/incidents/" + incident, staff).json();
        assertThat(view.at("/latestAssessment/estimatedRecords").asLong()).isEqualTo(1250);
        assertThat(view.at("/latestAssessment/breachTypes").toString())
                .isEqualTo("[\"CONFIDENTIALITY\",\"INTEGRITY\"]");
        assertThat(view.at("/latestAssessment/dataSubjects").toString()).isEqualTo("[\"PATIENTS\",\"PROFESSIONALS\"]");

        assertThat(pdfText("cnil-notification"))
                .contains("Type(s) de violation selon la dernière évaluation : atteinte à la confidentialité (données"
                        + " divulguées ou consultées), atteinte à l'intégrité (données modifiées).")
                .contains("Catégories de personnes concernées selon la dernière évaluation : patients, professionnels"
                        + " de santé.")
                .contains("Nombre approximatif d'enregistrements concernés : 1 250 (estimation de la dernière"
                        + " évaluation).")
                .doesNotContain("non renseigné(s) dans le dossier")
                .doesNotContain("atteinte à la disponibilité");
        JsonNode report = api.get("/api/incidents/" + incident + "/reports/cnil-notification", staff)
                .json();
        for (String start : new String[] {
            "Type(s) de violation",
            "Catégories de personnes concernées",
            "Nombre approximatif d'enregistrements concernés"
        }) {
            assertThat(statement(report, start).get("eventIds").get(0).asText())
                    .as(start)
                    .isEqualTo(assessed);
        }
        // the breach register holds them too, in JSON and in CSV
        // (the register lists the incidents of the incident list, which follows the events within moments)
        JsonNode entry = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> {
                            for (JsonNode e : api.get("/api/incidents/breach-register", staff)
                                    .json()) {
                                if (e.get("incidentId").asText().equals(incident)) {
                                    return e;
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
        assertThat(entry.get("estimatedRecords").asLong()).isEqualTo(1250);
        assertThat(entry.get("dataSubjects").toString()).isEqualTo("[\"PATIENTS\",\"PROFESSIONALS\"]");
        String csv = api.get("/api/incidents/breach-register?format=csv", staff).body();
        assertThat(csv.lines()
                        .filter(line -> line.startsWith(incident))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",1250,CONFIDENTIALITY INTEGRITY,PATIENTS PROFESSIONALS");

        // an assessment that does not say them again leaves them unknown, not carried over
        ok(api.post("/api/incidents/" + incident + "/assessments", staff, """
                {"exposedData": ["LAST_NAME"], "medicalDataExposed": false, "estimatedPatients": 300}"""));
        assertThat(pdfText("cnil-notification"))
                .contains("Nombre approximatif d'enregistrements concernés : non renseigné")
                .contains("Catégories de personnes concernées : non renseignées");
    }

    @Test
    void beforeAnyAssessmentTheCnilNotificationSaysNoNumberOfPeopleNorOfRecords() throws IOException {
        String then = pdfText("cnil-notification", "?asOf=" + beforeAssessment);
        assertThat(then)
                .contains("Données concernées : pas encore évaluées")
                .contains("Catégories de personnes concernées : non renseignées")
                .contains("Nombre approximatif de personnes concernées : non renseigné")
                .contains("Nombre approximatif d'enregistrements concernés : non renseigné")
                .doesNotContain("12 000")
                .doesNotContain("un par patient")
                .doesNotContain("doivent en être informé");
    }

    /** GDPR art. 34: the report follows the agency's recorded decision, never a duty it did not record. */
    @Test
    void thePatientsInformationFollowsTheDecisionRecorded() throws IOException {
        String staff = TestTokens.arsStaff(HDF);
        ok(api.post("/api/incidents/" + incident + "/assessments", staff, """
                {"exposedData": ["LAST_NAME", "FIRST_NAME", "MEDICAL_RECORD"], "medicalDataExposed": true,
                 "estimatedPatients": 800, "affectedSystems": ["portail régional"], "note": "comptes rendus"}"""));
        String undecided = pdfText("cnil-notification");
        assertThat(undecided)
                .contains("Risque élevé pour les droits et libertés des personnes (RGPD art. 34(1))")
                .contains("Information des personnes concernées (RGPD art. 34) : décision non encore enregistrée")
                .contains("Données de santé : exposées selon cette évaluation")
                .contains("Nombre approximatif de personnes concernées : 800 patients")
                .doesNotContain("doivent en être informé")
                .doesNotContain("12 000");

        ok(api.post("/api/incidents/" + incident + "/patient-information", staff, """
                {"decision": "NOT_REQUIRED", "reason": "Comptes rendus chiffrés, clé non compromise"}"""));
        String notRequired = pdfText("cnil-notification");
        assertThat(notRequired)
                .contains("Information des personnes concernées non requise (RGPD art. 34(3)) :"
                        + " Comptes rendus chiffrés, clé non compromise.")
                .doesNotContain("doivent")
                .doesNotContain("décision non encore enregistrée")
                .doesNotContain("art. 34(1)) : personnes informées");

        ok(api.post("/api/incidents/" + incident + "/patient-information", staff, """
                {"decision": "REQUIRED"}"""));
        assertThat(pdfText("cnil-notification"))
                .contains("Information des personnes concernées décidée (RGPD art. 34(1)) ; sa réalisation n'est pas"
                        + " encore enregistrée")
                .doesNotContain("non requise")
                .doesNotContain("doivent en être informé");

        ok(api.post("/api/incidents/" + incident + "/patient-information", staff, """
                {"decision": "REQUIRED", "channel": "INDIVIDUAL", "informedAt": "2025-11-24T09:00:00Z",
                 "patientsInformed": 790}"""));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        String informed = history.get(history.size() - 1).get("eventId").asText();
        assertThat(pdfText("cnil-notification"))
                .contains("Information des personnes concernées décidée (RGPD art. 34(1)) : personnes informées le"
                        + " 24/11/2025 à 10:00 (heure de Paris)")
                .contains("Patients informés le 24/11/2025 à 10:00 (heure de Paris) (790 patients), par message"
                        + " individuel")
                .contains(informed)
                .doesNotContain("non requise")
                .doesNotContain("doivent en être informé");
    }

    /** A CNIL notification meets art. 33 whatever its kind (the obligation policy's rule): the report says so. */
    @Test
    void aCnilNotificationOfAnotherKindIsTheOneTransmitted() throws IOException {
        String staff = TestTokens.arsStaff(HDF);
        ok(api.post(
                "/api/incidents/" + incident + "/authority-notifications",
                staff,
                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-22T08:00:00Z\", \"reference\": \"CNIL-1\","
                        + " \"kind\": \"DECLARATION\"}"));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        String declaration = history.get(history.size() - 1).get("eventId").asText();

        JsonNode report = api.get("/api/incidents/" + incident + "/reports/cnil-notification", staff)
                .json();
        assertThat(report.at("/obligation/status").asText()).isEqualTo("MET");
        assertThat(report.at("/obligation/metAt").asText()).isEqualTo("2025-11-22T08:00:00Z");
        JsonNode transmitted = statement(report, "Transmis le");
        assertThat(transmitted.get("text").asText())
                .isEqualTo("Transmis le 22/11/2025 à 09:00 (heure de Paris) (référence CNIL-1), dans le délai.");
        assertThat(transmitted.get("eventIds").get(0).asText()).isEqualTo(declaration);

        assertThat(pdfText("cnil-notification"))
                .contains("Transmis le 22/11/2025 à 09:00 (heure de Paris) (référence CNIL-1), dans le délai.")
                .contains(declaration)
                .doesNotContain("Motif du retard");
    }

    @Test
    void everyKindReadsBackFromItsPdfWithItsFacts() throws IOException {
        assertThat(pdfText("cert-sante-declaration"))
                .contains("Déclaration d'incident de sécurité à CERT Santé")
                .contains("Date de prise de connaissance : 21/11/2025 à 18:30 (heure de Paris)")
                .contains("référence CS-2025-1")
                .contains("dans le délai")
                .contains("intrusions/unprivileged-account-compromise");
        assertThat(pdfText("nis2-early-warning"))
                .contains("Alerte précoce à l'ANSSI")
                .contains("Acte illicite ou malveillant suspecté : oui")
                .contains("Impact transfrontière : non renseigné (aucun élément enregistré")
                .contains("Source : aucun événement enregistré ne le précise");
        assertThat(pdfText("nis2-notification"))
                .contains("Évaluation initiale : gravité et impact")
                .contains("Indicateurs de compromission : non renseignés dans la plateforme.")
                .doesNotContain("canal technique")
                .contains("12 000 patients");
        // not resolved: a progress report in place of the final one
        assertThat(pdfText("nis2-final-report"))
                .contains("Rapport d'avancement à l'ANSSI")
                .contains("ii) Type de menace ou cause profonde")
                .contains("comptes bloqués");
    }

    @Test
    void theIndicatorsListedAreTheObservablesStandingWithTheirLabelAndTheEventThatRecordedThem() throws IOException {
        String staff = TestTokens.arsStaff(HDF);
        String observables = "/api/incidents/" + incident + "/observables";
        Response domain = api.post(observables, staff, """
                {"type": "domain-name", "value": "ameli-remboursement[.]example", "role": "PHISHING_SENDER",
                 "firstSeen": "2025-11-20T08:00:00Z", "lastSeen": "2025-11-21T17:00:00Z", "tlp": "TLP:RED",
                 "confidence": 80}""");
        ok(domain);
        Response address = api.post(
                observables,
                staff,
                "{\"type\": \"ipv4-addr\", \"value\": \"203.0.113.7\", \"role\": \"INTRUSION_SOURCE\"}");
        ok(address);
        ok(api.post(
                observables + "/" + address.json().get("observableId").asText() + "/withdrawal",
                staff,
                "{\"reason\": \"Adresse du prestataire\"}"));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        String recordedEvent = null;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("ObservableRecordedEvent")) {
                recordedEvent = recordedEvent == null ? event.get("eventId").asText() : recordedEvent;
            }
        }

        for (String kind : List.of("cert-sante-declaration", "nis2-notification", "nis2-final-report")) {
            JsonNode report = api.get("/api/incidents/" + incident + "/reports/" + kind, staff)
                    .json();
            JsonNode indicator = statement(report, "domain-name ");
            assertThat(indicator.get("text").asText())
                    .as(kind)
                    .isEqualTo(
                            "domain-name ameli-remboursement.example (expéditeur de l'hameçonnage) : TLP:RED, vu du"
                                    + " 20/11/2025 à 09:00 (heure de Paris) au 21/11/2025 à 18:00 (heure de Paris), confiance 80 %.");
            assertThat(indicator.get("eventIds").get(0).asText()).isEqualTo(recordedEvent);
            assertThat(report.toString()).as("a withdrawn one is not listed").doesNotContain("203.0.113.7");
            assertThat(report.toString()).doesNotContain("Indicateurs de compromission : non renseign");
        }
        assertThat(pdfText("nis2-notification"))
                .contains("ameli-remboursement.example")
                .contains("TLP:RED");
    }

    @Test
    void anObligationWaivedAtClosureIsSaidNotDoneWithTheReasonRecorded() throws IOException {
        String staff = TestTokens.arsStaff(HDF);
        for (String status : List.of("CONTAINED", "RESOLVED")) {
            ok(api.post("/api/incidents/" + incident + "/status", staff, "{\"status\": \"" + status + "\"}"));
        }
        ok(api.post("/api/incidents/" + incident + "/status", TestTokens.esanteStaff(HDF), """
                {"status": "CLOSED", "waivers": [
                 {"code": "CERT_SANTE_CLOSURE", "reason": "Clôture déclarée par téléphone"},
                 {"code": "NIS2_EARLY_WARNING", "reason": "Entité informée directement par l'ANSSI"},
                 {"code": "NIS2_NOTIFICATION", "reason": "Notification faite par l'établissement"}]}"""));
        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", staff).json();
        String closure = history.get(history.size() - 1).get("eventId").asText();

        JsonNode report = api.get("/api/incidents/" + incident + "/reports/nis2-early-warning", staff)
                .json();
        assertThat(report.at("/obligation/status").asText()).isEqualTo("WAIVED");
        assertThat(report.at("/obligation/waiverReason").asText()).isEqualTo("Entité informée directement par l'ANSSI");
        JsonNode waived = statement(report, "Non réalisée : Entité informée directement par l'ANSSI");
        assertThat(waived.get("text").asText())
                .contains("dérogation enregistrée à la clôture de l'incident le")
                .endsWith("par esante-hdf (GRADES)).");
        assertThat(waived.get("eventIds").get(0).asText()).isEqualTo(closure);
        assertThat(statements(report))
                .anyMatch(t -> t.startsWith("État de l'incident : clos"))
                .noneMatch(t -> t.startsWith("Transmis le"));
        // a met obligation says when it was met, and nothing of waivers
        assertThat(statements(api.get("/api/incidents/" + incident + "/reports/cert-sante-declaration", staff)
                        .json()))
                .anyMatch(t -> t.startsWith("Transmis le"))
                .noneMatch(t -> t.startsWith("Non réalisée"));

        assertThat(pdfText("nis2-notification"))
                .contains("Non réalisée : Notification faite par l'établissement")
                .contains("dérogation enregistrée à la clôture")
                .contains(closure);
    }

    @Test
    void asOfShowsTheReportAsItWouldHaveBeenThen() {
        JsonNode then = api.get(
                        "/api/incidents/" + incident + "/reports/cnil-notification?asOf=" + beforeAssessment,
                        TestTokens.national())
                .json();
        assertThat(then.get("asOfView").asBoolean()).isTrue();
        assertThat(statements(then))
                .anyMatch(t -> t.startsWith("Données concernées : pas encore évaluées"))
                .noneMatch(t -> t.contains("12 000"))
                .noneMatch(t -> t.contains("un par patient"));
    }

    @Test
    void sameAccessAsTheIncidentAndBadInputNamed() {
        String path = "/api/incidents/" + incident + "/reports/cert-sante-declaration";
        assertThat(api.get(path, TestTokens.arsStaff(NOR)).status()).isEqualTo(404);
        assertThat(api.get(path, TestTokens.auditor()).status()).isEqualTo(200);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        Response unknown = api.get("/api/incidents/" + incident + "/reports/everything", TestTokens.arsStaff(HDF));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("kind");
        Response future = api.get(path + "?asOf=2999-01-01T00:00:00Z", TestTokens.arsStaff(HDF));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("asOf");
        assertThat(api.getBytes(path, TestTokens.arsStaff(NOR), "Accept", "application/pdf")
                        .status())
                .isEqualTo(404);
    }
}
