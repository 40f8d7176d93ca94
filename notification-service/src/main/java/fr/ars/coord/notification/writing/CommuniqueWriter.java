package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.facts.IncidentFacts;
import fr.ars.coord.notification.facts.IncidentFacts.PatientInformation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a communiqué in French from recorded facts only, each statement with the events it rests on. It says
 * which data was exposed and, as plainly, which was not; it never says medical data was spared if any
 * assessment it rests on says otherwise. It says the patients were or will be told only as the incidents' latest
 * patient-information decisions record it, and gives a contact point when it serves as the public communication to
 * them (GDPR art. 34(2)): the region's configured contact, never one made up.
 */
public final class CommuniqueWriter {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", FRENCH).withZone(ZoneId.of("Europe/Paris"));
    private static final Map<ExposedDataItem, String> DATA = new EnumMap<>(Map.of(
            ExposedDataItem.LAST_NAME, "nom",
            ExposedDataItem.FIRST_NAME, "prénom",
            ExposedDataItem.AGE, "âge",
            ExposedDataItem.BIRTH_DATE, "date de naissance",
            ExposedDataItem.PHONE, "numéro de téléphone",
            ExposedDataItem.EMAIL, "adresse électronique",
            ExposedDataItem.POSTAL_ADDRESS, "adresse postale",
            ExposedDataItem.SOCIAL_SECURITY_NUMBER, "numéro de sécurité sociale",
            ExposedDataItem.MEDICAL_RECORD, "données du dossier médical",
            ExposedDataItem.OTHER, "d'autres informations"));
    private static final Map<ContainmentAction, String> MEASURES = new EnumMap<>(Map.of(
            ContainmentAction.ACCOUNTS_BLOCKED, "blocage des comptes compromis",
            ContainmentAction.SECURITY_REINFORCED, "renforcement immédiat des mesures de sécurité",
            ContainmentAction.SYSTEMS_ISOLATED, "isolement des systèmes touchés",
            ContainmentAction.COMPLAINT_FILED, "dépôt de plainte",
            ContainmentAction.OTHER, "autres mesures de protection"));

    private static final Map<PatientInformationChannel, String> CHANNELS = new EnumMap<>(Map.of(
            PatientInformationChannel.INDIVIDUAL, " individuellement",
            PatientInformationChannel.PUBLIC_COMMUNICATION, " par voie de communication publique"));

    private CommuniqueWriter() {}

    /**
     * The communiqué of one region, from its incidents that exposed patient data.
     *
     * @param contacts each region's contact point for data protection, as configured (regions without one absent)
     */
    public static Draft regional(Region region, Collection<IncidentFacts> incidents, Map<Region, String> contacts) {
        String name = region.displayName();
        return write(
                "Cyberattaque visant les services numériques de santé en " + name + " : point de situation",
                "l'ARS " + name,
                incidents,
                contacts,
                false);
    }

    /** The national communiqué of a campaign, from the incidents linked to it; {@code contacts} as for a region's. */
    public static Draft national(Collection<IncidentFacts> incidents, Map<Region, String> contacts) {
        return write(
                "Cyberattaque visant les services numériques de santé de plusieurs régions : point de situation "
                        + "national",
                "les agences régionales de santé concernées",
                incidents,
                contacts,
                true);
    }

