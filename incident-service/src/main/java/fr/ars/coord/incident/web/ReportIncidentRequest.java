package fr.ars.coord.incident.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.platform.text.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(description = "A region's incident as first known: no patient identity, ever.")
record ReportIncidentRequest(
        @Schema(
                description = "ISO 3166-2 code of the region, one of the 18: the caller's own for regional staff.",
                example = "FR-HDF",
                allowableValues = {
                    "FR-ARA", "FR-BFC", "FR-BRE", "FR-CVL", "FR-20R", "FR-GES", "FR-HDF", "FR-IDF", "FR-NOR", "FR-NAQ",
                    "FR-OCC", "FR-PDL", "FR-PAC", "FR-971", "FR-972", "FR-973", "FR-974", "FR-976"
                })
        @NotBlank
        @Size(max = 10)
        String region,

        @Schema(
                description = "Short title, plain text.",
                example = "Usurpation du compte d'un professionnel de santé",
                minLength = 1)
        @NotBlank
        @Size(max = 200)
        @FreeText
        String title,

        @Schema(
                description = "What is known, plain text (no patient identity).",
                minLength = 1,
                example = "Connexions frauduleuses au serveur régional e-santé avec le compte d'un professionnel de"
                        + " santé ; données d'identité de patients consultées, dossiers médicaux épargnés.")
        @NotBlank
        @Size(max = 4000)
        @FreeText
        String summary,

        @Schema(
                description = "When the agency became aware of the incident: the legal clocks start from it. Not in"
                        + " the future, not before 2000.",
                example = "2025-11-21T17:30:00Z")
        @NotNull
        @PlausiblePastInstant
        Instant awareAt,

        @Schema(example = "ACCOUNT_USURPATION") @NotNull AttackVector attackVector,
        @Schema(example = "DEGRADED") @NotNull OperationalImpact operationalImpact,

        @Schema(
                description = "The kind of organisation whose systems were hit: the agency (ARS) or its e-health group"
                        + " (GRADES). Whether NIS2 applies is configured per region and kind; absent, the caller's own"
                        + " organisation (ARS for the national cell).",
                example = "GRADES")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        EntityKind entity,

        @Schema(
                description = "The exercise to record the incident in (its id), for a drill: absent for a real"
                        + " incident. The exercise must be running and cover the region.",
                example = "0d6f3c2a-8e51-4b7c-9f0e-2a4d6b8c1e3f")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 64)
        String exerciseId) {}
