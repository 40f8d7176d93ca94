package fr.ars.coord.platform.obligation;

import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.ObligationPolicy;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The legal obligations as this installation applies them: the {@link ObligationPolicy} with its delays from
 * configuration (each default is the law's, see {@code application.yml}), and which regions' entities are under
 * NIS2 (all by default; {@code ars.obligations.nis2-exempt-regions} lists those that are not). Used alike by the
 * incident's rules (a late notification needs its reason), its views and the national picture, so that every
 * service reads the same obligations ({@link ObligationsConfiguration}).
 */
public class IncidentObligations {

    private final ObligationPolicy policy;
    private final Set<Region> nis2Exempt;

    public IncidentObligations(Duration certSanteDeclaration, Duration cnilNotification, Duration certSanteClosure,
                               Duration patientInformation, Duration nis2EarlyWarning, Duration nis2Notification,
                               Period nis2FinalReport, double dueSoonFraction, String nis2ExemptRegions) {
        this(new ObligationPolicy(new ObligationPolicy.Delays(certSanteDeclaration, cnilNotification,
                certSanteClosure, patientInformation, nis2EarlyWarning, nis2Notification, nis2FinalReport),
                dueSoonFraction), Arrays.stream(nis2ExemptRegions.split(",")).map(String::strip)
                .filter(code -> !code.isEmpty()).map(IncidentObligations::region).collect(Collectors.toSet()));
    }

    private IncidentObligations(ObligationPolicy policy, Set<Region> nis2Exempt) {
        this.policy = policy;
        this.nis2Exempt = Set.copyOf(nis2Exempt);
    }

    /** The default delays, every region under NIS2. */
    public static IncidentObligations defaults() {
        return new IncidentObligations(ObligationPolicy.DEFAULT, Set.of());
    }

    public ObligationPolicy policy() {
        return policy;
    }

    public boolean nis2Applies(Region region) {
        return !nis2Exempt.contains(region);
    }

    /** Every obligation's clock at {@code at}. */
    public List<RegulatoryClock> clocks(ObligationFacts facts, Instant at) {
        return policy.evaluate(facts, at);
    }

    private static Region region(String code) {
        return Region.byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "ars.obligations.nis2-exempt-regions: " + code + " is not the code of one of the 18 regions"));
    }
}
