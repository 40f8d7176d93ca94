package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a regional incident shares with CERT Santé, ANSSI or a MISP instance: its name and summary, when it was
 * reported and last changed, its status, what its latest assessment says was exposed, its ENISA classes and the TLP
 * label all of it is shared under.
 *
 * @param assessedAt when the latest assessment was recorded, null before any
 * @param exposedSince when an assessment first said personal data was exposed, null if none did
 * @param estimatedRecords the records concerned per the latest assessment, null when it does not say
 * @param breachTypes what the breach did to the data per the latest assessment, empty when it does not say
 */
record SharedIncident(
        String id,
        Region region,
        String title,
        String summary,
        Instant awareAt,
        Instant reportedAt,
        Instant lastChangedAt,
        IncidentStatus status,
        Set<ExposedDataItem> exposedData,
        boolean personalDataExposed,
        boolean medicalDataExposed,
        long estimatedPatients,
        Instant assessedAt,
        Instant exposedSince,
        Long estimatedRecords,
        Set<BreachType> breachTypes,
        TaxonomyClass taxonomyClass,
        List<TaxonomyClass> relatedClasses,
        TlpLabel tlp) {

    /** Whether its label keeps it out of a bundle unless the caller asks for it: TLP:RED and TLP:AMBER+STRICT. */
    boolean restricted() {
        return restricted(tlp);
    }

    static boolean restricted(TlpLabel tlp) {
        return tlp == TlpLabel.RED || tlp == TlpLabel.AMBER_STRICT;
    }
}
