package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.incident.lifecycle.RecordObservableCommand;
import fr.ars.coord.incident.lifecycle.WithdrawObservableCommand;
import fr.ars.coord.incident.observable.AccountPseudonyms;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.ObservableView;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records and withdraws an incident's observables. Values are recorded in their canonical form, so that the same value
 * recorded in two regions is recognised as one; a professional's account only as its pseudonym, computed here before
 * anything (the request's fingerprint included) is stored.
 */
@RestController
@RequestMapping(path = "/api/incidents")
class IncidentObservableController {

    private final IncidentChanges changes;
    private final AccountPseudonyms pseudonyms;
    private final IncidentStreams streams;
    private final Clock clock;

    IncidentObservableController(
            IncidentChanges changes, AccountPseudonyms pseudonyms, IncidentStreams streams, Clock clock) {
        this.changes = changes;
        this.pseudonyms = pseudonyms;
        this.streams = streams;
        this.clock = clock;
    }

    @Schema(description = "The observable recorded, and the incident's version after it.")
    record ObservableRecorded(
            @Schema(example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31")
            String incidentId,

            @Schema(description = "The number of the incident's last event (its ETag).", example = "5")
            long version,

            @Schema(
                    description = "The observable's id: the same value in the same role on the incident is"
                            + " one observable.",
                    example = "0d7f4a52-3c1e-3b8e-9f61-2a4d5c6b7e80")
            String observableId,

            @Schema(
                    description = "The value as recorded (its canonical form).",
                    example = "ameli-remboursement.example")
            String value) {}

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordObservable",
            summary = "Record an observable",
            description = "Records a value the attack left (STIX cyber-observable types), what it was in the attack,"
                    + " when it was seen, its TLP label and a confidence. The value is recorded in its canonical form"
                    + " (domains lower-cased in punycode, IPv6 compressed, URLs normalised, hashes of their length,"
                    + " phone numbers in E.164; defanged values read as what they stand for). A phone number or an"
                    + " e-mail address only as a `PHISHING_SENDER`; a value holding a person's identifier in any other"
                    + " type is refused (`400` naming the field). A `user-account` is recorded only as its pseudonym."
                    + " The label must be at least as strict as the incident's (`400` naming `tlp`). The same value in"
                    + " the same role while it stands: `409`." + IncidentCommandController.WHO_RECORDS
                    + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(
            path = "/{id}/observables",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObservableRecorded> record(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordObservableRequest request,
            @RequestHeader(name = IncidentCommandController.IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        RecordObservableRequest recorded = request.recordedAs(recordable(request));
        RecordObservableCommand command = recorded.command(id, IncidentChanges.expectedVersion(ifMatch));
        var changed = changes.change(id, authentication, key, "observable", recorded, HttpStatus.CREATED, command);
        return ResponseEntity.status(changed.getStatusCode())
                .headers(changed.getHeaders())
                .body(new ObservableRecorded(
                        id, changed.getBody().version(), command.observableId(), recorded.value()));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "withdrawObservable",
            summary = "Withdraw an observable",
            description = "Withdraws an observable recorded by mistake (a false positive), with the reason: its record"
                    + " stays, marked withdrawn, and it no longer counts as seen. An unknown observable: `404`; one"
                    + " already withdrawn: `409`." + IncidentCommandController.WHO_RECORDS)
    @ApiResponse(responseCode = "200", description = "Withdrawn: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region, or no such observable.")
    @PostMapping(
            path = "/{id}/observables/{observableId}/withdrawal",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentCommandController.IncidentChanged> withdraw(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(description = "The observable's id.") @PathVariable String observableId,
            @Valid @RequestBody WithdrawObservableRequest request,
            @RequestHeader(name = IncidentCommandController.IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return changes.change(
                id,
                authentication,
                key,
                "observable-withdrawal:" + observableId,
                request,
                HttpStatus.OK,
                new WithdrawObservableCommand(
                        id, observableId, request.reason(), IncidentChanges.expectedVersion(ifMatch)));
    }

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType PLAIN = MediaType.parseMediaType("text/plain;charset=UTF-8");

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "listObservablesCsv",
            summary = "List the incident's observables as CSV, for blocking",
            description = "The observables standing on the incident (withdrawn ones left out), one line each: type,"
                    + " value, role, TLP label, confidence, first and last seen, when recorded, id. With `tlp`, only"
                    + " those that may be shared under that label (`TLP:GREEN`: the GREEN and CLEAR ones). Who may call"
                    + " it: as for reading the incident.")
    @ApiResponse(
            responseCode = "200",
            description = "The list.",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such incident visible to the caller.")
    @GetMapping("/{id}/observables.csv")
    ResponseEntity<String> csv(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(description = "The label the list is to be shared under, such as TLP:GREEN.")
                    @RequestParam(required = false)
                    String tlp,
            Authentication authentication) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"observables-" + id + ".csv\"")
                .body(ObservableLists.csv(ObservableLists.shareable(readable(id, authentication), label(tlp))));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "listObservablesPlain",
            summary = "List the incident's observables of one type, one per line",
            description = "The values of one type standing on the incident, one per line, for a firewall or a mail"
                    + " filter (`ipv4-addr`, `domain-name`, `url`, `email-addr`, hashes…). With `tlp`, only those that"
                    + " may be shared under that label. Who may call it: as for reading the incident.")
    @ApiResponse(
            responseCode = "200",
            description = "The values.",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "text/plain",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such incident visible to the caller.")
    @GetMapping("/{id}/observables.txt")
    ResponseEntity<String> plain(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(description = "The type listed, such as domain-name.") @RequestParam String type,
            @Parameter(description = "The label the list is to be shared under, such as TLP:GREEN.")
                    @RequestParam(required = false)
                    String tlp,
            Authentication authentication) {
        ObservableType listed = ObservableType.byName(type)
                .orElseThrow(() -> new InvalidRequestException(
                        "type",
                        "must be one of the observable types, such as"
                                + " ipv4-addr, domain-name, url, email-addr, file-sha256"));
        TlpLabel sharedUnder = label(tlp);
        return ResponseEntity.ok()
                .contentType(PLAIN)
                .body(ObservableLists.plain(
                        ObservableLists.shareable(readable(id, authentication), sharedUnder), listed));
    }

    private java.util.List<ObservableView> readable(String id, Authentication authentication) {
        IncidentAccessPolicy.requireReadable(StaffMember.from(authentication), streams, id);
        return streams.currentView(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("No such incident."))
                .observables();
    }

    private static TlpLabel label(String tlp) {
        if (tlp == null) {
            return null;
        }
        return TlpLabel.byLabel(tlp)
                .orElseThrow(() -> new InvalidRequestException(
                        "tlp",
                        "must be a TLP 2.0 label: TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN or TLP:CLEAR"));
    }

    private String recordable(RecordObservableRequest request) {
        try {
            return pseudonyms.recordable(request.type(), request.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value", e.getMessage());
        }
    }
}
