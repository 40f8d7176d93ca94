package fr.ars.coord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.EmbeddedStores;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import fr.ars.coord.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real incident-service on a random port, on the embedded PostgreSQL and MongoDB-compatible server,
 * trusting tokens signed by the test key. One context is shared by every integration test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestJwtDecoderConfiguration.class)
public abstract class IncidentServiceITBase {

    protected static final String HDF = "FR-HDF";
    protected static final String NOR = "FR-NOR";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        EmbeddedStores.register(registry, "incident-service-it");
        // snapshots of views every few events, so that every test's views and asOf views go through them
        registry.add("ars.incidents.view-snapshot-every", () -> "3");
        // the reminder tests sweep when they choose
        registry.add("ars.reminders.sweep-interval", () -> "PT1H");
        // NIS2 in force for every entity of Hauts-de-France (none by default), not for Normandie's
        registry.add("ars.obligations.nis2-entities", () -> "FR-HDF:*");
    }

    /** Records the incident significant under NIS2 (its NIS2 reporting clocks then run). */
    protected void significant(String id, String token) {
        ApiClient.Response decided = api.post(
                "/api/incidents/" + id + "/nis2-significance",
                token,
                "{\"significance\": \"SIGNIFICANT\", \"criteria\": [\"SEVERE_OPERATIONAL_DISRUPTION\"]}");
        if (decided.status() != 201) {
            throw new AssertionError(decided.toString());
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    /**
     * The text of a PDF the service answers {@code token}'s caller at {@code path}, without white space (lines wrap
     * where the page is narrow), and its number of pages first, as {@code "<pages>|<text>"}.
     */
    protected String pdfPagesAndText(String path, String token) throws java.io.IOException {
        fr.ars.coord.platform.testing.ApiClient.BinaryResponse pdf =
                api.getBytes(path, token, "Accept", "application/pdf");
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return document.getNumberOfPages() + "|"
                    + new org.apache.pdfbox.text.PDFTextStripper()
                            .getText(document)
                            .replaceAll("\\s+", "");
        }
    }

    protected long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    protected static String reportBody(String region, String title) {
        return """
                {"region": "%s", "title": "%s", "summary": "Compte d'un professionnel usurpé",
                 "awareAt": "2025-11-21T17:30:00Z", "attackVector": "ACCOUNT_USURPATION",
                 "operationalImpact": "NONE"}""".formatted(region, title);
    }

    protected static String identityAssessment(long patients) {
        return """
                {"exposedData": ["LAST_NAME", "FIRST_NAME", "AGE", "PHONE", "EMAIL"], "medicalDataExposed": false,
                 "estimatedPatients": %d, "affectedSystems": ["portail régional"], "note": "identité seulement"}""".formatted(patients);
    }

    /**
     * Closes the incident, naming in {@code waivers} each obligation its view shows still to meet (a clock PENDING,
     * DUE_SOON or OVERDUE: time alone never makes one of them met or another one unmet).
     */
    protected ApiClient.Response closeWaivingWhatIsUnmet(String id, String token, String reason) {
        List<String> waivers = new ArrayList<>();
        api.get("/api/incidents/" + id, token).json().get("regulatoryClocks").forEach(clock -> {
            if (UNMET.contains(clock.get("status").asText())) {
                waivers.add("{\"code\": \"" + clock.get("code").asText() + "\", \"reason\": \"" + reason + "\"}");
            }
        });
        return api.post(
                "/api/incidents/" + id + "/status",
                token,
                "{\"status\": \"CLOSED\", \"waivers\": [" + String.join(", ", waivers) + "]}");
    }

    protected static final Set<String> UNMET = Set.of("PENDING", "DUE_SOON", "OVERDUE");

    /** Reports an incident as the region's ARS staff and returns its id. */
    protected String report(String region) {
        ApiClient.Response response = api.post(
                "/api/incidents", TestTokens.arsStaff(region), reportBody(region, "Incident " + UUID.randomUUID()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
