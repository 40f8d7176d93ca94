package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.client.incident.api.IncidentFactsApi;
import fr.ars.coord.client.incident.api.IncidentsApi;
import fr.ars.coord.client.incident.model.AttackVector;
import fr.ars.coord.client.incident.model.Authority;
import fr.ars.coord.client.incident.model.ContainmentAction;
import fr.ars.coord.client.incident.model.ExposedDataItem;
import fr.ars.coord.client.incident.model.IncidentView;
import fr.ars.coord.client.incident.model.OperationalImpact;
import fr.ars.coord.client.incident.model.RecordAssessmentRequest;
import fr.ars.coord.client.incident.model.RecordAuthorityNotificationRequest;
import fr.ars.coord.client.incident.model.RecordContainmentActionRequest;
import fr.ars.coord.client.incident.model.ReportIncidentRequest;
import fr.ars.coord.client.notification.api.CommuniqusApi;
import fr.ars.coord.client.notification.api.PublicCommuniqusApi;
import fr.ars.coord.client.notification.model.CommuniqueView;
import fr.ars.coord.client.region.api.CampaignsApi;
import fr.ars.coord.client.region.api.NationalImpactApi;
import fr.ars.coord.client.region.model.LinkIncidentRequest;
import fr.ars.coord.client.region.model.NationalImpact;
import fr.ars.coord.client.region.model.OpenCampaignRequest;
import fr.ars.coord.client.region.model.RegionImpact;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reference scenario through the Java client generated from the committed API documents, as a regional API
 * client would build it: two regions' incidents with their facts, a national campaign linking them, the national
 * impact, and a regional communiqué approved and published, all through the gateway with real Keycloak tokens.
 */
class GeneratedClientIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    /** This run's idempotency keys: the scenario is recorded afresh, and retried within the run. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theReferenceScenarioRunsThroughTheGeneratedClient() throws Exception {
        String hdf = recordRegion(ReportIncidentRequest.RegionEnum.FR_HDF, "hdf", 12000);
        String nor = recordRegion(ReportIncidentRequest.RegionEnum.FR_NOR, "nor", 7500);

        CampaignsApi campaigns = new CampaignsApi(region(keycloak.password("national")));
        String campaign = campaigns
                .openCampaign(
                        new OpenCampaignRequest()
                                .title("Usurpation de comptes de professionnels de santé (novembre 2025)")
                                .description(
                                        "Accès frauduleux aux services numériques régionaux de santé de plusieurs régions."),
                        "generated-" + run + "-campaign")
                .getId();
        for (String incident : List.of(hdf, nor)) {
            campaigns.linkIncidentToCampaign(campaign, new LinkIncidentRequest().incidentId(incident));
        }
        assertThat(campaigns.getCampaign(campaign).getIncidents()).hasSize(2);
        // the generated client reports refusals as the document describes them
        assertThatThrownBy(() -> campaigns.linkIncidentToCampaign(campaign, new LinkIncidentRequest().incidentId(hdf)))
                .isInstanceOf(fr.ars.coord.client.region.invoker.ApiException.class)
                .satisfies(e -> assertThat(((fr.ars.coord.client.region.invoker.ApiException) e).getCode())
                        .isEqualTo(409));

        NationalImpactApi impact = new NationalImpactApi(region(keycloak.password("national")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            NationalImpact picture = impact.getNationalImpact(null);
            assertThat(regionOf(picture, "FR-HDF").getIncidentIds()).contains(hdf);
            assertThat(regionOf(picture, "FR-NOR").getIncidentIds()).contains(nor);
        });

        String comms = keycloak.password("comms-hdf");
        CommuniqusApi communiques = new CommuniqusApi(notification(comms));
        // the region's e-health group recorded facts above: it co-issues the communiqué
        CommuniqusApi coIssuer = new CommuniqusApi(notification(keycloak.password("comms-esante-hdf")));
        String published = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> approveAndPublish(communiques, coIssuer), Optional::isPresent)
                .orElseThrow();
        // the public list is a read model: it shows the publication within moments
        PublicCommuniqusApi publicApi = new PublicCommuniqusApi(notification(null));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(publicApi.listPublishedCommuniques())
                        .anySatisfy(p -> assertThat(p.getId()).isEqualTo(published)));
        assertThat(publicApi.getPublishedCommunique(published).getId()).isEqualTo(published);
    }

    private String recordRegion(ReportIncidentRequest.RegionEnum code, String slug, long patients) throws Exception {
        String ars = keycloak.password("ars-" + slug);
        String esante = keycloak.password("esante-" + slug);
        IncidentsApi incidents = new IncidentsApi(incident(ars));
        ReportIncidentRequest report = new ReportIncidentRequest()
                .region(code)
                .title("Accès frauduleux aux serveurs des services numériques régionaux de santé")
                .summary("Des attaquants ont usurpé le compte d'un professionnel de santé et accédé à des données"
                        + " d'identité de patients.")
                .awareAt(OffsetDateTime.parse("2025-11-21T17:30:00Z"))
                .attackVector(AttackVector.ACCOUNT_USURPATION)
                .operationalImpact(OperationalImpact.NONE);
        String key = "generated-" + run + "-" + slug;
        String id = incidents.reportIncident(report, key + "-incident").getId();
        assertThat(incidents.reportIncident(report, key + "-incident").getId())
                .as("a retry")
                .isEqualTo(id);

        IncidentFactsApi esanteFacts = new IncidentFactsApi(incident(esante));
        esanteFacts.recordContainmentAction(
                id,
                new RecordContainmentActionRequest()
                        .action(ContainmentAction.ACCOUNTS_BLOCKED)
                        .description("Comptes compromis bloqués."),
                key + "-blocked",
                null);
        esanteFacts.recordContainmentAction(
                id,
                new RecordContainmentActionRequest()
                        .action(ContainmentAction.SECURITY_REINFORCED)
                        .description("Mesures de sécurité renforcées immédiatement."),
                key + "-reinforced",
                null);
        IncidentFactsApi facts = new IncidentFactsApi(incident(ars));
        facts.recordAssessment(
                id,
                new RecordAssessmentRequest()
                        .exposedData(List.of(
                                ExposedDataItem.LAST_NAME,
                                ExposedDataItem.FIRST_NAME,
                                ExposedDataItem.AGE,
                                ExposedDataItem.PHONE,
                                ExposedDataItem.EMAIL))
                        .medicalDataExposed(false)
                        .estimatedPatients(patients)
                        .affectedSystems(List.of("Services numériques régionaux de santé"))
                        .note("Données d'identité uniquement ; aucune donnée du dossier médical."),
                key + "-assessment",
                null);
        facts.recordAuthorityNotification(
                id,
                new RecordAuthorityNotificationRequest()
                        .authority(Authority.CERT_SANTE)
                        .notifiedAt(OffsetDateTime.parse("2025-11-21T20:00:00Z"))
                        .reference("CERT-SANTE-2025-" + slug),
                key + "-cert",
                null);
        long version = facts.recordAuthorityNotification(
                        id,
                        new RecordAuthorityNotificationRequest()
                                .authority(Authority.CNIL)
                                .notifiedAt(OffsetDateTime.parse("2025-11-23T10:00:00Z"))
                                .reference("CNIL-NOTIF-2025-" + slug),
                        key + "-cnil",
                        null)
                .getVersion();

        IncidentView view = incidents.getIncident(id, null);
        // the platform may have recorded reminders of the NIS2 obligations since (they change no fact)
        assertThat(view.getVersion()).isGreaterThanOrEqualTo(version);
        assertThat(view.getLatestAssessment().getEstimatedPatients()).isEqualTo(patients);
        assertThat(view.getRegulatoryClocks())
                .hasSize(10)
                .filteredOn(clock -> clock.getAuthority().getValue().equals("CERT_SANTE")
                        || clock.getAuthority().getValue().equals("CNIL"))
                .filteredOn(clock -> clock.getApplicable())
                .hasSize(2)
                .allSatisfy(clock -> assertThat(clock.getMetAt()).isNotNull());
        assertThat(incidents.getIncidentHistory(id))
                .filteredOn(e -> !e.getType().equals("ObligationReminderRecordedEvent"))
                .hasSize(7);
        return id;
    }

    /**
     * Approves the region's draft (as the agency, then as its co-issuer when it is a joint one) and publishes it; empty
     * while none is drafted or an approval was voided.
     */
    private static Optional<String> approveAndPublish(CommuniqusApi communiques, CommuniqusApi coIssuer) {
        try {
            for (CommuniqueView communique : communiques.listCommuniques("FR-HDF", null, null)) {
                String status = communique.getStatus().getValue();
                if (status.equals("DRAFT")) {
                    status = communiques
                            .approveCommunique(communique.getId())
                            .getStatus()
                            .getValue();
                    if (status.equals("DRAFT")
                            && String.valueOf(communique.getIssuers()).contains("GRADES")) {
                        status = coIssuer.approveCommunique(communique.getId())
                                .getStatus()
                                .getValue();
                    }
                }
                if (status.equals("APPROVED")) {
                    return Optional.of(
                            communiques.publishCommunique(communique.getId()).getId());
                }
            }
        } catch (fr.ars.coord.client.notification.invoker.ApiException revised) {
            // the draft followed newer facts meanwhile: read it again
        }
        return Optional.empty();
    }

    private static RegionImpact regionOf(NationalImpact picture, String code) {
        return picture.getRegions().stream()
                .filter(r -> r.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private fr.ars.coord.client.incident.invoker.ApiClient incident(String token) {
        fr.ars.coord.client.incident.invoker.ApiClient client = new fr.ars.coord.client.incident.invoker.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private fr.ars.coord.client.region.invoker.ApiClient region(String token) {
        fr.ars.coord.client.region.invoker.ApiClient client = new fr.ars.coord.client.region.invoker.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private fr.ars.coord.client.notification.invoker.ApiClient notification(String token) {
        fr.ars.coord.client.notification.invoker.ApiClient client =
                new fr.ars.coord.client.notification.invoker.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
