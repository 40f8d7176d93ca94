package fr.ars.coord.notification;

import fr.ars.coord.platform.testing.ApiDocuments;
import org.junit.jupiter.api.Test;

/** The API document notification-service serves is the one committed under docs/openapi: an API change shows in review. */
class ApiDocumentIT extends NotificationServiceITBase {

    @Test
    void theLiveDocumentIsTheCommittedOne() {
        ApiDocuments.assertLiveIsCommitted("http://localhost:" + port, "notification-service");
    }
}
