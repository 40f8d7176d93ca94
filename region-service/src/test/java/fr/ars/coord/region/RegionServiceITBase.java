package fr.ars.coord.region;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.EmbeddedStores;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real region-service on the embedded stores. Incident events are appended to the shared event store
 * exactly as incident-service appends them (aggregate type {@code Incident}, actor metadata).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // snapshots of the national picture every few events, taken by the tests rather than in the background
            "ars.national.snapshot-every=5",
            "ars.national.snapshot-check-ms=3600000"
        })
@Import(TestJwtDecoderConfiguration.class)
public abstract class RegionServiceITBase {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        EmbeddedStores.register(registry, "region-service-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    protected EventStore eventStore;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Appends events of one incident after its {@code firstSequence - 1} already recorded ones. */
    protected void record(long firstSequence, IncidentEvent... events) {
        String region = events[0].region().code();
        StoredEvents.append(
                eventStore,
                "Incident",
                events[0].incidentId(),
                firstSequence,
                new Actor("sub-" + region, "ars-" + region.substring(3).toLowerCase(), "ARS", region),
                (Object[]) events);
    }
}
