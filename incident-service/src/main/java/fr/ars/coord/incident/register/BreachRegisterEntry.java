package fr.ars.coord.incident.register;

import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.DataSubjectCategory;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.region.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One personal-data breach as the register of GDPR art. 33(5) documents it: the facts, its effects and the remedial
 * action taken, whether and when the CNIL was notified (or why not). Every field comes from the incident's record;
 * absent when not recorded.
 */
@Schema(description = "A personal-data breach in the register of GDPR art. 33(5), from the incident's record.")
public record BreachRegisterEntry(
        String incidentId,
        Region region,
        String title,
        IncidentStatus status,

        @Schema(description = "When the agency became aware of the incident.")
        Instant awareAt,

        @Schema(description = "When it became aware of the breach: the CNIL's 72 hours run from it.")
        Instant breachAwareAt,

        @Schema(description = "When an assessment first said personal data was exposed; absent if none did.")
        Instant personalDataExposedAt,

        @Schema(description = "The categories of data the latest assessment found exposed.")
        Set<ExposedDataItem> exposedData,

        Boolean medicalDataExposed,

        @Schema(description = "The people concerned, as estimated by the latest assessment.")
        Long estimatedPatients,

        @Schema(description = "When an assessment first found a high risk to the people concerned.")
        Instant highRiskAt,

        @Schema(description = "The remedial actions recorded.")
        List<ContainmentAction> containmentActions,

        @Schema(description = "The decision on notifying the CNIL; absent when none is recorded.")
        CnilDecision cnilDecision,

        String cnilDecisionReason,

        @Schema(description = "The first notification to the CNIL (not a supplementary one).")
        Instant cnilNotifiedAt,

        @Schema(description = "The CNIL's reference of that notification.")
        String cnilReference,

        @Schema(description = "When supplementary notifications (art. 33(4)) were made.")
        List<Instant> cnilSupplementaryNotifiedAt,

        @Schema(description = "The CNIL obligation's clock status now (MET, OVERDUE, NOT_APPLICABLE...).")
        String cnilClock,

        PatientInformationDecision patientInformationDecision,
        Instant patientsInformedAt,

        @Schema(description = "The records concerned, as estimated by the latest assessment; absent when not known.")
        Long estimatedRecords,

        @Schema(description = "What the breach did to the data, per the latest assessment; absent when not known.")
        Set<BreachType> breachTypes,

        @Schema(description = "Whose data the breach concerns, per the latest assessment; absent when not known.")
        Set<DataSubjectCategory> dataSubjects) {}