    /**
     * The draft of an exercise: its title and its first statement say EXERCICE, so that no copy of it can be taken
     * for a real communiqué.
     */
    public static Draft exercise(Draft draft) {
        String title = ExerciseTag.LABEL + " — " + draft.title();
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(
                "EXERCISE",
                ExerciseTag.LABEL + " — Ce communiqué est rédigé dans le cadre d'un exercice de gestion de crise : les"
                        + " faits qu'il décrit sont fictifs et n'appellent aucune action.",
                List.of()));
        statements.addAll(draft.statements());
        return new Draft(title, statements, digest(title, statements), draft.medicalDataExposed());
    }

    private static Draft write(
            String title,
            String speaker,
            Collection<IncidentFacts> all,
            Map<Region, String> contacts,
            boolean national) {
        List<IncidentFacts> incidents = all.stream()
                .filter(IncidentFacts::exposesPersonalData)
                .sorted(Comparator.comparing(IncidentFacts::awareAt).thenComparing(IncidentFacts::incidentId))
                .toList();
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("no incident exposing patient data to speak of");
        }
        List<String> reported = ids(incidents.stream().map(IncidentFacts::reportedEventId));
        List<String> assessed = ids(incidents.stream().map(IncidentFacts::assessmentEventId));
        List<Statement> statements = new ArrayList<>();

        Instant firstAware = incidents.get(0).awareAt();
        statements.add(new Statement(
                "WHAT_HAPPENED",
                "Le " + DAY.format(firstAware) + ", " + speaker
                        + " " + (national ? "ont" : "a")
                        + " eu connaissance d'un accès frauduleux aux serveurs des services "
                        + "numériques régionaux de santé. " + vectors(incidents),
                reported));

        Set<String> regions = incidents.stream()
                .map(IncidentFacts::region)
                .map(Region::displayName)
                .collect(Collectors.toCollection(TreeSet::new));
        if (national || regions.size() > 1) {
            statements.add(new Statement(
                    "REGIONS",
                    "Les régions concernées sont : " + String.join(", ", regions)
                            + ". L'attaque les a touchées à des degrés divers.",
                    reported));
        }

        Set<ExposedDataItem> exposed = new TreeSet<>();
        incidents.forEach(i -> exposed.addAll(i.exposedData()));
        long patients =
                incidents.stream().mapToLong(IncidentFacts::estimatedPatients).sum();
        String count = patients > 0
                ? " Environ "
                        + NumberFormat.getIntegerInstance(FRENCH)
                                .format(patients)
                                .replace('\u202f', ' ')
                                .replace('\u00a0', ' ')
                        + " patients seraient concernés."
                : "";
        statements.add(new Statement(
                "DATA_EXPOSED",
                "Les données exposées sont les suivantes : "
                        + list(exposed.stream().map(DATA::get).toList()) + "." + count,
                assessed));

        boolean medicalExposed = incidents.stream()
                .anyMatch(i -> i.medicalDataExposed() || i.exposedData().contains(ExposedDataItem.MEDICAL_RECORD));
        if (medicalExposed) {
            statements.add(new Statement(
                    "MEDICAL_DATA_EXPOSED",
                    "Des données issues de dossiers médicaux font " + "partie des données exposées.",
                    assessed));
        } else {
            statements.add(new Statement(
                    Statement.MEDICAL_DATA_SPARED,
                    "Aucune donnée médicale n'a été exposée : "
                            + "ni motifs de consultation, ni pathologies, ni médecins ou services consultés.",
                    assessed));
        }
        if (exposed.contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER)) {
            statements.add(new Statement(
                    "SOCIAL_SECURITY_NUMBER",
                    "Des numéros de sécurité sociale figurent parmi "
                            + "les données exposées : une vigilance particulière s'impose face à toute sollicitation "
                            + "inattendue.",
                    assessed));
        }

        Set<ContainmentAction> measures = new TreeSet<>();
        List<String> measureEvents = new ArrayList<>();
        incidents.forEach(i -> {
            measures.addAll(i.containmentActions());
            measureEvents.addAll(i.containmentEvents().values());
        });
        boolean analysing = incidents.stream()
                .anyMatch(i -> i.status() != IncidentStatus.RESOLVED && i.status() != IncidentStatus.CLOSED);
        String measureText = measures.isEmpty()
                ? "Des mesures de protection sont en cours de mise en œuvre."
                : "Dès la détection, les mesures suivantes ont été prises : "
                        + list(measures.stream().map(MEASURES::get).toList()) + ".";
        if (analysing) {
            measureText += " Une analyse approfondie des serveurs est en cours pour établir l'étendue exacte de "
                    + "l'incident.";
        }
        statements.add(new Statement("CONTAINMENT", measureText, ids(measureEvents.stream())));

        OperationalImpact worst = incidents.stream()
                .map(IncidentFacts::operationalImpact)
                .max(Comparator.naturalOrder())
                .orElse(OperationalImpact.NONE);
        statements.add(new Statement(
                "OPERATIONS",
                switch (worst) {
                    case NONE ->
                        "L'incident n'a aucune conséquence sur le fonctionnement des établissements de santé ni sur "
                                + "celui des services numériques régionaux, qui restent pleinement opérationnels.";
                    case DEGRADED ->
                        "Le fonctionnement de certains services numériques est perturbé ; la continuité des "
                                + "soins est assurée.";
                    case SEVERE ->
                        "Le fonctionnement de services numériques et d'établissements est fortement perturbé ; "
                                + "des mesures de continuité des soins sont en place.";
                },
                reported));

        statements.add(new Statement(
                "PHISHING_RISK",
                "Les données dérobées peuvent être utilisées pour des "
                        + "tentatives d'hameçonnage : courriels, SMS ou appels imitant des messages officiels afin d'obtenir "
                        + "des coordonnées bancaires, des numéros de carte, de sécurité sociale ou des mots de passe.",
                assessed));
        statements.add(new Statement(
                "ADVICE",
                "Rappel : un professionnel de santé, un établissement de santé ou "
                        + "médico-social ne demande jamais de coordonnées bancaires, de numéro de sécurité sociale ni de mot "
                        + "de passe par courriel, par téléphone ou par SMS.",
                List.of()));
        patientsInformed(incidents).ifPresent(statements::add);
        contact(incidents, contacts).ifPresent(statements::add);
        statements.add(new Statement(
                "REPORTING",
                "Tout message suspect peut être signalé sur signal-spam.fr, ou "
                        + "au 33700 pour les SMS ; un guide sur l'hameçonnage est disponible sur Service-Public.fr.",
                List.of()));
        return new Draft(title, statements, digest(title, statements), medicalExposed);
    }

    /**
     * What the latest patient-information decisions record: one sentence when it holds for every incident, else one
     * per region for the regions where it holds for every incident of the region; nothing where an incident records
     * no decision, or that the patients need not be told.
     */
    private static Optional<Statement> patientsInformed(List<IncidentFacts> incidents) {
        String all = informing(incidents);
        if (all != null) {
            return Optional.of(
                    new Statement("PATIENTS_INFORMED", "Les patients concernés " + all + ".", decisionIds(incidents)));
        }
        Map<String, List<IncidentFacts>> byRegion = incidents.stream()
                .collect(Collectors.groupingBy(i -> i.region().displayName(), TreeMap::new, Collectors.toList()));
        if (byRegion.size() < 2) {
            return Optional.empty();
        }
        List<String> sentences = new ArrayList<>();
        List<IncidentFacts> told = new ArrayList<>();
        byRegion.forEach((name, ofRegion) -> {
            String clause = informing(ofRegion);
            if (clause != null) {
                sentences.add(name + " : les patients concernés " + clause + ".");
                told.addAll(ofRegion);
            }
        });
        return sentences.isEmpty()
                ? Optional.empty()
                : Optional.of(new Statement("PATIENTS_INFORMED", String.join(" ", sentences), decisionIds(told)));
    }

    /**
     * What holds for the patients of every one of {@code incidents} (they were told, will be, or some were and the
     * others will be; how and on which day when the same for all), or null unless each records they must be told.
     */
    private static String informing(List<IncidentFacts> incidents) {
        List<PatientInformation> decisions =
                incidents.stream().map(IncidentFacts::patientInformation).toList();
        if (decisions.stream().anyMatch(d -> d == null || !d.required())) {
            return null;
        }
        Set<PatientInformationChannel> channels =
                decisions.stream().map(PatientInformation::channel).collect(Collectors.toCollection(HashSet::new));
        String how = channels.size() == 1 && !channels.contains(null)
                ? CHANNELS.get(channels.iterator().next())
                : "";
        if (decisions.stream().allMatch(d -> d.informedAt() != null)) {
            Set<String> days =
                    decisions.stream().map(d -> DAY.format(d.informedAt())).collect(Collectors.toSet());
            return "ont été informés" + how
                    + (days.size() == 1 ? " le " + days.iterator().next() : "");
        }
        return (decisions.stream().noneMatch(d -> d.informedAt() != null)
                        ? "seront informés"
                        : "ont été ou seront informés")
                + how;
    }

    /**
     * Where the patients told (or to be told) otherwise than individually can ask their questions: each such
     * region's configured contact point, or its agency's usual channels when none is configured.
     */
    private static Optional<Statement> contact(List<IncidentFacts> incidents, Map<Region, String> contacts) {
        List<IncidentFacts> publicly = incidents.stream()
                .filter(i ->
                        i.patientInformation() != null && i.patientInformation().publicly())
                .toList();
        if (publicly.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Region> regions = new TreeMap<>();
        publicly.forEach(i -> regions.put(i.region().displayName(), i.region()));
        String text;
        if (regions.size() == 1) {
            Region region = regions.values().iterator().next();
            String contact = contacts.get(region);
            text = "Pour toute question à ce sujet, les personnes concernées peuvent s'adresser "
                    + (contact == null
                            ? "à l'ARS " + region.displayName() + " par ses canaux de contact habituels."
                            : "au point de contact de l'ARS " + region.displayName()
                                    + " pour la protection des données : " + contact + ".");
        } else {
            List<String> items = new ArrayList<>();
            regions.forEach((name, region) -> {
                String contact = contacts.get(region);
                items.add(name + ", "
                        + (contact == null
                                ? "par ses canaux de contact habituels"
                                : "auprès de son point de contact pour la protection des données (" + contact + ")"));
            });
            text = "Pour toute question à ce sujet, les personnes concernées peuvent s'adresser à l'ARS de leur "
                    + "région : " + String.join(" ; ", items) + ".";
        }
        return Optional.of(new Statement("CONTACT", text, decisionIds(publicly)));
    }

    private static List<String> decisionIds(List<IncidentFacts> incidents) {
        return ids(incidents.stream()
                .map(IncidentFacts::patientInformation)
                .filter(java.util.Objects::nonNull)
                .map(PatientInformation::eventId));
    }

    private static String vectors(List<IncidentFacts> incidents) {
        Set<AttackVector> vectors =
                incidents.stream().map(IncidentFacts::attackVector).collect(Collectors.toCollection(TreeSet::new));
        List<String> sentences = new ArrayList<>();
        for (AttackVector vector : vectors) {
            sentences.add(
                    switch (vector) {
                        case ACCOUNT_USURPATION ->
                            "Les attaquants ont utilisé le compte d'un professionnel de santé dont "
                                    + "l'identité a été usurpée.";
                        case PHISHING -> "L'attaque s'appuie sur des messages frauduleux (hameçonnage).";
                        case RANSOMWARE -> "Il s'agit d'une attaque par rançongiciel.";
                        case VULNERABILITY_EXPLOIT -> "Les attaquants ont exploité une vulnérabilité informatique.";
                        case DENIAL_OF_SERVICE -> "Il s'agit d'une attaque par déni de service.";
                        case INSIDER -> "L'accès a été réalisé depuis l'intérieur d'un établissement.";
                        case OTHER, UNKNOWN -> "Le mode opératoire est en cours d'analyse.";
                    });
        }
        return String.join(" ", new LinkedHashSet<>(sentences));
    }

    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }

    private static List<String> ids(Stream<String> ids) {
        return ids.filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static String digest(String title, List<Statement> statements) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            for (Statement statement : statements) {
                sha.update((byte) 0);
                sha.update(statement.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
