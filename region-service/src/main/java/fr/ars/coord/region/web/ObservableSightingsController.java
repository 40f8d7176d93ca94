package fr.ars.coord.region.web;

import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.observable.ObservableValues;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.region.observable.ObservableSightings;
import fr.ars.coord.region.observable.RegionObservable;
import fr.ars.coord.region.observable.SharedObservable;
import fr.ars.coord.region.reference.RegionCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sightings of observables across regions: for the national cell, every value standing in several regions with each
 * incident; for a region, its own observables with the number of other regions where each stands.
 */
@RestController
class ObservableSightingsController {

    private final ObservableSightings sightings;

    ObservableSightingsController(ObservableSightings sightings) {
        this.sightings = sightings;
    }

    @Tag(name = ApiTags.OBSERVABLES)
    @Operation(
            operationId = "listSharedObservables",
            summary = "List the observables seen in several regions",
            description = "Every value (observable, in its canonical form; an account as its pseudonym) standing on"
                    + " incidents of at least `minRegions` regions, those in the most regions first, with each"
                    + " sighting: the incident, its region, the role and the TLP label recorded there. Withdrawn"
                    + " observables do not count. Who may call it: the national cell and auditors.")
    @ApiResponse(responseCode = "200", description = "The shared values.")
    @GetMapping(path = "/api/national/observables", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SharedObservable> shared(
            @Parameter(description = "The fewest regions a value must stand in, 1 to 18.")
                    @RequestParam(defaultValue = "2")
                    int minRegions,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        if (minRegions < 1 || minRegions > Region.values().length) {
            throw new InvalidRequestException("minRegions", "must be between 1 and " + Region.values().length);
        }
        return sightings.sharedAcross(minRegions);
    }

    @Tag(name = ApiTags.OBSERVABLES)
    @Operation(
            operationId = "lookUpObservable",
            summary = "Look up where a value was seen",
            description = "The regions and incidents where a value stands, given as an analyst has it: it is put in"
                    + " its canonical form first (a defanged `hxxp://` or `[.]` is read as the value it stands for; an"
                    + " account is looked up by its pseudonym, `hmac-sha256:` and 64 hexadecimal digits, as recorded)."
                    + " A value recorded nowhere, or only by withdrawn observables, has no region and no sighting."
                    + " Who may call it: the national cell and auditors.")
    @ApiResponse(responseCode = "200", description = "The value's regions and sightings (none when seen nowhere).")
    @ApiResponse(responseCode = "400", description = "An unknown type, or a value that is not of its type.")
    @GetMapping(path = "/api/national/observables/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    SharedObservable lookup(
            @Parameter(description = "The value's type, as STIX names it: ipv4-addr, domain-name, url, …") @RequestParam
                    String type,
            @Parameter(description = "The value, in any form its type accepts.") @RequestParam String value,
            Authentication authentication) {
        NationalAccessPolicy.requireNationalReader(StaffMember.from(authentication));
        ObservableType observableType = ObservableType.byName(type)
                .orElseThrow(() -> new InvalidRequestException(
                        "type",
                        "must be one of "
                                + java.util.Arrays.stream(ObservableType.values())
                                        .map(ObservableType::typeName)
                                        .toList()));
        String canonical;
        try {
            canonical = ObservableValues.canonical(observableType, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value", e.getMessage());
        }
        return sightings.lookup(observableType, canonical);
    }

    @Tag(name = ApiTags.OBSERVABLES)
    @Operation(
            operationId = "listRegionObservables",
            summary = "List a region's observables and where else they were seen",
            description = "The observables standing on the region's incidents, each with the number of other regions"
                    + " where the same value stands; those regions are named only where their label is TLP:GREEN or"
                    + " TLP:CLEAR. Nothing else of another region's incidents is told. Who may call it: as for the"
                    + " region.")
    @ApiResponse(responseCode = "200", description = "The region's observables.")
    @ApiResponse(responseCode = "404", description = "No such region.")
    @GetMapping(path = "/api/regions/{code}/observables", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RegionObservable> ofRegion(
            @Parameter(description = RegionController.REGION_CODE) @PathVariable String code,
            Authentication authentication) {
        RegionCatalog.byCode(code).orElseThrow(() -> new NotFoundException("No such region."));
        NationalAccessPolicy.requireRegionDetail(StaffMember.from(authentication), code);
        return sightings.ofRegion(Region.of(code));
    }
}
