package fr.ars.coord.incident.report;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.DataSubjectCategory;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.report.RegulatorReport.Section;
import fr.ars.coord.incident.report.RegulatorReport.Statement;
import fr.ars.coord.incident.report.ReportFacts.Recorded;
import fr.ars.coord.incident.view.IncidentView;
import fr.ars.coord.incident.view.WaiverView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a regulator report from the incident's view and events at one instant. Pure: the same events, view and
 * instant give the same report. What the law asks for:
 * <ul>
 *   <li>CERT Santé (code de la santé publique L.1111-8-2, D.1111-16-2, D.1111-16-3): who declares, when the agency became aware,
 *       the nature of the incident, its consequences, the measures taken;</li>
 *   <li>CNIL (GDPR art. 33(3)): a) the nature of the breach, the categories and approximate number of people and
 *       records; b) the contact point; c) the likely consequences; d) the measures taken or proposed;</li>
 *   <li>ANSSI (NIS2 art. 23(4)): a) early warning: malicious act suspected, cross-border impact; b) notification:
 *       the early warning updated, an initial assessment of severity and impact, indicators of compromise;
 *       d) final report: a detailed description with severity and impact, the type of threat or root cause, the
 *       mitigation applied and ongoing, the cross-border impact (a progress report, e), while still ongoing).</li>
 * </ul>
 * Only what is recorded is stated. What the record does not hold is said "non renseigné", never invented: the type of
 * a personal-data breach, the categories of people and the number of records concerned, indicators of compromise
 * when no observable stands, cross-border impact. The patients' information (GDPR art. 34) is told as the agency decided it, and an obligation
 * is said met by the notification its clock counts, found by the obligation policy's own rule.
 */
final class ReportWriter {

    /** How a statement says the record does not hold a fact; such a statement rests on no event. */
    static final String NOT_RECORDED = "non renseign";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm").withZone(PARIS);

    private static final Map<AttackVector, String> VECTORS = new EnumMap<>(Map.of(
            AttackVector.ACCOUNT_USURPATION, "usurpation du compte d'un utilisateur légitime",
            AttackVector.PHISHING, "hameçonnage",
            AttackVector.RANSOMWARE, "rançongiciel",
            AttackVector.VULNERABILITY_EXPLOIT, "exploitation d'une vulnérabilité",
            AttackVector.DENIAL_OF_SERVICE, "déni de service",
            AttackVector.INSIDER, "acte interne",
            AttackVector.OTHER, "autre mode opératoire",
            AttackVector.UNKNOWN, "mode opératoire encore inconnu"));
    private static final Map<ExposedDataItem, String> DATA = new EnumMap<>(Map.of(
            ExposedDataItem.LAST_NAME,
            "nom",
            ExposedDataItem.FIRST_NAME,
            "prénom",
            ExposedDataItem.AGE,
            "âge",
            ExposedDataItem.BIRTH_DATE,
            "date de naissance",
            ExposedDataItem.PHONE,
            "téléphone",
            ExposedDataItem.EMAIL,
            "adresse électronique",
            ExposedDataItem.POSTAL_ADDRESS,
            "adresse postale",
            ExposedDataItem.SOCIAL_SECURITY_NUMBER,
            "numéro de sécurité sociale",
            ExposedDataItem.MEDICAL_RECORD,
            "dossier médical",
            ExposedDataItem.OTHER,
            "autres données"));
    private static final Map<ContainmentAction, String> ACTIONS = new EnumMap<>(Map.of(
            ContainmentAction.ACCOUNTS_BLOCKED, "comptes bloqués",
            ContainmentAction.SECURITY_REINFORCED, "sécurité renforcée",
            ContainmentAction.SYSTEMS_ISOLATED, "systèmes isolés",
            ContainmentAction.COMPLAINT_FILED, "plainte déposée",
            ContainmentAction.OTHER, "autre mesure"));
    private static final Map<OperationalImpact, String> OPERATIONS = new EnumMap<>(Map.of(
            OperationalImpact.NONE, "aucun effet sur les soins ni sur les services numériques régionaux",
            OperationalImpact.DEGRADED, "services numériques régionaux dégradés",
            OperationalImpact.SEVERE, "effets graves sur les services et la continuité des soins"));
    private static final Map<IncidentStatus, String> STATUSES = new EnumMap<>(Map.of(
            IncidentStatus.REPORTED,
            "signalé",
            IncidentStatus.ASSESSING,
            "en cours d'évaluation",
            IncidentStatus.CONTAINED,
            "contenu",
            IncidentStatus.RESOLVED,
            "résolu",
            IncidentStatus.CLOSED,
            "clos"));

