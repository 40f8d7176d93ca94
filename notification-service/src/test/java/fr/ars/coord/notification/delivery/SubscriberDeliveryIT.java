package fr.ars.coord.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.notification.Mailbox;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A published communiqué reaches the confirmed subscribers of its region (or of the national communiqués) once each,
 * with its page and a one-click unsubscription (RFC 8058); not the unconfirmed, not another region's, not those who
 * left; a publication handled twice sends nothing twice.
 */
class SubscriberDeliveryIT extends NotificationServiceITBase {

    private static final String CONFIRMATION = "Confirmez votre abonnement aux communiqués des ARS";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublicationDispatch dispatch;

    @Autowired
    DeliveryViewStore deliveries;

    private ApiClient pages;

    @BeforeEach
    void reader() {
        pages = new ApiClient(baseUrl());
    }

    private Response form(String path, String form) {
        return pages.post(path, null, form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** Subscribes through the form; confirmed through the mailed link unless {@code confirm} is false. */
    private String subscriber(String scope, boolean confirm) {
        String email = "abonne-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        assertThat(form(
                                "/public/abonnement",
                                "courriel=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&perimetre=" + scope)
                        .status())
                .isEqualTo(200);
        Mailbox box = new Mailbox(SMTP, email);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> box.withSubject(CONFIRMATION).size() == 1);
        if (confirm) {
            String token =
                    Mailbox.token(Mailbox.link(box.withSubject(CONFIRMATION).get(0), "/public/abonnement/confirmer"));
            assertThat(form("/public/abonnement/confirmer", "jeton=" + token).status())
                    .isEqualTo(200);
        }
        return email;
    }

    private CommuniquePublishedEvent publish(String region, String title) {
        CommuniquePublishedEvent published =
                recordPublished(region, title, "Des données d'identité ont été exposées.", null);
        // the press list receives every publication: once both have it, every subscriber's mail was scheduled too
        await().atMost(Duration.ofSeconds(15))
                .until(() -> new Mailbox(SMTP, "presse@ars.example")
                                .withSubject(title)
                                .size()
                        == 1);
        return published;
    }

    @Test
    void eachConfirmedSubscriberOfTheRegionReceivesTheCommuniqueOnceAndLeavesInOneClick() throws Exception {
        String reader = subscriber("FR-BRE", true);
        String undecided = subscriber("FR-BRE", false);
        String elsewhere = subscriber("FR-NOR", true);
        String national = subscriber("NATIONAL", true);

        String title = "Fuite de données en Bretagne " + UUID.randomUUID();
        CommuniquePublishedEvent published = publish("FR-BRE", title);
        Mailbox box = new Mailbox(SMTP, reader);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> box.withSubject(title).size() == 1);
        MimeMessage mail = box.withSubject(title).get(0);
        assertThat(Mailbox.text(mail))
                .contains("Des données d'identité ont été exposées.")
                .contains("/public/communiques/" + published.communiqueId())
                .contains("Vous recevez ce courriel car vous êtes abonné aux communiqués de la région Bretagne.")
                .contains("/public/abonnement/desabonner?jeton=");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe)
                .startsWith("<http")
                .contains("/public/abonnement/desabonner?jeton=")
                .endsWith(">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // the same publication handled again (a replay after a crash): nothing is sent twice
        dispatch.on(published, null);
        Thread.sleep(1500);
        assertThat(box.withSubject(title)).hasSize(1);
        for (String other : List.of(undecided, elsewhere, national)) {
            assertThat(new Mailbox(SMTP, other).withSubject(title)).as(other).isEmpty();
        }
        String nationalTitle = "Point national " + UUID.randomUUID();
        publish(null, nationalTitle);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        new Mailbox(SMTP, national).withSubject(nationalTitle).size() == 1);
        assertThat(box.withSubject(nationalTitle)).isEmpty();

        // the mail reader's one-click unsubscription: a POST to the header's address
        URI target = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        Response left = form(target.getRawPath() + "?" + target.getRawQuery(), "List-Unsubscribe=One-Click");
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.body()).contains("Vous êtes désabonné");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM public_subscription WHERE email = ?", Integer.class, reader))
                .as("the address is forgotten")
                .isZero();
        assertThat(form(target.getRawPath() + "?" + target.getRawQuery(), "List-Unsubscribe=One-Click")
                        .status())
                .as("a second click")
                .isEqualTo(200);

        String after = "Deuxième communiqué en Bretagne " + UUID.randomUUID();
        publish("FR-BRE", after);
        Thread.sleep(1500);
        assertThat(box.withSubject(after)).isEmpty();
    }

    @Test
    void aSubscriberWhoLeftBeforeTheAttemptIsNotWrittenToAndTheDeliveryIsParkedAtOnce() {
        // a region nobody subscribed to
        String communique = recordPublished("FR-971", "Guadeloupe " + UUID.randomUUID(), "texte", null)
                .communiqueId();
        String gone = UUID.randomUUID().toString();
        String deliveryId = PublicationDispatch.deliveryId(communique, DeliveryChannel.SUBSCRIBER, gone);
        commands.send(
                new DeliveryCommands.ScheduleDeliveryCommand(deliveryId, communique, DeliveryChannel.SUBSCRIBER, gone),
                fr.ars.coord.notification.config.ServiceActor.ACTOR);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries
                        .current(deliveryId)
                        .map(d -> d.status().equals("PARKED"))
                        .orElse(false));
        DeliveryView parked = deliveries.current(deliveryId).orElseThrow();
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.history().get(0).outcome()).isEqualTo("unsubscribed");
    }

    @Autowired
    fr.ars.coord.platform.command.IdempotentCommands commands;
}
