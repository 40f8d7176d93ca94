package fr.ars.coord.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.notification.Mailbox;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribing as the public does, through the pages: the answer never tells whether an address is known, a request
 * causes at most the mails the limits allow, a link followed by a mail filter changes nothing, an expired link
 * confirms nothing and its address is forgotten, a forged unsubscription link is refused.
 */
class PublicSubscriptionsIT extends NotificationServiceITBase {

    private static final String CONFIRMATION = "Confirmez votre abonnement aux communiqués des ARS";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfirmationMails mails;

    private ApiClient pages;

    @BeforeEach
    void reader() {
        pages = new ApiClient(baseUrl());
    }

    private Response post(String path, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return pages.post(
                path, null, form.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    private Response subscribe(String email, String scope) {
        return post("/public/abonnement", "courriel", email, "perimetre", scope);
    }

    private static String someone() {
        return "lecteur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    private int rows(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM public_subscription WHERE email = ?", Integer.class, email);
    }

    private MimeMessage onlyConfirmation(String email) {
        Mailbox box = new Mailbox(SMTP, email);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> box.withSubject(CONFIRMATION).size() == 1);
        return box.withSubject(CONFIRMATION).get(0);
    }

    @Test
    void theAnswerIsTheSameWhetherTheAddressIsNewPendingOrSubscribed() throws Exception {
        String email = someone();
        Response first = subscribe(email, "FR-BRE");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(first.body()).contains("Vérifiez votre messagerie").doesNotContain(email);
        String token = Mailbox.token(Mailbox.link(onlyConfirmation(email), "/public/abonnement/confirmer"));

        Response pending = subscribe(email, "FR-BRE");
        assertThat(post("/public/abonnement/confirmer", "jeton", token).status())
                .isEqualTo(200);
        Response subscribed = subscribe(email, "FR-BRE");
        Response unknown = subscribe(someone(), "FR-BRE");
        for (Response answer : List.of(pending, subscribed, unknown)) {
            assertThat(answer.status()).isEqualTo(first.status());
            assertThat(answer.body()).isEqualTo(first.body());
        }
        Thread.sleep(1500);
        assertThat(new Mailbox(SMTP, email).withSubject(CONFIRMATION))
                .as("asked three times within ten minutes: one confirmation mail")
                .hasSize(1);
    }

