package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.incident.lifecycle.RecordObservableCommand;
import fr.ars.coord.incident.observable.AccountPseudonyms;
import fr.ars.coord.incident.observable.ImportedObservable;
import fr.ars.coord.incident.observable.ObservableImports;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import fr.ars.coord.incident.view.ObservableView;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.rules.RuleViolationException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Records the observables of an uploaded STIX 2.1 bundle or MISP event on an incident, each as if recorded alone
 * (the same rules, the same events), and says for each entry what became of it. Importing the same file again records
 * nothing more: a value standing already, in whatever role, is reported as such (a file seldom says the role).
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class ObservableImportController {

    static final String STIX = "application/stix+json";

    private final IncidentChanges changes;
    private final AccountPseudonyms pseudonyms;
    private final IncidentStreams streams;
    private final Clock clock;

    ObservableImportController(
            IncidentChanges changes, AccountPseudonyms pseudonyms, IncidentStreams streams, Clock clock) {
        this.changes = changes;
        this.pseudonyms = pseudonyms;
        this.streams = streams;
        this.clock = clock;
    }

    @Schema(description = "One observable of the file, recorded or standing already.")
    record ImportedEntry(
            @Schema(description = "Where it was in the file.", example = "objects[3] indicator")
            String source,

            @Schema(example = "domain-name") String type,

            @Schema(description = "The value as recorded.", example = "ameli-remboursement.example")
            String value,

            @Schema(example = "0d7f4a52-3c1e-3b8e-9f61-2a4d5c6b7e80")
            String observableId) {}

    @Schema(description = "An entry of the file not recorded, and why.")
    record RefusedEntry(
            @Schema(example = "Attribute[4] ip-src") String source,

            @Schema(description = "The field the reason is about, when one is.", example = "value")
            String field,

            @Schema(example = "must be an IPv4 address") String reason) {}

    @Schema(description = "What became of each entry of the file.")
    record ImportResult(
            String incidentId,

            @Schema(description = "The incident's version after the import.")
            long version,

            List<ImportedEntry> recorded,
            List<ImportedEntry> alreadyRecorded,

            @Schema(description = "Entries read as observables that the incident's rules refused.")
            List<RefusedEntry> refused,

            @Schema(description = "Entries that are not observables the platform records.")
            List<RefusedEntry> skipped) {}

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "importObservables",
            summary = "Import observables from a STIX bundle or a MISP event",
            description = "Records the observables of a STIX 2.1 bundle (`indicator`s with STIX patterns of equality"
                    + " comparisons, cyber-observable objects, `observed-data`) or of a MISP event (`Event` with its"
                    + " `Attribute`s and its objects' attributes), as `POST /api/incidents/{id}/observables` would one"
                    + " by one: canonical values, accounts pseudonymised, the identity rule. The role follows the file"
                    + " (MISP `ip-src`: source of intrusion, `ip-dst`: command server, `email-src`: phishing sender…);"
                    + " the label is the file's TLP marking or tag, made as strict as the incident's when it is less."
                    + " At most " + ObservableImports.MAX_ITEMS
                    + " observables per file. A value standing already on the"
                    + " incident, in whatever role, is listed as such: importing the same file twice records once. Not a STIX bundle nor a MISP event:"
                    + " `400` naming `body`." + IncidentCommandController.WHO_RECORDS
                    + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "200", description = "What became of each entry.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(
            path = "/{id}/observables/import",
            consumes = {MediaType.APPLICATION_JSON_VALUE, STIX})
    ImportResult importFile(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @RequestBody
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "A STIX 2.1 bundle or a MISP event JSON.",
                            content = {
                                @io.swagger.v3.oas.annotations.media.Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(type = "object")),
                                @io.swagger.v3.oas.annotations.media.Content(
                                        mediaType = STIX,
                                        schema = @Schema(type = "object"))
                            })
                    JsonNode file,
            Authentication authentication) {
        IncidentAccessPolicy.requireRecordable(StaffMember.from(authentication), streams, id);
        ObservableImports.Read read = ObservableImports.read(file)
                .orElseThrow(() -> new InvalidRequestException("body", "must be a STIX 2.1 bundle or a MISP event"));
        IncidentView view =
                streams.currentView(id, clock.instant()).orElseThrow(() -> new NotFoundException("No such incident."));
        if (view.status() == IncidentStatus.CLOSED) {
            throw new RuleViolationException("The incident is closed: nothing more is recorded on it.");
        }
        TlpLabel incidentLabel = view.classification() == null
                ? TlpLabel.DEFAULT
                : view.classification().tlp();
        // a file seldom says why a value matters (a MISP domain, a STIX SCO): a value standing in any role is there
        Set<String> standing = new HashSet<>();
        view.observables().stream()
                .filter(ObservableView::standing)
                .forEach(o -> standing.add(o.type().typeName() + " " + o.value()));
        List<ImportedEntry> recorded = new ArrayList<>();
        List<ImportedEntry> already = new ArrayList<>();
        List<RefusedEntry> refused = new ArrayList<>();
        long version = view.version();
        for (ImportedObservable item : read.observables()) {
            RecordObservableRequest request;
            try {
                request = new RecordObservableRequest(
                        item.type(),
                        pseudonyms.recordable(item.type(), item.value()),
                        item.role(),
                        item.firstSeen(),
                        ordered(item) ? item.lastSeen() : null,
                        item.tlp() == null ? null : item.tlp().strictest(incidentLabel),
                        null,
                        null);
            } catch (IllegalArgumentException e) {
                refused.add(new RefusedEntry(item.source(), "value", e.getMessage()));
                continue;
            }
            RecordObservableCommand command = request.command(id, null);
            ImportedEntry entry =
                    new ImportedEntry(item.source(), item.type().typeName(), request.value(), command.observableId());
            if (!standing.add(item.type().typeName() + " " + request.value())) {
                already.add(entry);
                continue;
            }
            try {
                version = changes.change(id, authentication, null, "observable", request, HttpStatus.CREATED, command)
                        .getBody()
                        .version();
                recorded.add(entry);
            } catch (InvalidRequestException e) {
                e.errors()
                        .forEach(error -> refused.add(new RefusedEntry(item.source(), error.field(), error.reason())));
            } catch (RuleViolationException e) {
                refused.add(new RefusedEntry(item.source(), null, e.getMessage()));
            }
        }
        List<RefusedEntry> skipped = read.skipped().stream()
                .map(s -> new RefusedEntry(s.source(), null, s.reason()))
                .toList();
        return new ImportResult(id, version, recorded, already, refused, skipped);
    }

    /** A last-seen before the first-seen in a file is dropped rather than the whole entry refused. */
    private static boolean ordered(ImportedObservable item) {
        return item.firstSeen() == null
                || item.lastSeen() == null
                || !item.lastSeen().isBefore(item.firstSeen());
    }
}
