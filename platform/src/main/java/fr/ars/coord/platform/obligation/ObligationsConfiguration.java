package fr.ars.coord.platform.obligation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The legal obligations every service applies alike, from the shared settings ({@code ars.obligations.*}). */
@AutoConfiguration
public class ObligationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IncidentObligations incidentObligations(
            @Value("${ars.obligations.cert-sante-declaration}") java.time.Duration certSanteDeclaration,
            @Value("${ars.obligations.cnil-notification}") java.time.Duration cnilNotification,
            @Value("${ars.obligations.cert-sante-closure}") java.time.Duration certSanteClosure,
            @Value("${ars.obligations.patient-information}") java.time.Duration patientInformation,
            @Value("${ars.obligations.nis2-early-warning}") java.time.Duration nis2EarlyWarning,
            @Value("${ars.obligations.nis2-notification}") java.time.Duration nis2Notification,
            @Value("${ars.obligations.nis2-final-report}") java.time.Period nis2FinalReport,
            @Value("${ars.obligations.due-soon-fraction}") double dueSoonFraction,
            @Value("${ars.obligations.nis2-entities:}") String nis2Entities,
            @Value("${ars.obligations.nis2-exempt-regions}") String nis2ExemptRegions) {
        return new IncidentObligations(
                certSanteDeclaration,
                cnilNotification,
                certSanteClosure,
                patientInformation,
                nis2EarlyWarning,
                nis2Notification,
                nis2FinalReport,
                dueSoonFraction,
                nis2Entities,
                nis2ExemptRegions);
    }
}
