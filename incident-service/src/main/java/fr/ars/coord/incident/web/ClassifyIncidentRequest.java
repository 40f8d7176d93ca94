package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(
        description = "The incident's class in the ENISA Reference Security Incident Taxonomy and the TLP 2.0 label"
                + " its details are shared under. Replaces the previous classification.")
record ClassifyIncidentRequest(
        @Schema(
                description = "The main class, `category/type`.",
                example = "intrusions/unprivileged-account-compromise")
        @NotNull
        TaxonomyClass taxonomyClass,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Other classes that apply, e.g. what the intrusion led to.",
                                example = "[\"information-content-security/unauthorised-information-access\"]"),
                maxItems = 5,
                uniqueItems = true)
        @Size(max = 5)
        List<@NotNull TaxonomyClass> relatedClasses,

        @Schema(
                description = "Who the incident's details may be shared with (FIRST TLP 2.0). Only `TLP:CLEAR` may"
                        + " be made public.",
                example = "TLP:AMBER")
        @NotNull
        TlpLabel tlp) {}
