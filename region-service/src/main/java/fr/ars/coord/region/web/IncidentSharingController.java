package fr.ars.coord.region.web;

import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.region.reference.RegionCatalog;
import fr.ars.coord.region.sharing.IncidentBundles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** One regional incident shared on its own, with its observables: a STIX 2.1 bundle, or a MISP event. */
@RestController
class IncidentSharingController {

    private static final String RESTRICTED =
            "Also an incident or observables labelled `TLP:RED` or `TLP:AMBER+STRICT` (refused by default, `400`"
                    + " naming `includeRestricted`, for an incident so labelled).";

    private final IncidentBundles bundles;

    IncidentSharingController(IncidentBundles bundles) {
        this.bundles = bundles;
    }

    @Tag(name = ApiTags.OBSERVABLES)
    @Operation(
            operationId = "getIncidentStixBundle",
            summary = "Share one incident as a STIX 2.1 bundle",
            description = "The incident (Incident Core extension), its agency and region, its standing observables as"
                    + " `indicator`s `related-to` it with one `sighting` each, and the TLP marking definitions used."
                    + " Who may call it: the incident's region's ARS and GRADeS staff, the national cell and auditors.")
    @ApiResponse(
            responseCode = "200",
            description = "The bundle.",
            content = {
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = CampaignController.STIX,
                        schema = @Schema(ref = "#/components/schemas/" + StixBundleSchema.NAME)),
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(ref = "#/components/schemas/" + StixBundleSchema.NAME))
            })
    @ApiResponse(responseCode = "404", description = "No such region, or no such incident in it.")
    @GetMapping(
            path = "/api/regions/{code}/incidents/{id}/stix",
            produces = {CampaignController.STIX, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ObjectNode> stix(
            @Parameter(description = RegionController.REGION_CODE) @PathVariable String code,
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(description = RESTRICTED) @RequestParam(defaultValue = "false") boolean includeRestricted,
            Authentication authentication) {
        requireSharer(code, authentication);
        return ResponseEntity.ok(
                bundles.stix(id, code, includeRestricted).orElseThrow(IncidentSharingController::unknown));
    }

    @Tag(name = ApiTags.OBSERVABLES)
    @Operation(
            operationId = "getIncidentMispEvent",
            summary = "Share one incident's observables as a MISP event",
            description = "As the campaign's MISP event, for one incident: its observables as attributes with TLP"
                    + " tags, its ENISA classes as `rsit` tags. Who may call it: as for the incident's STIX bundle.")
    @ApiResponse(
            responseCode = "200",
            description = "The event.",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "A MISP event: {\"Event\": {…}}")))
    @ApiResponse(responseCode = "404", description = "No such region, or no such incident in it.")
    @GetMapping(path = "/api/regions/{code}/incidents/{id}/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> misp(
            @Parameter(description = RegionController.REGION_CODE) @PathVariable String code,
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(description = RESTRICTED) @RequestParam(defaultValue = "false") boolean includeRestricted,
            Authentication authentication) {
        requireSharer(code, authentication);
        return ResponseEntity.ok(
                bundles.misp(id, code, includeRestricted).orElseThrow(IncidentSharingController::unknown));
    }

    /** The region exists and the caller may share its incidents. */
    private static void requireSharer(String code, Authentication authentication) {
        RegionCatalog.byCode(code).orElseThrow(() -> new NotFoundException("No such region."));
        NationalAccessPolicy.requireIncidentSharer(StaffMember.from(authentication), code);
    }

    private static NotFoundException unknown() {
        return new NotFoundException("No such incident in this region.");
    }
}