    private final ReportKind kind;
    private final IncidentView view;
    private final ReportFacts facts;
    private final Optional<String> dataProtectionContact;

    ReportWriter(ReportKind kind, IncidentView view, ReportFacts facts, Optional<String> dataProtectionContact) {
        this.kind = kind;
        this.view = view;
        this.facts = facts;
        this.dataProtectionContact = dataProtectionContact;
    }

    RegulatorReport write(Instant generatedAt) {
        RegulatoryClock clock = view.regulatoryClocks().stream()
                .filter(c -> c.code() == kind.obligation())
                .findFirst()
                .orElseThrow();
        boolean progress = kind == ReportKind.NIS2_FINAL_REPORT && view.status().compareTo(IncidentStatus.RESOLVED) < 0;
        String title = progress ? "Rapport d'avancement à l'ANSSI (NIS2) : incident en cours" : kind.title();
        List<Section> sections = switch (kind) {
            case CERT_SANTE_DECLARATION -> certSante();
            case CNIL_NOTIFICATION -> cnil();
            case NIS2_EARLY_WARNING -> earlyWarning();
            case NIS2_NOTIFICATION -> nis2Notification();
            case NIS2_FINAL_REPORT -> finalReport(progress);
        };
        List<Section> all = new ArrayList<>();
        all.add(identification());
        all.addAll(sections);
        all.add(deadline(clock));
        return new RegulatorReport(
                kind.slug(),
                view.exerciseId() == null ? title : ExerciseTag.LABEL + " — " + title,
                kind.obligation().legalBasis(),
                view.id(),
                view.region(),
                agency(view.region()),
                view.classification().tlp(),
                view.evaluatedAt(),
                view.asOfView(),
                generatedAt,
                clock,
                List.copyOf(all),
                view.exerciseId());
    }

    static String agency(Region region) {
        return region == Region.COR ? "ARS de Corse" : "ARS " + region.displayName();
    }

    private Section identification() {
        List<Statement> statements = new ArrayList<>();
        String reported = facts.reported.eventId();
        statements.add(statement(
                "Déclarant : " + agency(view.region()) + " (" + view.region().code() + "), incident"
                        + " enregistré le " + when(view.reportedAt()) + " par "
                        + view.reportedBy().username() + " ("
                        + view.reportedBy().org() + ").",
                reported));
        statements.add(statement("Incident : « " + view.title() + " » (référence " + view.id() + ").", reported));
        statements.add(statement("Date de prise de connaissance : " + when(view.awareAt()) + ".", reported));
        statements.add(statement(
                "État de l'incident : " + STATUSES.get(view.status()) + ".",
                facts.statusIds().get(facts.statusIds().size() - 1)));
        return new Section("Identification", statements);
    }

    private List<Section> certSante() {
        return List.of(
                new Section("Nature de l'incident", nature(true)),
                new Section("Conséquences", consequences()),
                new Section("Mesures prises", measures(false)),
                IndicatorStatements.section(facts));
    }

