package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** The incident list: a MongoDB read model that follows the events and rebuilds identically on replay. */
class IncidentListIT extends IncidentServiceITBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoTemplate mongo;

    @Test
    void regionalStaffListOnlyTheirRegionAndTheNationalCellFilters() {
        String hdf = report(HDF);
        String nor = report(NOR);
        api.post("/api/incidents/" + nor + "/assessments", TestTokens.arsStaff(NOR), identityAssessment(7500));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(api.get("/api/incidents", TestTokens.arsStaff(HDF)).json()))
                    .contains(hdf)
                    .doesNotContain(nor);
            assertThat(ids(api.get("/api/incidents", TestTokens.national()).json()))
                    .contains(hdf, nor);
            assertThat(ids(api.get("/api/incidents?region=FR-NOR&status=ASSESSING", TestTokens.auditor())
                            .json()))
                    .contains(nor)
                    .doesNotContain(hdf);
        });
        JsonNode own = api.get("/api/incidents?region=FR-HDF", TestTokens.esanteStaff(HDF))
                .json();
        assertThat(own).allSatisfy(i -> assertThat(i.get("region").asText()).isEqualTo(HDF));
        assertThat(api.get("/api/incidents?region=FR-NOR", TestTokens.arsStaff(HDF))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void replayingAllEventsRebuildsTheSameList() {
        String id = report(HDF);
        api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(HDF), identityAssessment(42));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/incidents?status=ASSESSING", TestTokens.national())
                        .body()
                        .contains(id));
        String before = api.get("/api/incidents", TestTokens.national()).body();

        StreamingEventProcessor processor = processing
                .eventProcessor("incident-summary", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(api.get("/api/incidents", TestTokens.national()).json())
                .as("reset empties the read model")
                .isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                api.get("/api/incidents", TestTokens.national()).body())
                        .isEqualTo(before));
    }

    /**
     * Lines written before the packages were arranged by feature name their type by the earlier package
     * ({@code _class}): the list reads them as before.
     */
    @Test
    void linesNamingTheEarlierPackageReadTheSame() {
        String id = report("FR-20R");
        api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff("FR-20R"), identityAssessment(42));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/incidents?region=FR-20R&status=ASSESSING", TestTokens.national())
                        .body()
                        .contains(id));
        String before =
                api.get("/api/incidents?region=FR-20R", TestTokens.national()).body();

        assertThat(mongo.updateMulti(
                                new Query(),
                                Update.update("_class", "fr.ars.coord.incident.query.IncidentSummary"),
                                IncidentSummary.COLLECTION)
                        .getModifiedCount())
                .isPositive();

        assertThat(api.get("/api/incidents?region=FR-20R", TestTokens.national())
                        .body())
                .isEqualTo(before);
        assertThat(api.get("/api/incidents?region=FR-20R", TestTokens.arsStaff("FR-20R"))
                        .body())
                .isEqualTo(before);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
