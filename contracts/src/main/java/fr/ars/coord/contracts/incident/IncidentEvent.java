package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;

/**
 * Every event of the incident stream names its incident and its region, so that projections in
 * other services never have to look a region up.
 */
public sealed interface IncidentEvent
        permits IncidentReportedEvent,
                IncidentAssessedEvent,
                ContainmentActionRecordedEvent,
                AuthorityNotifiedEvent,
                IncidentStatusChangedEvent,
                PatientInformationRecordedEvent,
                IncidentClassifiedEvent,
                ObligationReminderRecordedEvent,
                Nis2SignificanceAssessedEvent,
                CnilNotificationDecidedEvent,
                Nis2IntermediateReportRequestedEvent,
                ObservableRecordedEvent,
                ObservableWithdrawnEvent {

    String incidentId();

    Region region();
}