    @Test
    void aMailFilterFollowingTheLinkConfirmsNothingAndTheLinkServesOnce() {
        String email = someone();
        subscribe(email, "NATIONAL");
        MimeMessage mail = onlyConfirmation(email);
        assertThat(Mailbox.text(mail))
                .contains("aux communiqués nationaux")
                .contains("ignorez ce message")
                .doesNotContain("FR-");
        String link = Mailbox.link(mail, "/public/abonnement/confirmer");
        String token = Mailbox.token(link);

        Response opened = pages.get("/public/abonnement/confirmer?jeton=" + token, null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("method=\"post\"").contains("value=\"" + token + "\"");
        assertThat(opened.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(jdbc.queryForObject(
                        "SELECT confirmed_at IS NOT NULL FROM public_subscription WHERE email = ?",
                        Boolean.class,
                        email))
                .as("opening the link is not confirming")
                .isFalse();

        Response confirmed = post("/public/abonnement/confirmer", "jeton", token);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Abonnement confirmé").contains("les communiqués nationaux");
        assertThat(post("/public/abonnement/confirmer", "jeton", token).status())
                .as("a used link")
                .isEqualTo(410);
        assertThat(post("/public/abonnement/confirmer", "jeton", "inconnu").status())
                .isEqualTo(410);
        assertThat(post("/public/abonnement/confirmer").status()).isEqualTo(410);
    }

    @Test
    void anExpiredLinkConfirmsNothingAndTheAddressIsForgotten() {
        String email = someone();
        subscribe(email, "FR-NOR");
        String token = Mailbox.token(Mailbox.link(onlyConfirmation(email), "/public/abonnement/confirmer"));
        // a day later
        jdbc.update(
                "UPDATE public_subscription SET confirmation_expires_at = now() - interval '1 second',"
                        + " created_at = now() - interval '25 hours' WHERE email = ?",
                email);

        assertThat(post("/public/abonnement/confirmer", "jeton", token).status())
                .isEqualTo(410);
        mails.forgetUnconfirmed();
        assertThat(rows(email)).isZero();
    }

    @Test
    void anAddressGetsOneMailPerTenMinutesAndFiveADayWhateverTheNumberOfRequests() {
        String email = someone();
        Mailbox box = new Mailbox(SMTP, email);
        String[] scopes = {"FR-HDF", "FR-NOR", "FR-BRE", "FR-IDF", "FR-OCC", "FR-PDL", "FR-GES"};
        for (int i = 0; i < scopes.length; i++) {
            assertThat(subscribe(email, scopes[i]).status()).isEqualTo(200);
            int expected = Math.min(i + 1, 5);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> box.withSubject(CONFIRMATION).size() >= expected);
        }
        // the same scope again, as if ten minutes had passed: the day's five are spent
        jdbc.update(
                "UPDATE public_subscription SET last_mail_at = now() - interval '11 minutes' WHERE email = ?", email);
        subscribe(email, "FR-HDF");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> box.withSubject(CONFIRMATION).size() == 5);
        // a day later, one more is allowed
        jdbc.update(
                "UPDATE public_subscription SET mail_window_start = now() - interval '25 hours' WHERE email = ?",
                email);
        subscribe(email, "FR-HDF");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> box.withSubject(CONFIRMATION).size() == 6);
    }

    @Test
    void manyRequestsAtOnceForOneAddressMakeOneSubscriptionAndOneMail() throws Exception {
        String email = someone();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return subscribe(email, "FR-ARA").status();
            }));
        }
        start.countDown();
        for (CompletableFuture<Integer> request : requests) {
            assertThat(request.get()).isEqualTo(200);
        }
        assertThat(rows(email)).isEqualTo(1);
        onlyConfirmation(email);
        Thread.sleep(1500);
        assertThat(new Mailbox(SMTP, email).withSubject(CONFIRMATION)).hasSize(1);
    }

    @Test
    void thePlatformSendsNoMoreConfirmationsAMinuteThanItsLimit() {
        // as if the platform had sent its 120 of the minute
        List<Object[]> sent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            sent.add(new Object[] {UUID.randomUUID(), "limite-" + i + "-" + UUID.randomUUID() + "@exemple.fr"});
        }
        jdbc.batchUpdate(
                "INSERT INTO public_subscription (id, email, scope, created_at, last_mail_at, confirmation_hash)"
                        + " VALUES (?, ?, 'FR-20R', now(), now(), md5(random()::text))",
                sent);
        try {
            String email = someone();
            subscribe(email, "FR-20R");
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() ->
                            new Mailbox(SMTP, email).withSubject(CONFIRMATION).isEmpty());
            jdbc.update(
                    "UPDATE public_subscription SET last_mail_at = now() - interval '2 minutes' WHERE email LIKE 'limite-%'");
            onlyConfirmation(email);
        } finally {
            jdbc.update("DELETE FROM public_subscription WHERE email LIKE 'limite-%'");
        }
    }

    @Test
    void badInputIsShownBesideItsFieldAndNothingIsStored() {
        Response notAnAddress = subscribe("pas-une-adresse", "FR-HDF");
        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(notAnAddress.body())
                .contains("fr-input-group--error")
                .contains("id=\"courriel-erreur\"")
                .contains("aria-describedby=\"courriel-erreur\"")
                .contains("href=\"#courriel\"")
                .contains("value=\"pas-une-adresse\"");
        assertThat(rows("pas-une-adresse")).isZero();

        Response noScope = subscribe(someone(), "FR-XXX");
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.body()).contains("id=\"perimetre-erreur\"");

        Response hostile = subscribe("<script>alert(1)</script>@exemple.fr", "FR-HDF");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(post("/public/abonnement").status()).isEqualTo(400);
        assertThat(subscribe("x".repeat(5000) + "@exemple.fr", "FR-HDF").status())
                .isEqualTo(400);
    }

    @Test
    void theAddressIsStoredInOneFormWhateverTheWayItIsTyped() {
        String local = "lecteur-" + UUID.randomUUID().toString().substring(0, 8);
        subscribe("  " + local.toUpperCase() + "@Exemple.FR ", "FR-HDF");
        subscribe(local + "@exemple.fr", "FR-HDF");
        subscribe(local + "@exémple.fr", "FR-HDF");
        assertThat(rows(local + "@exemple.fr")).isEqualTo(1);
        assertThat(rows(local + "@xn--exmple-cva.fr"))
                .as("an internationalised domain, in punycode")
                .isEqualTo(1);
    }

    @Test
    void aForgedOrTruncatedUnsubscriptionLinkIsRefusedAndRemovesNothing() {
        String email = someone();
        subscribe(email, "FR-HDF");
        onlyConfirmation(email);
        UUID id = jdbc.queryForObject("SELECT id FROM public_subscription WHERE email = ?", UUID.class, email);
        String forged = id + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        assertThat(pages.get("/public/abonnement/desabonner?jeton=" + forged, null)
                        .status())
                .isEqualTo(404);
        assertThat(post("/public/abonnement/desabonner?jeton=" + forged, "List-Unsubscribe", "One-Click")
                        .status())
                .isEqualTo(404);
        assertThat(post("/public/abonnement/desabonner", "jeton", id.toString()).status())
                .isEqualTo(404);
        assertThat(rows(email)).isEqualTo(1);
    }
}
