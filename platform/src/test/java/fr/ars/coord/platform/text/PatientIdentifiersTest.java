package fr.ars.coord.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.text.PatientIdentifiers.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Patient identities are found in the forms people type them, and ordinary incident text is left alone. */
class PatientIdentifiersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patient 1 85 05 78 006 084 91 concerné", // spaces, key 91
                "NIR : 185057800608491",
                "NIR 1.85.05.78.006.084.91",
                "nir 1-85-05-78-006-084-91",
                "assuré 2 91 11 2A 123 456 76", // Corsica, key computed with 2A as 19
                "assurée 2 91 11 2b 123 456 06"
            })
    void findsSocialSecurityNumbersWithTheirKey(String text) {
        assertThat(PatientIdentifiers.find(text)).contains(Kind.SOCIAL_SECURITY_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Référence 1 85 05 78 006 084 37", // wrong key (91): not a NIR
                "Ticket 185057800608400",
                "12000 patients, 7500 en Normandie, 2025-11-21"
            })
    void leavesNumbersThatAreNoNir(String text) {
        assertThat(PatientIdentifiers.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "contact jean.dupont@example.fr pour le suivi|EMAIL",
                "écrire à marie-claire+ars@chu-lille.fr|EMAIL",
                "jean.dupont (at) example.fr|EMAIL",
                "joignable au 06 12 34 56 78|PHONE",
                "tél. 06.12.34.56.78|PHONE",
                "tel 06-12-34-56-78|PHONE",
                "+33 6 12 34 56 78|PHONE",
                "0033612345678|PHONE",
                "+33 (0)1 23 45 67 89|PHONE",
                "Mme X, née le 12/03/1985|BIRTH_DATE",
                "né le 4 mars 1962 à Rouen|BIRTH_DATE",
                "date de naissance : 1985-03-12|BIRTH_DATE",
                "DDN 12.03.1985|BIRTH_DATE",
                "IBAN FR76 3000 6000 0112 3456 7890 189 du patient|IBAN",
                "fr7630006000011234567890189|IBAN"
            })
    void findsEachKindOfIdentifier(String text, Kind kind) {
        assertThat(PatientIdentifiers.find(text)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Accès frauduleux aux serveurs des services numériques régionaux de santé (Hauts-de-France)",
                "Des attaquants ont usurpé le compte d'un professionnel de santé le 21/11/2025 à 17h30.",
                "Le système ne fonctionne plus depuis le 21/11/2025",
                "Comptes compromis bloqués ; 12 000 patients concernés",
                "CERT-SANTE-2025-hdf",
                "CNIL-NOTIF-2025-nor",
                "Référence ANSSI FR-2025-11-0042",
                "Version 10.2.33.4 du portail",
                "Serveur 10.0.12.4 isolé à 18:00",
                "Incident 06123456-7890-4abc-8def-061234567890",
                "Ticket 3f2a0612-3456-7890-abcd-0612345678ff"
            })
    void leavesOrdinaryIncidentTextAlone(String text) {
        assertThat(PatientIdentifiers.find(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void identifiersOfThePlatformItselfAreNeverTakenForAPatientsIdentity() {
        for (int i = 0; i < 20_000; i++) {
            String id = java.util.UUID.randomUUID().toString();
            assertThat(PatientIdentifiers.find("Incident " + id + " lié à " + id.toUpperCase()))
                    .as(id)
                    .isEmpty();
        }
    }
}
