package fr.ars.coord.platform.obligation;

import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.ObligationPolicy;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The legal obligations as this installation applies them: the {@link ObligationPolicy} with its delays from
 * configuration (each default is the law's, see {@code platform-defaults.properties}), and which entities are under
 * NIS2 ({@code ars.obligations.nis2-entities}, none by default; {@code ars.obligations.nis2-exempt-regions} takes
 * regions out). A new incident is stamped with the terms in force ({@link #termsFor}); its clocks are read with those
 * for ever, and only the incidents of earlier releases, stamped with none, are read with the current ones. Used alike
 * by the incident's rules, its views and the national picture ({@link ObligationsConfiguration}).
 */
public class IncidentObligations {

    private final ObligationPolicy policy;
    private final Set<String> nis2Entities;
    private final Set<Region> nis2Exempt;

    public IncidentObligations(
            Duration certSanteDeclaration,
            Duration cnilNotification,
            Duration certSanteClosure,
            Duration patientInformation,
            Duration nis2EarlyWarning,
            Duration nis2Notification,
            Period nis2FinalReport,
            double dueSoonFraction,
            String nis2Entities,
            String nis2ExemptRegions) {
        this(
                new ObligationPolicy(
                        new ObligationPolicy.Delays(
                                certSanteDeclaration,
                                cnilNotification,
                                certSanteClosure,
                                patientInformation,
                                nis2EarlyWarning,
                                nis2Notification,
                                nis2FinalReport),
                        dueSoonFraction),
                entities(nis2Entities),
                Arrays.stream(nis2ExemptRegions.split(","))
                        .map(String::strip)
                        .filter(code -> !code.isEmpty())
                        .map(code -> region(code, "ars.obligations.nis2-exempt-regions"))
                        .collect(Collectors.toSet()));
    }

    private IncidentObligations(ObligationPolicy policy, Set<String> nis2Entities, Set<Region> nis2Exempt) {
        this.policy = policy;
        this.nis2Entities = Set.copyOf(nis2Entities);
        this.nis2Exempt = Set.copyOf(nis2Exempt);
    }

    /** The default delays; NIS2 in force for no entity. */
    public static IncidentObligations defaults() {
        return new IncidentObligations(ObligationPolicy.DEFAULT, Set.of(), Set.of());
    }

    /** The default delays; NIS2 in force for every entity of every region. */
    public static IncidentObligations nis2Everywhere() {
        return new IncidentObligations(ObligationPolicy.DEFAULT, Set.of("*:*"), Set.of());
    }

    /** The policy configured now (the terms of incidents reported from now on). */
    public ObligationPolicy policy() {
        return policy;
    }

    /** Whether NIS2 applies, by the current configuration, to an entity of {@code kind} in {@code region}. */
    public boolean nis2Applies(Region region, EntityKind kind) {
        if (nis2Exempt.contains(region)) {
            return false;
        }
        return nis2Entities.contains("*:*")
                || nis2Entities.contains(region.code() + ":*")
                || nis2Entities.contains("*:" + kind.name())
                || nis2Entities.contains(region.code() + ":" + kind.name());
    }

    /** The terms in force now for an incident of an entity of {@code kind} in {@code region}: stamped when reported. */
    public ObligationTerms termsFor(Region region, EntityKind kind) {
        return new ObligationTerms(
                ObligationTerms.RULES, policy.delays(), policy.dueSoonFraction(), nis2Applies(region, kind));
    }

    /** The facts with the terms they are read with: their own, or the current ones for an incident of before. */
    public ObligationFacts effective(ObligationFacts facts) {
        if (facts.terms() != null || facts.region() == null) {
            return facts;
        }
        return facts.withTermsIfNone(termsFor(facts.region(), facts.effectiveEntity()));
    }

    /** The policy the clocks of {@code facts} are read with. */
    public ObligationPolicy policyFor(ObligationFacts facts) {
        ObligationFacts effective = effective(facts);
        return effective.terms() == null ? policy : effective.terms().policy();
    }

    /** Every obligation's clock at {@code at}, with the incident's own terms. */
    public List<RegulatoryClock> clocks(ObligationFacts facts, Instant at) {
        ObligationFacts effective = effective(facts);
        return policyFor(effective).evaluate(effective, at);
    }

    private static Set<String> entities(String configured) {
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(IncidentObligations::entity)
                .collect(Collectors.toSet());
    }

    private static String entity(String entry) {
        String[] parts = entry.split(":", -1);
        String setting = "ars.obligations.nis2-entities";
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    setting + ": " + entry + " is not REGION:KIND (such as FR-HDF:GRADES," + " *:GRADES or FR-NOR:*)");
        }
        String region = parts[0].strip();
        String kind = parts[1].strip().toUpperCase(Locale.ROOT);
        if (!region.equals("*")) {
            region = region(region, setting).code();
        }
        if (!kind.equals("*")) {
            try {
                kind = EntityKind.valueOf(kind).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": " + parts[1] + " is not ARS, GRADES or *", e);
            }
        }
        return region + ":" + kind;
    }

    private static Region region(String code, String setting) {
        return Region.byCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        setting + ": " + code + " is not the code of one of the 18 regions"));
    }
}
