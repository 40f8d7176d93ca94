package fr.ars.coord.console.web;

import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The French words the pages show for the API's codes (statuses, clocks, data categories, actions...), and its
 * instants in Paris time. Templates call it as {@code @labels}. An unknown code is shown as it is.
 */
@Component("labels")
public class Labels {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(PARIS);
    /** The value of a {@code datetime-local} input, in Paris time. */
    private static final DateTimeFormatter LOCAL_INPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(PARIS);

    private static final Map<String, String> WORDS = Map.ofEntries(
            // incident status
            Map.entry("REPORTED", "Signalé"),
            Map.entry("ASSESSING", "En cours d'évaluation"),
            Map.entry("CONTAINED", "Maîtrisé"),
            Map.entry("RESOLVED", "Résolu"),
            Map.entry("CLOSED", "Clos"),
            // impact level
            Map.entry("NONE", "Aucun"),
            Map.entry("LOW", "Faible"),
            Map.entry("MODERATE", "Modéré"),
            Map.entry("HIGH", "Élevé"),
            Map.entry("CRITICAL", "Critique"),
            // operational impact
            Map.entry("DEGRADED", "Service dégradé"),
            Map.entry("SEVERE", "Service interrompu"),
            // clocks
            Map.entry("PENDING", "En cours"),
            Map.entry("DUE_SOON", "Échéance proche"),
            Map.entry("OVERDUE", "En retard"),
            Map.entry("MET", "Respectée"),
            Map.entry("NOT_APPLICABLE", "Sans objet"),
            Map.entry("WAIVED", "Non réalisée (dérogation à la clôture)"),
            // obligations
            Map.entry("CORRECTION_ASSESSMENT", "Évaluation corrigée"),
            // exercises: their state, a script's steps, what the trainees were expected to do and how it went
            Map.entry("RUNNING", "En cours"),
            Map.entry("ENDED", "Terminé"),
            Map.entry("REPORT", "Signalement"),
            Map.entry("ASSESSMENT", "Évaluation"),
            Map.entry("CONTAINMENT", "Mesure de confinement"),
            Map.entry("COMMUNIQUE_APPROVED", "Communiqué approuvé"),
            Map.entry("COMMUNIQUE_PUBLISHED", "Communiqué publié"),
            Map.entry("ON_TIME", "À temps"),
            Map.entry("LATE", "En retard"),
            Map.entry("NOT_DONE", "Non fait"),
            Map.entry("OPEN", "À faire"),
            Map.entry("CORRECTION_NOTIFICATION", "Notification complémentaire"),
            Map.entry("CORRECTION_COMMUNIQUE", "Communiqué rectifié"),
            Map.entry("CERT_SANTE_DECLARATION", "Déclaration au CERT Santé"),
            Map.entry("CNIL_NOTIFICATION", "Notification à la CNIL (RGPD art. 33)"),
            Map.entry("CERT_SANTE_CLOSURE", "Clôture auprès du CERT Santé"),
            Map.entry("PATIENT_INFORMATION", "Information des patients (RGPD art. 34)"),
            Map.entry("NIS2_EARLY_WARNING", "NIS2 : alerte précoce"),
            Map.entry("NIS2_NOTIFICATION", "NIS2 : notification"),
            Map.entry("NIS2_FINAL_REPORT", "NIS2 : rapport final (ou d'avancement) à un mois"),
            Map.entry("NIS2_SIGNIFICANCE", "NIS2 : décision sur le caractère important"),
            Map.entry("NIS2_FINAL_REPORT_AFTER_HANDLING", "NIS2 : rapport final après traitement"),
            Map.entry("NIS2_INTERMEDIATE_REPORT", "NIS2 : rapport intermédiaire demandé"),
            // decisions
            Map.entry("SIGNIFICANT", "Important"),
            Map.entry("NOT_SIGNIFICANT", "Non important"),
            Map.entry("NOTIFY", "À notifier"),
            Map.entry("NOT_REQUIRED", "Non requis"),
            Map.entry("REQUIRED", "Requis"),
            Map.entry("GRADES", "GRADeS e-Santé"),
            Map.entry("SEVERE_OPERATIONAL_DISRUPTION", "Perturbation opérationnelle grave"),
            Map.entry("FINANCIAL_LOSS", "Pertes financières"),
            Map.entry("CONSIDERABLE_DAMAGE_TO_OTHERS", "Dommages considérables à des tiers"),
            // authorities and kinds
            Map.entry("CERT_SANTE", "CERT Santé"),
            Map.entry("CNIL", "CNIL"),
            Map.entry("ARS", "ARS"),
            Map.entry("ANSSI", "ANSSI"),
            Map.entry("PATIENTS", "Patients"),
            Map.entry("OTHER", "Autre"),
            Map.entry("DECLARATION", "Déclaration"),
            Map.entry("EARLY_WARNING", "Alerte précoce"),
            Map.entry("NOTIFICATION", "Notification"),
            Map.entry("INTERMEDIATE_REPORT", "Rapport intermédiaire"),
            Map.entry("FINAL_REPORT", "Rapport final"),
            Map.entry("CLOSURE", "Clôture"),
            Map.entry("PROGRESS_REPORT", "Rapport d'avancement"),
            Map.entry("SUPPLEMENTARY", "Complément"),
            // data
            Map.entry("LAST_NAME", "Nom"),
            Map.entry("FIRST_NAME", "Prénom"),
            Map.entry("AGE", "Âge"),
            Map.entry("BIRTH_DATE", "Date de naissance"),
            Map.entry("PHONE", "Téléphone"),
            Map.entry("EMAIL", "Adresse électronique"),
            Map.entry("POSTAL_ADDRESS", "Adresse postale"),
            Map.entry("SOCIAL_SECURITY_NUMBER", "Numéro de sécurité sociale"),
            Map.entry("MEDICAL_RECORD", "Dossier médical"),
            // containment
            Map.entry("ACCOUNTS_BLOCKED", "Comptes bloqués"),
            Map.entry("SECURITY_REINFORCED", "Sécurité renforcée"),
            Map.entry("SYSTEMS_ISOLATED", "Systèmes isolés"),
            Map.entry("COMPLAINT_FILED", "Plainte déposée"),
            // attack vectors
            Map.entry("ACCOUNT_USURPATION", "Usurpation de compte"),
            Map.entry("PHISHING", "Hameçonnage"),
            Map.entry("RANSOMWARE", "Rançongiciel"),
            Map.entry("VULNERABILITY_EXPLOIT", "Exploitation de vulnérabilité"),
            Map.entry("DENIAL_OF_SERVICE", "Déni de service"),
            Map.entry("INSIDER", "Acteur interne"),
            Map.entry("UNKNOWN", "Inconnu"),
            // communiqués
            Map.entry("DRAFT", "Brouillon"),
            Map.entry("APPROVED", "Approuvé"),
            Map.entry("PUBLISHED", "Publié"),
            Map.entry("SUPERSEDED", "Remplacé"),
            Map.entry("WITHDRAWN", "Retiré"),
            Map.entry("REGIONAL", "Régional"),
            Map.entry("NATIONAL", "National"),
            // events of the timeline
            Map.entry("IncidentReportedEvent", "Incident signalé"),
            Map.entry("IncidentAssessedEvent", "Évaluation enregistrée"),
            Map.entry("ContainmentActionRecordedEvent", "Mesure de confinement"),
            Map.entry("AuthorityNotifiedEvent", "Notification à une autorité"),
            Map.entry("IncidentStatusChangedEvent", "Changement de statut"),
            Map.entry("PatientInformationRecordedEvent", "Information des patients"),
            Map.entry("IncidentClassifiedEvent", "Classification"),
            Map.entry("ObligationReminderRecordedEvent", "Rappel d'échéance"),
            Map.entry("Nis2SignificanceAssessedEvent", "Décision NIS2 (caractère important)"),
            Map.entry("CnilNotificationDecidedEvent", "Décision de notification à la CNIL"),
            Map.entry("Nis2IntermediateReportRequestedEvent", "Rapport intermédiaire demandé par l'ANSSI"),
            Map.entry("ObservableRecordedEvent", "Observable enregistré"),
            Map.entry("ObservableWithdrawnEvent", "Observable retiré"),
            // observables' roles
            Map.entry("INTRUSION_SOURCE", "Source de l'intrusion"),
            Map.entry("PHISHING_SENDER", "Expéditeur d'hameçonnage"),
            Map.entry("MALICIOUS_URL", "URL malveillante"),
            Map.entry("COMPROMISED_ACCOUNT", "Compte compromis"),
            Map.entry("MALWARE", "Logiciel malveillant"),
            Map.entry("COMMAND_AND_CONTROL", "Serveur de commande"),
            Map.entry("EXFILTRATION_DESTINATION", "Destination d'exfiltration"));

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String key = String.valueOf(code);
        return WORDS.getOrDefault(key, key);
    }

    public String region(Object code) {
        if (code == null) {
            return "";
        }
        return Region.byCode(String.valueOf(code)).map(Region::displayName).orElse(String.valueOf(code));
    }

    /** The codes of the 18 regions, in the order the regions are listed. */
    public java.util.List<String> regionCodes() {
        return java.util.Arrays.stream(Region.values()).map(Region::code).toList();
    }

    /** An API instant (ISO-8601) as "12 mars 2025 à 14:05", Paris time. */
    public String instant(Object value) {
        Instant instant = parse(value);
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** An API instant for a {@code datetime-local} input. */
    public String inputValue(Object value) {
        Instant instant = parse(value);
        return instant == null ? "" : LOCAL_INPUT.format(instant);
    }

    /** A duration of the API (ISO-8601, e.g. PT26H) as "1 j 2 h". */
    public String duration(Object value) {
        if (value == null) {
            return "";
        }
        try {
            Duration d = Duration.parse(String.valueOf(value)).abs();
            long days = d.toDays();
            long hours = d.toHoursPart();
            long minutes = d.toMinutesPart();
            return (days > 0 ? days + " j " : "") + (days > 0 || hours > 0 ? hours + " h " : "") + minutes + " min";
        } catch (DateTimeParseException e) {
            return String.valueOf(value);
        }
    }

    /** A delay of the API in whole seconds as "1 j 2 h 5 min" (its absolute value; "45 s" under a minute). */
    public String seconds(Object value) {
        if (!(value instanceof Number number)) {
            return "";
        }
        long seconds = Math.abs(number.longValue());
        if (seconds < 60) {
            return seconds + " s";
        }
        return duration(Duration.ofSeconds(seconds).toString());
    }

    /** A count as French writes it: "12 000" (narrow no-break space between thousands). */
    public String count(Object value) {
        if (!(value instanceof Number number)) {
            return value == null ? "0" : String.valueOf(value);
        }
        return java.text.NumberFormat.getIntegerInstance(Locale.FRANCE).format(number.longValue());
    }

    /** A short form of an id for display ("3f2a9c1b…"). */
    public String shortId(Object id) {
        String text = id == null ? "" : String.valueOf(id);
        return text.length() > 8 ? text.substring(0, 8) : text;
    }

    static Instant parse(Object value) {
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        if (value instanceof Instant at) {
            return at;
        }
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
