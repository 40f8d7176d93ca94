package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an incident's obligations depend on, folded from its events: the one fold the aggregate, the incident's
 * views, the national picture and the reports share, so that they read the same clocks. Immutable; {@link #with}
 * gives the same facts whatever the order the events come in and however many times each comes (a replay, a
 * repeated delivery): "first" facts keep the earliest instant, decisions the one of the highest sequence number,
 * notifications are kept once per event.
 *
 * @param region                the incident's region
 * @param entity                the kind of organisation hit (null in events of earlier releases)
 * @param terms                 the obligation terms stamped when it was reported (null in earlier releases: the
 *                              installation's current terms are read instead)
 * @param awareAt               when the agency became aware: most clocks start then
 * @param resolvedAt            the first move to RESOLVED, or null
 * @param personalDataExposedAt when an assessment first said personal data was exposed, or null
 * @param highRiskAt            when an assessment first found a high risk to the patients, or null
 * @param notifications         every notification to an authority, earliest first
 * @param patientInformation    the latest art. 34 decision, or null
 * @param significance          the latest NIS2 significance decision, or null
 * @param cnilDecision          the latest decision on notifying the CNIL, or null
 * @param intermediateRequest   ANSSI's latest request for an intermediate report, or null
 * @param waivers               the obligations the incident was closed without meeting, with their reasons
 */
public record ObligationFacts(
        Region region,
        EntityKind entity,
        ObligationTerms terms,
        Instant awareAt,
        Instant resolvedAt,
        Instant personalDataExposedAt,
        Instant highRiskAt,
        List<Notification> notifications,
        PatientInformation patientInformation,
        Significance significance,
        CnilNotificationDecision cnilDecision,
        IntermediateReportRequest intermediateRequest,
        List<ObligationWaiver> waivers) {

    /** Nothing recorded yet. */
    public static final ObligationFacts NONE =
            new ObligationFacts(null, null, null, null, null, null, null, List.of(), null, null, null, null, List.of());

    public ObligationFacts {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /** A notification as far as clocks are concerned; {@code eventId} is the event that recorded it. */
    public record Notification(
            Authority authority, NotificationKind kind, Instant notifiedAt, String lateReason, String eventId) {

        public Notification(Authority authority, NotificationKind kind, Instant notifiedAt, String lateReason) {
            this(authority, kind, notifiedAt, lateReason, null);
        }

        public static Notification of(AuthorityNotifiedEvent event, String eventId) {
            return new Notification(
                    event.authority(), event.effectiveKind(), event.notifiedAt(), event.lateReason(), eventId);
        }
    }

    /** The art. 34 decision and, once done, when the patients were told; recorded as event {@code eventId}. */
    public record PatientInformation(
            PatientInformationDecision decision, Instant informedAt, String reason, long sequence, String eventId) {

        public PatientInformation(PatientInformationDecision decision, Instant informedAt, String reason) {
            this(decision, informedAt, reason, 0, null);
        }
    }

    /** The NIS2 significance decision, recorded at {@code decidedAt} as event {@code eventId}. */
    public record Significance(Nis2Significance significance, Instant decidedAt, long sequence, String eventId) {}

    /**
     * The decision on notifying the CNIL: {@code breachAwareAt} is when the 72 hours start (the incident's awareness
     * when it does not say).
     */
    public record CnilNotificationDecision(
            CnilDecision decision,
            String reason,
            Instant breachAwareAt,
            Instant decidedAt,
            long sequence,
            String eventId) {}

    /** ANSSI's request for an intermediate report. */
    public record IntermediateReportRequest(Instant requestedAt, Instant dueAt, long sequence, String eventId) {}

    /** Where one event of an incident's stream stands: its id, its sequence number and when it was recorded. */
    public record Recorded(String eventId, long sequence, Instant at) {}

    /** The facts with {@code event} folded in, recorded as {@code recorded}. */
    public ObligationFacts with(IncidentEvent event, Recorded recorded) {
        Objects.requireNonNull(recorded, "recorded");
        ObligationFacts facts = region == null ? withRegion(event.region()) : this;
        if (event instanceof IncidentReportedEvent e) {
            return new ObligationFacts(
                    e.region(),
                    e.entity(),
                    e.terms(),
                    e.awareAt(),
                    facts.resolvedAt,
                    facts.personalDataExposedAt,
                    facts.highRiskAt,
                    facts.notifications,
                    facts.patientInformation,
                    facts.significance,
                    facts.cnilDecision,
                    facts.intermediateRequest,
                    facts.waivers);
        }
        if (event instanceof IncidentAssessedEvent e) {
            return new ObligationFacts(
                    facts.region,
                    facts.entity,
                    facts.terms,
                    facts.awareAt,
                    facts.resolvedAt,
                    e.personalDataExposed()
                            ? earliest(facts.personalDataExposedAt, recorded.at())
                            : facts.personalDataExposedAt,
                    e.highRiskToPatients() ? earliest(facts.highRiskAt, recorded.at()) : facts.highRiskAt,
                    facts.notifications,
                    facts.patientInformation,
                    facts.significance,
                    facts.cnilDecision,
                    facts.intermediateRequest,
                    facts.waivers);
        }
        if (event instanceof IncidentStatusChangedEvent e) {
            return new ObligationFacts(
                    facts.region,
                    facts.entity,
                    facts.terms,
                    facts.awareAt,
                    e.to() == IncidentStatus.RESOLVED ? earliest(facts.resolvedAt, recorded.at()) : facts.resolvedAt,
                    facts.personalDataExposedAt,
                    facts.highRiskAt,
                    facts.notifications,
                    facts.patientInformation,
                    facts.significance,
                    facts.cnilDecision,
                    facts.intermediateRequest,
                    e.to() == IncidentStatus.CLOSED && !e.waivers().isEmpty() ? e.waivers() : facts.waivers);
        }
        if (event instanceof AuthorityNotifiedEvent e) {
            return facts.withNotification(Notification.of(e, recorded.eventId()));
        }
        if (event instanceof PatientInformationRecordedEvent e) {
            return facts.patientInformation != null && facts.patientInformation.sequence() >= recorded.sequence()
                    ? facts
                    : new ObligationFacts(
                            facts.region,
                            facts.entity,
                            facts.terms,
                            facts.awareAt,
                            facts.resolvedAt,
                            facts.personalDataExposedAt,
                            facts.highRiskAt,
                            facts.notifications,
                            new PatientInformation(
                                    e.decision(), e.informedAt(), e.reason(), recorded.sequence(), recorded.eventId()),
                            facts.significance,
                            facts.cnilDecision,
                            facts.intermediateRequest,
                            facts.waivers);
        }
        if (event instanceof Nis2SignificanceAssessedEvent e) {
            return facts.significance != null && facts.significance.sequence() >= recorded.sequence()
                    ? facts
                    : new ObligationFacts(
                            facts.region,
                            facts.entity,
                            facts.terms,
                            facts.awareAt,
                            facts.resolvedAt,
                            facts.personalDataExposedAt,
                            facts.highRiskAt,
                            facts.notifications,
                            facts.patientInformation,
                            new Significance(e.significance(), recorded.at(), recorded.sequence(), recorded.eventId()),
                            facts.cnilDecision,
                            facts.intermediateRequest,
                            facts.waivers);
        }
        if (event instanceof CnilNotificationDecidedEvent e) {
            return facts.cnilDecision != null && facts.cnilDecision.sequence() >= recorded.sequence()
                    ? facts
                    : new ObligationFacts(
                            facts.region,
                            facts.entity,
                            facts.terms,
                            facts.awareAt,
                            facts.resolvedAt,
                            facts.personalDataExposedAt,
                            facts.highRiskAt,
                            facts.notifications,
                            facts.patientInformation,
                            facts.significance,
                            new CnilNotificationDecision(
                                    e.decision(),
                                    e.reason(),
                                    e.breachAwareAt(),
                                    recorded.at(),
                                    recorded.sequence(),
                                    recorded.eventId()),
                            facts.intermediateRequest,
                            facts.waivers);
        }
        if (event instanceof Nis2IntermediateReportRequestedEvent e) {
            return facts.intermediateRequest != null && facts.intermediateRequest.sequence() >= recorded.sequence()
                    ? facts
                    : new ObligationFacts(
                            facts.region,
                            facts.entity,
                            facts.terms,
                            facts.awareAt,
                            facts.resolvedAt,
                            facts.personalDataExposedAt,
                            facts.highRiskAt,
                            facts.notifications,
                            facts.patientInformation,
                            facts.significance,
                            facts.cnilDecision,
                            new IntermediateReportRequest(
                                    e.requestedAt(), e.dueAt(), recorded.sequence(), recorded.eventId()),
                            facts.waivers);
        }
        // containment actions, classifications and reminders change no obligation
        return facts;
    }

    /** These facts read with {@code current} when no terms were stamped (incidents of earlier releases). */
    public ObligationFacts withTermsIfNone(ObligationTerms current) {
        return terms != null
                ? this
                : new ObligationFacts(
                        region,
                        entity,
                        current,
                        awareAt,
                        resolvedAt,
                        personalDataExposedAt,
                        highRiskAt,
                        notifications,
                        patientInformation,
                        significance,
                        cnilDecision,
                        intermediateRequest,
                        waivers);
    }

    /** The kind of organisation hit: an agency's own systems when the record does not say. */
    public EntityKind effectiveEntity() {
        return entity != null ? entity : EntityKind.ARS;
    }

    /** Whether NIS2 applies to the entity hit, by the terms in force for the incident. */
    public boolean nis2InForce() {
        return terms != null && terms.nis2InForce();
    }

    /** Whether NIS2's reporting clocks run: NIS2 applies and the incident was assessed significant. */
    public boolean nis2Reportable() {
        return nis2InForce() && significance != null && significance.significance() == Nis2Significance.SIGNIFICANT;
    }

    /** When the CNIL's 72 hours start: the breach's awareness as decided, else the incident's. */
    public Instant breachAwareAt() {
        return cnilDecision != null && cnilDecision.breachAwareAt() != null ? cnilDecision.breachAwareAt() : awareAt;
    }

    /** Whether the record holds a personal-data breach: an assessment said so, or a CNIL decision was taken. */
    public boolean personalDataBreach() {
        return personalDataExposedAt != null || cnilDecision != null;
    }

    private ObligationFacts withRegion(Region eventRegion) {
        return new ObligationFacts(
                eventRegion,
                entity,
                terms,
                awareAt,
                resolvedAt,
                personalDataExposedAt,
                highRiskAt,
                notifications,
                patientInformation,
                significance,
                cnilDecision,
                intermediateRequest,
                waivers);
    }

    private ObligationFacts withNotification(Notification notification) {
        if (notification.eventId() != null
                && notifications.stream().anyMatch(n -> notification.eventId().equals(n.eventId()))) {
            return this;
        }
        List<Notification> all = new ArrayList<>(notifications);
        all.add(notification);
        all.sort(Comparator.comparing(Notification::notifiedAt)
                .thenComparing(n -> n.eventId() == null ? "" : n.eventId())
                .thenComparing(n -> n.authority().name())
                .thenComparing(n -> n.kind().name()));
        return new ObligationFacts(
                region,
                entity,
                terms,
                awareAt,
                resolvedAt,
                personalDataExposedAt,
                highRiskAt,
                all,
                patientInformation,
                significance,
                cnilDecision,
                intermediateRequest,
                waivers);
    }

    private static Instant earliest(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }
}
