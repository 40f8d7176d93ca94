package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Incident events as incident-service records them, for region-service tests. */
public final class IncidentStories {

    public static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");
    public static final Set<ExposedDataItem> IDENTITY = Set.of(
            ExposedDataItem.LAST_NAME,
            ExposedDataItem.FIRST_NAME,
            ExposedDataItem.AGE,
            ExposedDataItem.PHONE,
            ExposedDataItem.EMAIL);

    private IncidentStories() {}

    public static IncidentReportedEvent reported(
            String id, String region, AttackVector vector, Instant aware, OperationalImpact impact) {
        return new IncidentReportedEvent(
                id, Region.of(region), "Incident " + region, "Compte usurpé", aware, vector, impact);
    }

    /** An incident reported where NIS2 is in force for the entity hit (stamped in its terms). */
    public static IncidentReportedEvent reportedUnderNis2(String id, String region, Instant aware) {
        return new IncidentReportedEvent(
                id,
                Region.of(region),
                "Incident " + region,
                "Compte usurpé",
                aware,
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE,
                fr.ars.coord.contracts.incident.EntityKind.GRADES,
                fr.ars.coord.contracts.incident.ObligationTerms.defaults(true));
    }

    /** The incident assessed significant under NIS2: its reporting clocks run. */
    public static fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent significant(String id, String region) {
        return new fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent(
                id,
                Region.of(region),
                fr.ars.coord.contracts.incident.Nis2Significance.SIGNIFICANT,
                List.of(fr.ars.coord.contracts.incident.SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                null);
    }

    public static IncidentReportedEvent reported(String id, String region) {
        return reported(id, region, AttackVector.ACCOUNT_USURPATION, AWARE, OperationalImpact.NONE);
    }

    public static IncidentAssessedEvent assessed(
            String id, String region, long patients, Set<ExposedDataItem> data, boolean medical) {
        return new IncidentAssessedEvent(id, Region.of(region), data, medical, patients, List.of(), null);
    }

    /** An assessment that also says how many records and what the breach did to them. */
    public static IncidentAssessedEvent assessed(
            String id,
            String region,
            long patients,
            Set<ExposedDataItem> data,
            boolean medical,
            long records,
            Set<fr.ars.coord.contracts.incident.BreachType> breachTypes) {
        return new IncidentAssessedEvent(
                id, Region.of(region), data, medical, patients, List.of(), null, null, records, breachTypes, Set.of());
    }

    public static IncidentAssessedEvent assessed(String id, String region, long patients) {
        return assessed(id, region, patients, IDENTITY, false);
    }

    public static IncidentStatusChangedEvent moved(String id, String region, IncidentStatus from, IncidentStatus to) {
        return new IncidentStatusChangedEvent(id, Region.of(region), from, to, null);
    }

    public static ContainmentActionRecordedEvent contained(String id, String region, ContainmentAction action) {
        return new ContainmentActionRecordedEvent(id, Region.of(region), action, null);
    }

    public static AuthorityNotifiedEvent notified(String id, String region, Authority authority, Instant at) {
        return new AuthorityNotifiedEvent(id, Region.of(region), authority, at, null);
    }

    public static AuthorityNotifiedEvent notified(
            String id,
            String region,
            Authority authority,
            fr.ars.coord.contracts.incident.NotificationKind kind,
            Instant at) {
        return new AuthorityNotifiedEvent(id, Region.of(region), authority, at, null, kind, null);
    }
}
