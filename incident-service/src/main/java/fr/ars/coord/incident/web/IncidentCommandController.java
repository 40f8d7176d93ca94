package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.command.ChangeIncidentStatusCommand;
import fr.ars.coord.incident.command.CommandOutcome;
import fr.ars.coord.incident.command.RecordAssessmentCommand;
import fr.ars.coord.incident.command.RecordAuthorityNotificationCommand;
import fr.ars.coord.incident.command.RecordContainmentActionCommand;
import fr.ars.coord.incident.command.ReportIncidentCommand;
import fr.ars.coord.incident.query.IncidentStreams;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records facts about incidents. Every write carries who made it (from the token) and, when the client
 * sends one, its {@code Idempotency-Key}: a retry with the same key and body records nothing new and
 * answers as the first call did. {@code If-Match: "<version>"} makes a change conditional on the version read.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentCommandController {

    static final String IDEMPOTENCY_KEY = IdempotentCommands.HEADER;
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final IdempotentCommands commands;
    private final IncidentStreams streams;

    IncidentCommandController(IdempotentCommands commands, IncidentStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    record IncidentCreated(String id) {
    }

    record IncidentChanged(String incidentId, long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentCreated> report(@Valid @RequestBody ReportIncidentRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                           Authentication authentication) {
        Region region = Region.byCode(request.region()).orElseThrow(() -> new InvalidRequestException("region",
                "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF"));
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireWrite(member, region);
        IdempotentCommands.Created created = commands.create("incident", member.toActor(), key, request,
                id -> new ReportIncidentCommand(id, region, request.title().strip(),
                        request.summary().strip(), request.awareAt(), request.attackVector(),
                        request.operationalImpact()));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/incidents/" + created.id()));
        if (created.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(new IncidentCreated(created.id()));
    }

    @PostMapping(path = "/{id}/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> assess(@PathVariable String id, @Valid @RequestBody RecordAssessmentRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           Authentication authentication) {
        List<String> systems = request.affectedSystems() == null ? List.of()
                : request.affectedSystems().stream().map(String::strip).distinct().toList();
        return change(id, authentication, key, "assessment", request, HttpStatus.CREATED,
                new RecordAssessmentCommand(id, new LinkedHashSet<>(request.exposedData()),
                        request.medicalDataExposed(), request.estimatedPatients(), systems, request.note(),
                        expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{id}/containment-actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> contain(@PathVariable String id,
                                            @Valid @RequestBody RecordContainmentActionRequest request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Authentication authentication) {
        return change(id, authentication, key, "containment-action", request, HttpStatus.CREATED,
                new RecordContainmentActionCommand(id, request.action(), request.description(),
                        expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{id}/authority-notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> notifyAuthority(@PathVariable String id,
                                                    @Valid @RequestBody RecordAuthorityNotificationRequest request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    Authentication authentication) {
        return change(id, authentication, key, "authority-notification", request, HttpStatus.CREATED,
                new RecordAuthorityNotificationCommand(id, request.authority(), request.notifiedAt(),
                        request.reference(), expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> changeStatus(@PathVariable String id, @Valid @RequestBody ChangeStatusRequest request,
                                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 Authentication authentication) {
        return change(id, authentication, key, "status", request, HttpStatus.OK,
                new ChangeIncidentStatusCommand(id, request.status(), request.reason(), expectedVersion(ifMatch)));
    }

    private ResponseEntity<IncidentChanged> change(String id, Authentication authentication, String key, String operation,
                                                   Object request, HttpStatus status, Object command) {
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireRecorder(member);
        streams.regionOf(id).filter(member::belongsTo)
                .orElseThrow(() -> new NotFoundException("No such incident."));
        CommandOutcome outcome = commands.send(command, member.toActor(), key, operation, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create("/api/incidents/" + id))
                .eTag("\"" + outcome.version() + "\"");
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(new IncidentChanged(id, outcome.version()));
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        var matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException(HttpHeaders.IF_MATCH, "must be the incident version as an ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
