package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.register.BreachRegister;
import fr.ars.coord.incident.register.BreachRegisterEntry;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of personal-data breaches (GDPR art. 33(5)), as JSON or CSV. */
@RestController
@RequestMapping(path = "/api/incidents/breach-register")
class BreachRegisterController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final BreachRegister register;
    private final Clock clock;

    BreachRegisterController(BreachRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "getBreachRegister",
            summary = "The register of personal-data breaches (GDPR art. 33(5))",
            description = "Every incident whose record holds a personal-data breach (an assessment found personal data"
                    + " exposed, or a decision on notifying the CNIL was taken), notified or not: its facts, effects,"
                    + " remedial actions, the CNIL decision with its reason, the notifications and their references."
                    + " As JSON, or as CSV with `format=csv` (or `Accept: text/csv`). Who may call it: regional staff"
                    + " for their region, the national cell and auditors for every region (or one, with `region`).")
    @ApiResponse(
            responseCode = "200",
            description = "The register, earliest awareness first.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> register(
            @Parameter(description = "Only this region's (ISO 3166-2 code).", schema = @Schema(example = "FR-HDF"))
                    @RequestParam(required = false)
                    String region,
            @Parameter(
                            description = "`json` (the default) or `csv`.",
                            schema = @Schema(allowableValues = {"json", "csv"}))
                    @RequestParam(required = false)
                    String format,
            @org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                    String accept,
            Authentication authentication) {
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException(
                    "region", "must be an ISO 3166-2 code of one of the 18 regions, such as" + " FR-HDF");
        }
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new InvalidRequestException("format", "must be json or csv");
        }
        String visible = IncidentAccessPolicy.listableRegion(StaffMember.from(authentication), region);
        List<BreachRegisterEntry> entries = register.entries(visible, clock.instant());
        boolean csv = "csv".equals(format)
                || format == null
                        && accept != null
                        && accept.contains("text/csv")
                        && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"registre-violations" + (visible == null ? "" : "-" + visible)
                                    + ".csv\"")
                    .body(BreachRegisterCsv.write(entries));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }
}
