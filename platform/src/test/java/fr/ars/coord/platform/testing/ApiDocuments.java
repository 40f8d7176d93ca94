package fr.ars.coord.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The services' OpenAPI documents as committed under {@code docs/openapi/}: the contract regional API clients
 * generate their clients from. A service's live document must equal its committed one, so that a change of the API
 * shows in review as a change of that file.
 * <p>
 * After a deliberate change of the API, {@code -Dars.openapi.update=true} writes the live documents over the
 * committed ones (review and commit them).
 */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocuments() {}

    /** {@code docs/openapi/<service>.json} of the repository the tests run in. */
    public static Path committed(String service) {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("docs/openapi"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException(
                    "no docs/openapi above " + Path.of("").toAbsolutePath());
        }
        return folder.resolve("docs/openapi").resolve(service + ".json");
    }

    /** Asserts that {@code service}'s document served at {@code baseUrl} is the committed one. */
    public static void assertLiveIsCommitted(String baseUrl, String service) {
        ApiClient.Response live = new ApiClient(baseUrl).get("/v3/api-docs", null);
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        Path committed = committed(service);
        try {
            Path written = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, live.body().strip() + "\n");
            if (Boolean.getBoolean("ars.openapi.update")) {
                Files.writeString(committed, live.body().strip() + "\n");
            }
            JsonNode expected = Files.exists(committed) ? JSON.readTree(Files.readString(committed)) : null;
            assertThat(JSON.readTree(live.body()))
                    .as(
                            "%s's live API document differs from %s: the live one is in %s; if the change is meant,"
                                    + " run the tests with -Dars.openapi.update=true and commit the document",
                            service, committed, written.toAbsolutePath())
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
