package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Incidents not yet in any campaign, in two or more regions, that look like one attack, and why: the same attack
 * vector within seven days of awareness, or values (observables) standing on all of them, chained.
 */
public record CampaignSuggestion(
        @Schema(
                description = "The vector the incidents share; absent when a suggestion by shared observables joins"
                        + " incidents of different vectors.")
        AttackVector attackVector,

        List<Region> regions,
        List<String> incidentIds,
        Instant firstAwareAt,
        Instant lastAwareAt,

        @Schema(description = "Why they are suggested together.")
        Basis basis,

        @Schema(description = "The reason, in French, as the console shows it.")
        String reason,

        @Schema(
                description = "The values standing on incidents of two or more of these regions (by shared"
                        + " observables only).")
        List<SharedValue> sharedObservables) {

    /** What brings the incidents together. */
    public enum Basis {
        SAME_VECTOR_WITHIN_SEVEN_DAYS,
        SHARED_OBSERVABLES
    }

    /** A value seen on incidents of several of the suggestion's regions. */
    public record SharedValue(ObservableType type, String value, List<Region> regions) {}

    static CampaignSuggestion sameVector(
            AttackVector vector, List<Region> regions, List<String> incidentIds, Instant first, Instant last) {
        return new CampaignSuggestion(
                vector,
                regions,
                incidentIds,
                first,
                last,
                Basis.SAME_VECTOR_WITHIN_SEVEN_DAYS,
                "Même mode opératoire, connus à moins de sept jours d'intervalle.",
                List.of());
    }
}
