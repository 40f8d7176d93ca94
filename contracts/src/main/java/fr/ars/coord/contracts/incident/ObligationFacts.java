package fr.ars.coord.contracts.incident;

import java.time.Instant;
import java.util.List;

/**
 * What an incident's obligations depend on, as recorded up to some instant.
 *
 * @param awareAt               when the agency became aware: most clocks start then
 * @param resolvedAt            the first move to RESOLVED, or null
 * @param personalDataExposedAt when an assessment first said personal data was exposed, or null
 * @param highRiskAt            when an assessment first found a high risk to the patients, or null
 * @param notifications         every notification to an authority, in the order recorded
 * @param patientInformation    the latest art. 34 decision, or null
 * @param nis2Applies           whether the region's entity is under NIS2
 * @param waivers               the obligations the incident was closed without meeting, with their reasons
 */
public record ObligationFacts(Instant awareAt, Instant resolvedAt, Instant personalDataExposedAt, Instant highRiskAt,
                              List<Notification> notifications, PatientInformation patientInformation,
                              boolean nis2Applies, List<ObligationWaiver> waivers) {

    public ObligationFacts {
        notifications = List.copyOf(notifications);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /** The facts of an incident not closed with waivers. */
    public ObligationFacts(Instant awareAt, Instant resolvedAt, Instant personalDataExposedAt, Instant highRiskAt,
                           List<Notification> notifications, PatientInformation patientInformation,
                           boolean nis2Applies) {
        this(awareAt, resolvedAt, personalDataExposedAt, highRiskAt, notifications, patientInformation, nis2Applies,
                List.of());
    }

    /** A notification as far as clocks are concerned. */
    public record Notification(Authority authority, NotificationKind kind, Instant notifiedAt, String lateReason) {

        public static Notification of(AuthorityNotifiedEvent event) {
            return new Notification(event.authority(), event.effectiveKind(), event.notifiedAt(), event.lateReason());
        }
    }

    /** The art. 34 decision and, once done, when the patients were told. */
    public record PatientInformation(PatientInformationDecision decision, Instant informedAt, String reason) {
    }
}
