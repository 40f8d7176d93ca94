package fr.ars.coord.incident.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A report to a regulator, in French, as the law asks for it: each statement names the events it rests on, as
 * communiqués do. {@code tlp} is the incident's label, printed at the top and bottom of every page of the PDF.
 * {@code evaluatedAt} is the instant the incident is described at (now, or the {@code asOf} asked for).
 */
@Schema(description = "A report to a regulator, in French; each statement names the events it rests on.")
public record RegulatorReport(
        @Schema(example = "cnil-notification") String kind,

        @Schema(example = "Notification de violation de données personnelles à la CNIL")
        String title,

        @Schema(example = "Règlement (UE) 2016/679 (RGPD), art. 33")
        String legalBasis,

        String incidentId,
        Region region,
        @Schema(example = "ARS Hauts-de-France") String agency,
        @Schema(example = "TLP:AMBER") TlpLabel tlp,
        Instant evaluatedAt,
        boolean asOfView,
        Instant generatedAt,

        @Schema(description = "The obligation this report fulfils, as its clock stood at `evaluatedAt`.")
        RegulatoryClock obligation,

        List<Section> sections,

        @Schema(
                description = "The exercise the incident was recorded in: the report is then marked EXERCICE and"
                        + " goes to no regulator; absent for a real incident.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String exerciseId) {

    /** A part of the report, e.g. GDPR art. 33(3)(a). */
    public record Section(
            @Schema(example = "a) Nature de la violation") String heading, List<Statement> statements) {}

    /**
     * One statement and the ids of the events it rests on (none: from the platform's configuration, or a fact the
     * record does not hold, said "non renseigné").
     */
    public record Statement(String text, List<String> eventIds) {}
}