    private List<Section> cnil() {
        List<Statement> nature = new ArrayList<>();
        nature.add(breachTypes());
        nature.add(cnilDecision());
        nature.addAll(nature(false));
        nature.addAll(exposure(true));
        List<Statement> contact = new ArrayList<>();
        contact.add(dataProtectionContact
                .map(c -> new Statement(
                        "Délégué à la protection des données de l'" + agency(view.region()) + " : " + c + ".",
                        List.of()))
                .orElse(new Statement(
                        "Délégué à la protection des données de l'" + agency(view.region())
                                + " : coordonnées à compléter (non configurées).",
                        List.of())));
        contact.add(statement(
                "Incident suivi par " + view.reportedBy().username() + " ("
                        + view.reportedBy().org() + ").",
                facts.reported.eventId()));
        return List.of(
                new Section(
                        "a) Nature de la violation, catégories et nombre approximatif de personnes et"
                                + " d'enregistrements",
                        nature),
                new Section("b) Point de contact", contact),
                new Section("c) Conséquences probables", likelyConsequences()),
                new Section("d) Mesures prises ou envisagées", measures(true)));
    }

    /** The decision on notifying the CNIL, and when the agency became aware of the breach, as recorded. */
    private Statement cnilDecision() {
        if (facts.cnilDecision == null) {
            return notRecorded("Décision de notification à la CNIL : non renseignée ; le délai de 72 heures est compté"
                    + " depuis la prise de connaissance de l'incident (" + when(view.awareAt()) + ").");
        }
        CnilNotificationDecidedEvent decision = facts.cnilDecision.event();
        Instant breachAware = decision.breachAwareAt() != null ? decision.breachAwareAt() : view.awareAt();
        String decided = decision.decision() == CnilDecision.NOTIFY
                ? "Décision de notifier la CNIL enregistrée le " + when(facts.cnilDecision.at())
                : "Notification non requise (RGPD art. 33(1), risque improbable), décision enregistrée le "
                        + when(facts.cnilDecision.at()) + " : " + decision.reason();
        return statement(
                decided + ". Prise de connaissance de la violation : " + when(breachAware) + ".",
                facts.cnilDecision.eventId());
    }

    /** Whether the incident is significant under NIS2 art. 23(3), as decided. */
    private Statement significance() {
        if (facts.significance == null) {
            return notRecorded("Caractère important de l'incident (art. 23(3)) : décision non renseignée.");
        }
        Nis2SignificanceAssessedEvent decision = facts.significance.event();
        String text = decision.significance() == Nis2Significance.SIGNIFICANT
                ? "Incident important au sens de l'art. 23(3) : "
                        + decision.criteria().stream()
                                .map(CRITERIA::get)
                                .collect(java.util.stream.Collectors.joining(" ; "))
                        + "."
                : "Incident non important au sens de l'art. 23(3) : " + decision.reason() + ".";
        return statement(text, facts.significance.eventId());
    }

    private static final Map<SignificanceCriterion, String> CRITERIA = Map.of(
            SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION,
            "perturbation opérationnelle grave des services",
            SignificanceCriterion.FINANCIAL_LOSS,
            "pertes financières pour l'entité",
            SignificanceCriterion.CONSIDERABLE_DAMAGE_TO_OTHERS,
            "dommages matériels ou non matériels considérables causés à des tiers");

    private List<Section> earlyWarning() {
        List<Statement> statements = new ArrayList<>();
        boolean malicious = view.attackVector() != AttackVector.OTHER && view.attackVector() != AttackVector.UNKNOWN;
        statements.add(statement(
                malicious
                        ? "Acte illicite ou malveillant suspecté : oui (" + VECTORS.get(view.attackVector()) + ")."
                        : "Acte illicite ou malveillant suspecté : non établi à ce stade ("
                                + VECTORS.get(view.attackVector()) + ").",
                facts.reported.eventId()));
        statements.add(crossBorder());
        return List.of(new Section("Alerte précoce (art. 23(4)(a))", statements));
    }

    private List<Section> nis2Notification() {
        List<Statement> update = new ArrayList<>(earlyWarning().get(0).statements());
        List<Statement> assessment = new ArrayList<>();
        assessment.add(significance());
        assessment.addAll(nature(false));
        assessment.addAll(consequences());
        return List.of(
                new Section("Mise à jour de l'alerte précoce", update),
                new Section("Évaluation initiale : gravité et impact", assessment),
                IndicatorStatements.section(facts));
    }

