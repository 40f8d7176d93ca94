package fr.ars.coord.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberAddressTest {

    @Test
    void anAddressIsKeptInOneForm() {
        assertThat(SubscriberAddress.canonical("  Jeanne.Martin@Exemple.FR ")).contains("jeanne.martin@exemple.fr");
        assertThat(SubscriberAddress.canonical("lecteur@exémple.fr")).contains("lecteur@xn--exmple-cva.fr");
        assertThat(SubscriberAddress.canonical("a+communiques@sous.domaine.gouv.fr"))
                .contains("a+communiques@sous.domaine.gouv.fr");
    }

    @Test
    void whatMailCannotBeSentToIsRefused() {
        for (String bad : new String[] {
            null,
            "",
            "sans-arobase",
            "@exemple.fr",
            "lecteur@",
            "lecteur@localhost",
            "lecteur@exemple..fr",
            "lecteur@-exemple.fr",
            "le..cteur@exemple.fr",
            ".lecteur@exemple.fr",
            "deux@arobases@exemple.fr",
            "\"cite\"@exemple.fr",
            "lecteur@[127.0.0.1]",
            "espace dedans@exemple.fr",
            "<script>@exemple.fr",
            "lecteur@exemple.fr\r\nBcc: autre@exemple.fr",
            "x".repeat(65) + "@exemple.fr",
            "x@" + "a".repeat(250) + ".fr"
        }) {
            assertThat(SubscriberAddress.canonical(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
