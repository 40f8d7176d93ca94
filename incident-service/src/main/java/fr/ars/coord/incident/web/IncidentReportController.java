package fr.ars.coord.incident.web;

import fr.ars.coord.incident.report.RegulatorReport;
import fr.ars.coord.incident.report.RegulatorReports;
import fr.ars.coord.incident.report.ReportKind;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The regulator reports of an incident, as JSON or PDF (content negotiation), now or {@code asOf}. */
@RestController
@RequestMapping(path = "/api/incidents")
class IncidentReportController {

    private final IncidentStreams streams;
    private final RegulatorReports reports;
    private final Clock clock;

    IncidentReportController(IncidentStreams streams, RegulatorReports reports, Clock clock) {
        this.streams = streams;
        this.reports = reports;
        this.clock = clock;
    }

    @Tag(name = ApiTags.REPORTS)
    @Operation(
            operationId = "getRegulatorReport",
            summary = "Read a regulator report",
            description = "The report to CERT Santé (`cert-sante-declaration`), the CNIL (`cnil-notification`, GDPR"
                    + " art. 33(3) a-d) or ANSSI (`nis2-early-warning`, `nis2-notification`, `nis2-final-report`: NIS2"
                    + " art. 23(4); a progress report while the incident is not resolved), in French, from what is"
                    + " recorded: each statement names the events it rests on; what the record does not hold is said"
                    + " as such. `Accept: application/pdf` gives the PDF, marked with the incident's TLP label at the"
                    + " top and bottom of every page; JSON otherwise. With `asOf`, as the incident stood then. Who may"
                    + " call it: as for reading the incident; another region's incident answers `404`.")
    @ApiResponse(
            responseCode = "200",
            description = "The report.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = RegulatorReport.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(
            responseCode = "404",
            description = "No such incident visible to the caller, or not yet reported" + " at `asOf`.")
    @GetMapping(
            path = "/{id}/reports/{kind}",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> report(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(
                            description = "Which report.",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "cert-sante-declaration",
                                                "cnil-notification",
                                                "nis2-early-warning",
                                                "nis2-notification",
                                                "nis2-final-report"
                                            }))
                    @PathVariable
                    String kind,
            @Parameter(
                            description = "The incident as it stood at this instant (not in the future).",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-22T08:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        ReportKind reportKind = ReportKind.bySlug(kind)
                .orElseThrow(() ->
                        new InvalidRequestException("kind", "must be one of " + String.join(", ", ReportKind.slugs())));
        IncidentAccessPolicy.requireReadable(StaffMember.from(authentication), streams, id);
        if (asOf != null && asOf.isAfter(clock.instant())) {
            throw new InvalidRequestException("asOf", "must not be in the future");
        }
        RegulatorReport report = reports.report(id, reportKind, asOf)
                .orElseThrow(() -> new NotFoundException("The incident had not been reported at that time."));
        if (!PdfNegotiation.prefersPdf(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(reportKind.slug() + "-" + id + ".pdf")
                                .build()
                                .toString())
                .body(reports.pdf(report));
    }
}
