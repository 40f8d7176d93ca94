package fr.ars.coord.region;

import fr.ars.coord.platform.testing.ApiDocuments;
import org.junit.jupiter.api.Test;

/** The API document region-service serves is the one committed under docs/openapi: an API change shows in review. */
class ApiDocumentIT extends RegionServiceITBase {

    @Test
    void theLiveDocumentIsTheCommittedOne() {
        ApiDocuments.assertLiveIsCommitted("http://localhost:" + port, "region-service");
    }
}