    private List<Section> finalReport(boolean progress) {
        List<Statement> description = new ArrayList<>(nature(true));
        description.addAll(consequences());
        List<Statement> cause = new ArrayList<>();
        cause.add(statement("Type de menace : " + VECTORS.get(view.attackVector()) + ".", facts.reported.eventId()));
        classes().ifPresent(cause::add);
        List<Section> sections = new ArrayList<>();
        if (progress) {
            sections.add(new Section(
                    "Rapport d'avancement (art. 23(4)(e))",
                    List.of(statement(
                            "L'incident est "
                                    + STATUSES.get(view.status())
                                    + " : ce rapport d'avancement précède le rapport final, dû un mois"
                                    + " après le traitement de l'incident.",
                            facts.statusIds().get(facts.statusIds().size() - 1)))));
        }
        sections.add(new Section("i) Description détaillée, gravité et impact", description));
        sections.add(new Section("ii) Type de menace ou cause profonde", cause));
        sections.add(IndicatorStatements.section(facts));
        sections.add(new Section("iii) Mesures d'atténuation appliquées et en cours", measures(false)));
        sections.add(new Section("iv) Impact transfrontière", List.of(crossBorder())));
        return sections;
    }

    private Section deadline(RegulatoryClock clock) {
        List<Statement> statements = new ArrayList<>();
        String obligation = clock.obligation() + " (" + kind.obligation().legalBasis() + " ; "
                + kind.obligation().deadlineNature() + ")";
        if (clock.dueAt() == null) {
            statements.add(new Statement(obligation + " : délai non commencé.", List.of()));
        } else {
            statements.add(new Statement(obligation + " : échéance le " + when(clock.dueAt()) + ".", List.of()));
        }
        fulfilling(clock)
                .ifPresent(n -> statements.add(statement(
                        "Transmis le " + when(n.event().notifiedAt())
                                + (n.event().reference() == null
                                        ? ""
                                        : " (référence " + n.event().reference() + ")")
                                + (clock.late()
                                        ? ", après l'échéance"
                                                + (n.event().lateReason() == null
                                                        ? "."
                                                        : ". Motif du retard : "
                                                                + n.event().lateReason())
                                        : clock.dueAt() == null ? "." : ", dans le délai."),
                        n.eventId())));
        if (clock.status() == RegulatoryClock.ClockStatus.WAIVED) {
            waiver(clock).ifPresent(statements::add);
        }
        return new Section("Délai légal", statements);
    }

    /** An obligation the incident was closed without: the reason and who recorded it, as the closure says. */
    private Optional<Statement> waiver(RegulatoryClock clock) {
        Optional<WaiverView> waived =
                view.waivers().stream().filter(w -> w.code() == clock.code()).findFirst();
        Optional<Recorded<IncidentStatusChangedEvent>> closure = facts.statusChanges.stream()
                .filter(s -> s.event().waivers().stream().anyMatch(w -> w.code() == clock.code()))
                .findFirst();
        if (waived.isEmpty() || closure.isEmpty()) {
            return Optional.empty();
        }
        WaiverView w = waived.get();
        String by = w.recordedBy() == null || w.recordedBy().username() == null
                ? ""
                : " par " + w.recordedBy().username()
                        + (w.recordedBy().org() == null
                                ? ""
                                : " (" + w.recordedBy().org() + ")");
        return Optional.of(statement(
                "Non réalisée : " + w.reason() + " (dérogation enregistrée à la clôture de" + " l'incident le "
                        + when(w.recordedAt()) + by + ").",
                closure.get().eventId()));
    }

    /** The notification that met the obligation: the event its clock names ({@code metBy}). */
    private Optional<Recorded<AuthorityNotifiedEvent>> fulfilling(RegulatoryClock clock) {
        if (clock.status() != RegulatoryClock.ClockStatus.MET || clock.metBy() == null) {
            return Optional.empty();
        }
        return facts.notifications.stream()
                .filter(n -> n.eventId().equals(clock.metBy()))
                .findFirst();
    }

