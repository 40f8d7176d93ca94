package fr.ars.coord.notification.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.MongoReads;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public pages, as a reader without an account gets them: the communiqués' pages with their issuers and what
 * became of them, the lists, the advice; answers a cache may keep, and conditional requests answered without
 * reading the communiqués while nothing public changed.
 */
class PublicPagesIT extends NotificationServiceITBase {

    private ApiClient pages;

    @BeforeEach
    void reader() {
        // HTML pages, not part of the API contract the checked client validates against
        pages = new ApiClient(baseUrl());
    }

    private String published(String region, String title, String text, String supersedes) {
        String id = recordPublished(region, title, text, supersedes).communiqueId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pages.get("/public/communiques/" + id, null).status() == 200);
        return id;
    }

    @Test
    void aPublishedCommuniqueHasItsPageWithTextDateAndIssuerAndTheListsLinkIt() {
        String title = "Fuite de données d'identité " + UUID.randomUUID();
        String id = published(
                "FR-HDF",
                title,
                "Des données d'identité de patients ont été exposées.\n\nLes dossiers médicaux n'ont pas été touchés.",
                null);

        Response page = pages.get("/public/communiques/" + id, null);
        assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(page.body())
                .contains("<html lang=\"fr\"")
                .contains("href=\"#contenu\"")
                .contains("<h1>" + title.replace("'", "&#39;") + "</h1>")
                .contains("<p>Des données d&#39;identité de patients ont été exposées.</p>")
                .contains("<p>Les dossiers médicaux n&#39;ont pas été touchés.</p>")
                .contains("Agence régionale de santé Hauts-de-France")
                .contains("Publié le ")
                .contains("/public/dsfr/dsfr.min.css")
                .doesNotContain("<script");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("style-src 'self'");

        assertThat(pages.get("/public/", null).body()).contains("/public/communiques/" + id);
        assertThat(pages.get("/public/regions/FR-HDF", null).body())
                .contains("/public/communiques/" + id)
                .contains("Communiqués — Hauts-de-France");
        assertThat(pages.get("/public/regions/fr-nor", null).body())
                .as("another region's page")
                .doesNotContain(id);

        String draft = UUID.randomUUID().toString();
        record(
                "Communique",
                draft,
                0,
                new CommuniqueDraftedEvent(
                        draft,
                        CommuniqueScope.REGIONAL,
                        Region.of("FR-HDF"),
                        null,
                        null,
                        "Brouillon confidentiel",
                        List.of(new Statement("DATA_EXPOSED", "chiffres non publiés", List.of())),
                        1,
                        "d",
                        false));
        Response unpublished = pages.get("/public/communiques/" + draft, null);
        assertThat(unpublished.status()).isEqualTo(404);
        assertThat(unpublished.body()).contains("Page introuvable").doesNotContain("Brouillon confidentiel");
        assertThat(pages.get("/public/", null).body()).doesNotContain("Brouillon confidentiel");
    }

    @Test
    void aCorrectedOrWithdrawnCommuniqueStaysOnRecordMarkedWithItsReason() {
        String first = published("FR-NOR", "Incident Normandie", "1 200 patients concernés.", null);
        // its correction's publication marks it superseded
        String corrected = published("FR-NOR", "Incident Normandie (corrigé)", "1 250 patients concernés.", first);
        String withdrawn = published("FR-NOR", "Alerte retirée", "Alerte émise par erreur.", null);
        record(
                "Communique",
                withdrawn,
                3,
                new CommuniqueWithdrawnEvent(withdrawn, "Alerte émise par erreur de région."));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        pages.get("/public/communiques/" + first, null).body().contains("id=\"remplace\""));
        assertThat(pages.get("/public/communiques/" + first, null).body())
                .contains("remplacé par une version corrigée")
                .contains("href=\"/public/communiques/" + corrected + "\"")
                .contains("1 200 patients concernés.");
        assertThat(pages.get("/public/communiques/" + corrected, null).body())
                .contains("id=\"correction\"")
                .contains("href=\"/public/communiques/" + first + "\"");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pages.get("/public/communiques/" + withdrawn, null)
                        .body()
                        .contains("id=\"retrait\""));
        assertThat(pages.get("/public/communiques/" + withdrawn, null).body())
                .contains("Communiqué retiré le ")
                .contains("Motif : Alerte émise par erreur de région.")
                .as("the text stays, marked")
                .contains("Alerte émise par erreur.");
        assertThat(pages.get("/public/regions/FR-NOR", null).body())
                .contains("/public/communiques/" + first)
                .contains("/public/communiques/" + corrected)
                .contains("/public/communiques/" + withdrawn)
                .contains("Retiré")
                .contains("Remplacé par une version corrigée");
    }

    @Test
    void aReaderHoldingTheCurrentPageIsAnswered304WithoutReadingTheCommuniques() {
        published(null, "Campagne nationale d'hameçonnage", "Des SMS frauduleux circulent.", null);
        // the other tests' publications settled: the version stays the same over more than a refresh
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String before = pages.get("/public/", null).header("ETag");
            Thread.sleep(1_500);
            return before.equals(pages.get("/public/", null).header("ETag"));
        });
        Response first = pages.get("/public/", null);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"p[0-9]+\"");
        assertThat(first.header("Last-Modified")).isNotBlank();
        assertThat(first.header("Cache-Control"))
                .contains("max-age=60")
                .contains("public")
                .contains("stale-while-revalidate=300");

        long reads = MongoReads.answering(CommuniqueViewStore.COLLECTION);
        for (String path :
                List.of("/public/", "/public/communiques?page=1", "/public/regions/FR-OCC", "/public/conseils")) {
            Response again = pages.get(path, null, "If-None-Match", etag);
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
        }
        assertThat(pages.get("/public/", null, "If-Modified-Since", first.header("Last-Modified"))
                        .status())
                .isEqualTo(304);
        assertThat(pages.get("/public/", null).body())
                .as("the page as rendered")
                .isEqualTo(first.body());
        assertThat(MongoReads.answering(CommuniqueViewStore.COLLECTION))
                .as("conditional requests and a page already rendered read no communiqué")
                .isEqualTo(reads);

        String next = published("FR-OCC", "Nouveau communiqué Occitanie", "Texte.", null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response changed = pages.get("/public/", null, "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(changed.body()).contains("/public/communiques/" + next);
        });
    }

    @Test
    void theFeedIsWrittenOncePerVersionAndAReaderHoldingItIsAnswered304() {
        published(null, "Flux national", "Des courriels frauduleux circulent.", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String before = api.get("/feeds/communiques.atom", null).header("ETag");
            Thread.sleep(1_500);
            return before.equals(api.get("/feeds/communiques.atom", null).header("ETag"));
        });
        Response first = api.get("/feeds/communiques.atom", null);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"f[0-9]+\"");
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=60");
        assertThat(first.header("Last-Modified")).isNotBlank();

        long reads = MongoReads.answering(CommuniqueViewStore.COLLECTION);
        Response again = pages.get("/feeds/communiques.atom", null, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(pages.get("/feeds/communiques.atom", null, "If-Modified-Since", first.header("Last-Modified"))
                        .status())
                .isEqualTo(304);
        assertThat(api.get("/feeds/communiques.atom", null).body()).isEqualTo(first.body());
        assertThat(MongoReads.answering(CommuniqueViewStore.COLLECTION))
                .as("the feed written once for its version, and not read again for a reader holding it")
                .isEqualTo(reads);

        String next = published("FR-BRE", "Nouveau communiqué Bretagne", "Texte.", null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response changed = pages.get("/feeds/communiques.atom", null, "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains(next);
        });
    }

    @Test
    void unknownPagesAreNotFoundAndTheStylesheetIsKeptAWeek() {
        for (String path : List.of(
                "/public/communiques?page=0",
                "/public/communiques?page=abc",
                "/public/communiques?page=999999",
                "/public/regions/FR-XXX",
                "/public/communiques/pas-un-identifiant",
                "/public/communiques/" + UUID.randomUUID())) {
            Response answer = pages.get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.body()).contains("Page introuvable");
        }
        Response css = pages.get("/public/dsfr/dsfr.min.css", null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("Cache-Control")).contains("max-age=604800").contains("public");
        Response advice = pages.get("/public/conseils", null);
        assertThat(advice.body())
                .contains("33700")
                .contains("signal-spam.fr")
                .contains("Pharos")
                .contains("cybermalveillance.gouv.fr");
    }

    @Test
    void theFeedAndTheJsonLinkToThePage() throws Exception {
        String id = published("FR-BRE", "Communiqué Bretagne", "Texte.", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/feeds/communiques.atom", null).body().contains(id));
        assertThat(api.get("/feeds/communiques.atom", null).body())
                .contains("type=\"text/html\" href=\"" + "http://localhost:8080/public/communiques/" + id + "\"");
        assertThat(api.get("/api/public/communiques/" + id, null)
                        .json()
                        .get("page")
                        .asText())
                .endsWith("/public/communiques/" + id);
    }
}
