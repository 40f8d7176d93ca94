package fr.ars.coord.incident.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.command.ChangeIncidentStatusCommand;
import fr.ars.coord.incident.command.CommandOutcome;
import fr.ars.coord.incident.command.RecordAssessmentCommand;
import fr.ars.coord.incident.command.RecordAuthorityNotificationCommand;
import fr.ars.coord.incident.command.RecordContainmentActionCommand;
import fr.ars.coord.incident.command.ReportIncidentCommand;
import fr.ars.coord.incident.query.IncidentStreams;
import fr.ars.coord.platform.eventstore.EventStoreConfiguration;
import fr.ars.coord.platform.web.IdempotencyKeyReusedException;
import fr.ars.coord.platform.web.InvalidRequestException;
import fr.ars.coord.platform.web.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final CommandGateway commands;
    private final IncidentStreams streams;
    private final ObjectMapper json;

    IncidentCommandController(CommandGateway commands, IncidentStreams streams, ObjectMapper json) {
        this.commands = commands;
        this.streams = streams;
        this.json = json;
    }

    record IncidentCreated(String id) {
    }

    record IncidentChanged(String incidentId, long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentCreated> report(@Valid @RequestBody ReportIncidentRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                           Authentication authentication) {
        if (!Region.isKnown(request.region())) {
            throw new InvalidRequestException("region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireWrite(member, request.region());
        checkKey(key);
        String id = key == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("incident|" + member.subject() + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        String fingerprint = fingerprint("report", request);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportIncidentCommand(id,
                    request.region(), request.title().strip(), request.summary().strip(), request.awareAt(),
                    request.attackVector(), request.operationalImpact())).andMetaData(metaData(member, key, fingerprint)));
        } catch (AggregateStreamCreationException alreadyCreated) {
            if (key == null) {
                throw alreadyCreated;
            }
            Object firstFingerprint = streams.first(id).map(e -> e.getMetaData().get(EventStoreConfiguration.REQUEST_FINGERPRINT))
                    .orElseThrow(() -> alreadyCreated);
            if (!fingerprint.equals(firstFingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return ResponseEntity.created(URI.create("/api/incidents/" + id)).header(REPLAYED, "true")
                    .body(new IncidentCreated(id));
        }
        return ResponseEntity.created(URI.create("/api/incidents/" + id)).body(new IncidentCreated(id));
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
        String region = streams.regionOf(id).orElseThrow(() -> new NotFoundException("No such incident."));
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireWrite(member, region);
        checkKey(key);
        CommandOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metaData(member, key, fingerprint(operation, request))));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create("/api/incidents/" + id))
                .eTag("\"" + outcome.version() + "\"");
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(new IncidentChanged(id, outcome.version()));
    }

    private static Map<String, ?> metaData(StaffMember member, String key, String fingerprint) {
        MetaData metaData = MetaData.from(member.toActor().toMetaData());
        if (key != null) {
            metaData = metaData.and(EventStoreConfiguration.IDEMPOTENCY_KEY, key)
                    .and(EventStoreConfiguration.REQUEST_FINGERPRINT, fingerprint);
        }
        return metaData;
    }

    private static void checkKey(String key) {
        if (key != null && !KEY_FORMAT.matcher(key).matches()) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
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

    /** Same operation and same body give the same fingerprint: what a retry must match. */
    private String fingerprint(String operation, Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