    private List<Statement> nature(boolean withSummary) {
        List<Statement> statements = new ArrayList<>();
        if (withSummary) {
            statements.add(statement("Description : " + view.summary(), facts.reported.eventId()));
        }
        statements.add(
                statement("Mode opératoire : " + VECTORS.get(view.attackVector()) + ".", facts.reported.eventId()));
        classes().ifPresent(statements::add);
        return statements;
    }

    private Optional<Statement> classes() {
        if (facts.classification == null) {
            return Optional.empty();
        }
        List<TaxonomyClass> all = new ArrayList<>();
        all.add(facts.classification.event().taxonomyClass());
        all.addAll(facts.classification.event().relatedClasses());
        return Optional.of(statement(
                "Classification (taxonomie de référence de l'ENISA) : "
                        + all.stream().map(TaxonomyClass::code).collect(Collectors.joining(", ")) + ".",
                facts.classification.eventId()));
    }

    private List<Statement> consequences() {
        List<Statement> statements = new ArrayList<>();
        statements.add(statement(
                "Effet sur le fonctionnement : " + OPERATIONS.get(view.operationalImpact()) + ".",
                facts.reported.eventId()));
        statements.addAll(exposure(false));
        return statements;
    }

    /**
     * What the latest assessment says was exposed, and how many patients. For the CNIL ({@code cnil}), also what
     * art. 33(3)(a) asks and the record does not hold: the categories of people and the number of records.
     */
    private List<Statement> exposure(boolean cnil) {
        List<Statement> statements = new ArrayList<>();
        Recorded<IncidentAssessedEvent> latest = facts.latestAssessment;
        if (latest == null) {
            statements.add(statement(
                    "Données concernées : pas encore évaluées (aucune évaluation enregistrée).",
                    facts.reported.eventId()));
            if (cnil) {
                statements.add(notRecorded("Catégories de personnes concernées : non renseignées."));
                statements.add(notRecorded("Nombre approximatif de personnes concernées : non renseigné."));
                statements.add(notRecorded("Nombre approximatif d'enregistrements concernés : non renseigné."));
            }
            return statements;
        }
        IncidentAssessedEvent assessment = latest.event();
        String categories = assessment.exposedData().isEmpty()
                ? "aucune donnée personnelle identifiée"
                : assessment.exposedData().stream().sorted().map(DATA::get).collect(Collectors.joining(", "));
        statements.add(statement(
                "Catégories de données concernées selon la dernière évaluation, du " + when(latest.at()) + " : "
                        + categories + ".",
                latest.eventId()));
        statements.add(statement(
                medicalData(assessment)
                        ? "Données de santé : exposées selon cette évaluation."
                        : "Données de santé : aucune exposée selon cette évaluation.",
                latest.eventId()));
        if (cnil) {
            statements.add(
                    assessment.dataSubjects().isEmpty()
                            ? notRecorded(
                                    "Catégories de personnes concernées : non renseignées dans la dernière évaluation.")
                            : statement(
                                    "Catégories de personnes concernées selon la dernière évaluation : "
                                            + assessment.dataSubjects().stream()
                                                    .map(SUBJECTS::get)
                                                    .collect(Collectors.joining(", "))
                                            + ".",
                                    latest.eventId()));
        }
        statements.add(statement(
                "Nombre approximatif de personnes concernées : " + number(assessment.estimatedPatients())
                        + " patients (estimation de la dernière évaluation).",
                latest.eventId()));
        if (cnil) {
            statements.add(
                    assessment.estimatedRecords() == null
                            ? notRecorded("Nombre approximatif d'enregistrements concernés : non renseigné.")
                            : statement(
                                    "Nombre approximatif d'enregistrements concernés : "
                                            + number(assessment.estimatedRecords())
                                            + " (estimation de la dernière évaluation).",
                                    latest.eventId()));
        }
        if (!assessment.affectedSystems().isEmpty()) {
            statements.add(statement(
                    "Systèmes touchés : " + String.join(", ", assessment.affectedSystems()) + ".", latest.eventId()));
        }
        return statements;
    }

