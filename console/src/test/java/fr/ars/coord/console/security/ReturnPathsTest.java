package fr.ars.coord.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnPathsTest {

    @Test
    void theConsolesPagesAreReturnedTo() {
        for (String page : List.of(
                "/",
                "/regions/FR-HDF",
                "/incidents/3f2c1e6a-1b2c-4d5e-8f90-0123456789ab",
                "/incidents/x-1?asOf=2025-03-01T10:00",
                "/incidents/x-1?asOf=2025-03-01T10%3A00",
                "/campagnes",
                "/campagnes/c-1",
                "/communiques",
                "/communiques/c-1")) {
            assertThat(ReturnPaths.of(page)).as(page).hasValue(page);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String other : List.of(
                "",
                "//evil.example",
                "//evil.example/incidents/x",
                "https://evil.example/",
                "/\\evil.example",
                "/incidents/x/../../x",
                "/incidents/",
                "/incidents/x/assessments",
                "/js/console.js",
                "/vendor/dsfr/dsfr.min.css",
                "/oauth2/authorization/keycloak",
                "/signed-out",
                "/sign-out",
                "/unknown",
                "/incidents/x?asOf=<script>",
                "/incidents/x?next=//evil.example",
                "/incidents/x?" + "a".repeat(300),
                "incidents/x",
                "/incidents/x\r\nSet-Cookie:a=b",
                "/regions/FR HDF",
                "/%2F%2Fevil.example")) {
            assertThat(ReturnPaths.of(other)).as(other).isEmpty();
        }
        assertThat(ReturnPaths.of((String) null)).isEmpty();
    }
}
