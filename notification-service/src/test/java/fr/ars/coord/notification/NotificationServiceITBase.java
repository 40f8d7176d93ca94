package fr.ars.coord.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.EmbeddedStores;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service on the embedded stores, with a real SMTP server (GreenMail) for the press list.
 * Incident and campaign events are appended to the shared event store as the other services append them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ars.notifications.press-list=presse@ars.example,redaction@journal.example",
            "ars.notifications.reminders.region-contacts=FR-HDF=securite@ars-hdf.example,astreinte@ars-hdf.example",
            "ars.notifications.reminders.national-contacts=cellule@sante.example",
            "ars.notifications.data-protection-contacts=FR-974=dpo@ars-reunion.example",
            "ars.notifications.delivery.max-attempts=3",
            "ars.notifications.delivery.first-backoff=PT0.2S",
            "ars.notifications.delivery.poll-interval-ms=100",
            // the tests' receivers listen on this machine; x.example stands for a public subscriber
            "ars.notifications.webhooks.require-https=false",
            "ars.notifications.webhooks.allowed-targets=127.0.0.1/32,x.example"
        })
@Import({TestJwtDecoderConfiguration.class, MongoReads.class})
public abstract class NotificationServiceITBase {

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        EmbeddedStores.register(registry, "notification-service-it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    protected EventStore eventStore;

    protected ApiClient api;

    /** This service's own address. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    /**
     * Records a communiqué drafted, approved and published at once, as the Communique aggregate would (national when
     * {@code region} is null); returns its publication.
     */
    protected fr.ars.coord.contracts.communique.CommuniquePublishedEvent recordPublished(
            String region, String title, String text, String supersedes) {
        String id = java.util.UUID.randomUUID().toString();
        fr.ars.coord.contracts.region.Region r =
                region == null ? null : fr.ars.coord.contracts.region.Region.of(region);
        fr.ars.coord.contracts.communique.CommuniqueScope scope = r == null
                ? fr.ars.coord.contracts.communique.CommuniqueScope.NATIONAL
                : fr.ars.coord.contracts.communique.CommuniqueScope.REGIONAL;
        fr.ars.coord.contracts.communique.CommuniquePublishedEvent published =
                new fr.ars.coord.contracts.communique.CommuniquePublishedEvent(id, scope, r, null, supersedes);
        record(
                "Communique",
                id,
                0,
                new fr.ars.coord.contracts.communique.CommuniqueDraftedEvent(
                        id,
                        scope,
                        r,
                        null,
                        supersedes,
                        title,
                        List.of(new fr.ars.coord.contracts.communique.Statement("DATA_EXPOSED", text, List.of())),
                        1,
                        "digest",
                        false),
                new fr.ars.coord.contracts.communique.CommuniqueApprovedEvent(id, "digest"),
                published);
        return published;
    }

    /** Appends events of one aggregate starting at {@code firstSequence}; returns their event ids. */
    protected List<String> record(String aggregateType, String aggregateId, long firstSequence, Object... events) {
        return StoredEvents.append(
                eventStore,
                aggregateType,
                aggregateId,
                firstSequence,
                new Actor("sub-test", "ars-test", "ARS", null),
                events);
    }
}