    /** The breach's types (confidentiality, integrity, availability) as the latest assessment recorded them. */
    private Statement breachTypes() {
        Recorded<IncidentAssessedEvent> latest = facts.latestAssessment;
        if (latest == null || latest.event().breachTypes().isEmpty()) {
            return notRecorded("Type(s) de violation (atteinte à la confidentialité, à l'intégrité ou à la"
                    + " disponibilité des données) : non renseigné(s) dans le dossier de l'incident.");
        }
        return statement(
                "Type(s) de violation selon la dernière évaluation : "
                        + latest.event().breachTypes().stream()
                                .map(BREACH_TYPES::get)
                                .collect(Collectors.joining(", ")) + ".",
                latest.eventId());
    }

    private static final Map<BreachType, String> BREACH_TYPES = new EnumMap<>(Map.of(
            BreachType.CONFIDENTIALITY, "atteinte à la confidentialité (données divulguées ou consultées)",
            BreachType.INTEGRITY, "atteinte à l'intégrité (données modifiées)",
            BreachType.AVAILABILITY, "atteinte à la disponibilité (données perdues ou indisponibles)"));
    private static final Map<DataSubjectCategory, String> SUBJECTS = new EnumMap<>(Map.of(
            DataSubjectCategory.PATIENTS,
            "patients",
            DataSubjectCategory.PROFESSIONALS,
            "professionnels de santé",
            DataSubjectCategory.OTHERS,
            "autres personnes"));

    private static boolean medicalData(IncidentAssessedEvent assessment) {
        return assessment.medicalDataExposed() || assessment.exposedData().contains(ExposedDataItem.MEDICAL_RECORD);
    }

    private List<Statement> likelyConsequences() {
        List<Statement> statements = new ArrayList<>();
        Recorded<IncidentAssessedEvent> latest = facts.latestAssessment;
        if (latest == null) {
            statements.add(
                    statement("Conséquences : à évaluer (aucune évaluation enregistrée).", facts.reported.eventId()));
            patientDecision(false, facts.reported.eventId()).ifPresent(statements::add);
            return statements;
        }
        IncidentAssessedEvent assessment = latest.event();
        if (assessment.exposedData().stream()
                .anyMatch(d -> d == ExposedDataItem.EMAIL
                        || d == ExposedDataItem.PHONE
                        || d == ExposedDataItem.POSTAL_ADDRESS)) {
            statements.add(statement(
                    "Risque d'hameçonnage et de tentatives d'escroquerie auprès des personnes dont"
                            + " les coordonnées ont été exposées.",
                    latest.eventId()));
        }
        if (assessment.exposedData().contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER)) {
            statements.add(
                    statement("Risque d'usurpation d'identité (numéro de sécurité sociale exposé).", latest.eventId()));
        }
        if (medicalData(assessment)) {
            statements.add(
                    statement("Atteinte au secret médical : des données de santé ont été exposées.", latest.eventId()));
        }
        boolean sensitive =
                medicalData(assessment) || assessment.exposedData().contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER);
        boolean highRisk = assessment.highRiskToPatients();
        String risk;
        if (highRisk) {
            risk = "Risque élevé pour les droits et libertés des personnes (RGPD art. 34(1)) : "
                    + (sensitive
                            ? "données de santé ou numéro de sécurité sociale exposés."
                            : "selon la dernière évaluation.");
        } else if (Boolean.FALSE.equals(assessment.highRisk())) {
            risk = "Risque évalué comme non élevé pour les droits et libertés des personnes.";
        } else {
            risk = "Niveau de risque pour les droits et libertés des personnes : non renseigné par la dernière"
                    + " évaluation (ni données de santé ni numéro de sécurité sociale exposés).";
        }
        statements.add(statement(risk, latest.eventId()));
        patientDecision(highRisk, latest.eventId()).ifPresent(statements::add);
        return statements;
    }

    /**
     * The agency's decision on telling the people concerned (GDPR art. 34), as recorded: to tell them (34(1)), when
     * they were told if that is recorded; not to (34(3)), for the reason recorded; or, with a high risk and nothing
     * decided, that no decision is recorded yet ({@code basis}: the assessment that found the risk).
     */
    private Optional<Statement> patientDecision(boolean highRisk, String basis) {
        Recorded<PatientInformationRecordedEvent> recorded = facts.patientInformation;
        if (recorded == null) {
            return highRisk
                    ? Optional.of(statement(
                            "Information des personnes concernées (RGPD art. 34) : décision"
                                    + " non encore enregistrée.",
                            basis))
                    : Optional.empty();
        }
        PatientInformationRecordedEvent information = recorded.event();
        if (information.decision() == PatientInformationDecision.NOT_REQUIRED) {
            return Optional.of(statement(
                    "Information des personnes concernées non requise (RGPD art. 34(3)) : "
                            + sentence(information.reason()),
                    recorded.eventId()));
        }
        return Optional.of(statement(
                "Information des personnes concernées décidée (RGPD art. 34(1))"
                        + (information.informedAt() == null
                                ? " ; sa réalisation n'est pas encore enregistrée."
                                : " : personnes informées le " + when(information.informedAt()) + "."),
                recorded.eventId()));
    }

    private List<Statement> measures(boolean withPatients) {
        List<Statement> statements = new ArrayList<>();
        for (var action : facts.containment) {
            String description = action.event().description() == null
                    ? ""
                    : " : " + action.event().description();
            statements.add(statement(
                    "Le " + when(action.at()) + ", "
                            + ACTIONS.get(action.event().action()) + description,
                    action.eventId()));
        }
        if (statements.isEmpty()) {
            statements.add(statement("Aucune mesure enregistrée à ce stade.", facts.reported.eventId()));
        }
        if (withPatients
                && facts.patientInformation != null
                && facts.patientInformation.event().decision() == PatientInformationDecision.REQUIRED) {
            // a decision not to tell them is no measure: c) says it with its reason
            PatientInformationRecordedEvent information = facts.patientInformation.event();
            String text = information.informedAt() == null
                    ? "Information des patients décidée ; sa réalisation n'est pas encore enregistrée."
                    : "Patients informés le " + when(information.informedAt())
                            + (information.patientsInformed() == null
                                    ? ""
                                    : " (" + number(information.patientsInformed()) + " patients)")
                            + ", par "
                            + (information.channel() == PatientInformationChannel.INDIVIDUAL
                                    ? "message individuel."
                                    : "communication publique.");
            statements.add(statement(text, facts.patientInformation.eventId()));
        }
        return statements;
    }

    private Statement crossBorder() {
        return notRecorded(
                "Impact transfrontière : non renseigné (aucun élément enregistré à ce stade ne" + " l'établit).");
    }

    /** A fact the record does not hold, said as such ({@link #NOT_RECORDED}): it rests on no event. */
    private static Statement notRecorded(String text) {
        if (!text.contains(NOT_RECORDED)) {
            throw new IllegalArgumentException("a fact not recorded is said \"non renseigné\": " + text);
        }
        return new Statement(text, List.of());
    }

    /** Whether a statement resting on no event says a fact is not recorded (rather than read from configuration). */
    static boolean saysNotRecorded(Statement statement) {
        return statement.eventIds().isEmpty() && statement.text().contains(NOT_RECORDED);
    }

    /** Free text as the end of a sentence: a full stop unless it already ends with one. */
    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.matches(".*[.!?…]$") ? trimmed : trimmed + ".";
    }

    private static Statement statement(String text, String eventId) {
        return new Statement(text, List.of(eventId));
    }

    static String when(Instant at) {
        return WHEN.format(at) + " (heure de Paris)";
    }

    /** 12000 as "12 000", with a plain space as French typography writes it in plain text. */
    static String number(long value) {
        String digits = Long.toString(value);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
