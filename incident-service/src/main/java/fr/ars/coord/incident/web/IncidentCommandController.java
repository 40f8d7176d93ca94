package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.communique.PublishedCommuniques;
import fr.ars.coord.incident.lifecycle.ChangeIncidentStatusCommand;
import fr.ars.coord.incident.lifecycle.ClassifyIncidentCommand;
import fr.ars.coord.incident.lifecycle.RecordAssessmentCommand;
import fr.ars.coord.incident.lifecycle.RecordAuthorityNotificationCommand;
import fr.ars.coord.incident.lifecycle.RecordCnilDecisionCommand;
import fr.ars.coord.incident.lifecycle.RecordContainmentActionCommand;
import fr.ars.coord.incident.lifecycle.RecordIntermediateReportRequestCommand;
import fr.ars.coord.incident.lifecycle.RecordNis2SignificanceCommand;
import fr.ars.coord.incident.lifecycle.RecordPatientInformationCommand;
import fr.ars.coord.incident.lifecycle.ReportIncidentCommand;
import fr.ars.coord.incident.lifecycle.UnmetObligationsViolation;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.eventstore.AggregateIds;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** How long a communiqué named by the patients' information may take to be known published here. */
    private static final java.time.Duration PUBLICATION_PATIENCE = java.time.Duration.ofSeconds(10);

    private final IdempotentCommands commands;
    private final IncidentChanges changes;
    private final IncidentStreams streams;
    private final PublishedCommuniques publishedCommuniques;
    private final IncidentObligations obligations;
    private final Clock clock;

    IncidentCommandController(
            IdempotentCommands commands,
            IncidentChanges changes,
            IncidentStreams streams,
            PublishedCommuniques publishedCommuniques,
            IncidentObligations obligations,
            Clock clock) {
        this.commands = commands;
        this.changes = changes;
        this.streams = streams;
        this.publishedCommuniques = publishedCommuniques;
        this.obligations = obligations;
        this.clock = clock;
    }

    @Schema(description = "The incident recorded.")
    record IncidentCreated(
            @Schema(description = "The incident's id.", example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31")
            String id) {}

    @Schema(description = "The fact recorded, and the incident's version after it.")
    record IncidentChanged(
            @Schema(example = "5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31")
            String incidentId,

            @Schema(description = "The number of the incident's last event (its ETag).", example = "4")
            long version) {}

    static final String WHO_RECORDS = " Who may call it: ARS and GRADeS e-Santé staff of the incident's region."
            + " Another region's incident, or an unknown one, answers `404` alike.";

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "reportIncident",
            summary = "Report an incident",
            description = "Records a region's incident; its CERT Santé and CNIL clocks start from `awareAt`. The"
                    + " obligation terms in force (delays, and whether NIS2 applies to the `entity` hit) are stamped"
                    + " in it: its clocks are read with them whatever the configuration says later."
                    + " Who may call it: ARS and GRADeS e-Santé staff of that region (national coordinators of any"
                    + " region). Refused: a region other than the caller's (`403`), an invalid field (`400`). With an"
                    + " `Idempotency-Key`, a retry answers the same id and records nothing new. With `exerciseId`, the"
                    + " incident is recorded in that exercise (marked EXERCICE; never in the real picture, registers"
                    + " or public channels): refused when the exercise does not cover the region (`400`) or has ended"
                    + " (`409`); a change to an exercise's incident once it ended is refused too (`409`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `Location` names the incident.")
    @ApiResponse(responseCode = "409", description = "The exercise named by `exerciseId` has ended.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentCreated> report(
            @Valid @RequestBody ReportIncidentRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            Authentication authentication) {
        Region region = Region.byCode(request.region())
                .orElseThrow(() -> new InvalidRequestException(
                        "region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF"));
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireWrite(member, region);
        EntityKind entity =
                request.entity() != null ? request.entity() : member.ofGrades() ? EntityKind.GRADES : EntityKind.ARS;
        ObligationTerms terms = obligations.termsFor(region, entity);
        IdempotentCommands.Created created = commands.create(
                "incident",
                member.toActor(),
                key,
                request,
                id -> new ReportIncidentCommand(
                        id,
                        region,
                        request.title().strip(),
                        request.summary().strip(),
                        request.awareAt(),
                        request.attackVector(),
                        request.operationalImpact(),
                        entity,
                        terms,
                        request.exerciseId()));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/incidents/" + created.id()));
        if (created.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(new IncidentCreated(created.id()));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordAssessment",
            summary = "Record an assessment",
            description = "Records what the incident exposed (categories of data, medical data or not, estimated"
                    + " patients): the latest assessment is the incident's. The first one moves a REPORTED incident to"
                    + " ASSESSING." + WHO_RECORDS + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> assess(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordAssessmentRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        List<String> systems = request.affectedSystems() == null
                ? List.of()
                : request.affectedSystems().stream()
                        .map(String::strip)
                        .distinct()
                        .toList();
        return change(
                id,
                authentication,
                key,
                "assessment",
                request,
                HttpStatus.CREATED,
                new RecordAssessmentCommand(
                        id,
                        new LinkedHashSet<>(request.exposedData()),
                        request.medicalDataExposed(),
                        request.estimatedPatients(),
                        systems,
                        request.note(),
                        request.highRisk(),
                        request.estimatedRecords(),
                        request.breachTypes() == null ? Set.of() : Set.copyOf(request.breachTypes()),
                        request.dataSubjects() == null ? Set.of() : Set.copyOf(request.dataSubjects()),
                        expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordContainmentAction",
            summary = "Record a containment action",
            description = "Records a measure taken (accounts blocked, systems isolated, complaint filed...)."
                    + WHO_RECORDS + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/containment-actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> contain(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordContainmentActionRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "containment-action",
                request,
                HttpStatus.CREATED,
                new RecordContainmentActionCommand(
                        id, request.action(), request.description(), expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordAuthorityNotification",
            summary = "Record a notification to an authority",
            description = "Records that an authority (CERT Santé, CNIL, ANSSI...) was notified, and when: it meets"
                    + " the obligation it fulfils (by authority and `kind`). One made after that obligation's due time"
                    + " needs a `lateReason`; one to ANSSI a `kind` (`400` naming the field otherwise)." + WHO_RECORDS
                    + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/authority-notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> notifyAuthority(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordAuthorityNotificationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "authority-notification",
                request,
                HttpStatus.CREATED,
                new RecordAuthorityNotificationCommand(
                        id,
                        request.authority(),
                        request.notifiedAt(),
                        request.reference(),
                        request.kind(),
                        request.lateReason(),
                        expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordPatientInformation",
            summary = "Record the patients' information (GDPR art. 34)",
            description = "Records whether the patients must be told of a high-risk breach and, once done, how and"
                    + " when they were: it meets the PATIENT_INFORMATION obligation (NOT_REQUIRED makes it not"
                    + " applicable). The latest record is the incident's." + WHO_RECORDS + " Refused on a closed"
                    + " incident (`409`); a missing reason, channel or an informedAt before awareness, or a"
                    + " `communiqueId` that is not a communiqué published for the region (`400`).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/patient-information", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> informPatients(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordPatientInformationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        if (request.communiqueId() != null) {
            // after the access checks, so that a refusal tells nothing of an incident the caller may not see
            Region region = IncidentAccessPolicy.requireRecordable(StaffMember.from(authentication), streams, id);
            String communique = request.communiqueId().strip();
            if (!AggregateIds.isWellFormed(communique)
                    || !publishedCommuniques.isPublishedFor(communique, region, PUBLICATION_PATIENCE)) {
                throw new InvalidRequestException(
                        "communiqueId",
                        "must name a communiqué published for the"
                                + " incident's region (its regional communiqué or a national one)");
            }
        }
        return change(
                id,
                authentication,
                key,
                "patient-information",
                request,
                HttpStatus.CREATED,
                new RecordPatientInformationCommand(
                        id,
                        request.decision(),
                        request.reason(),
                        request.channel(),
                        request.informedAt(),
                        request.patientsInformed(),
                        request.communiqueId() == null
                                ? null
                                : request.communiqueId().strip(),
                        expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordNis2Significance",
            summary = "Record whether the incident is significant (NIS2)",
            description = "Records the decision of NIS2 art. 23(3): SIGNIFICANT with the `criteria` met, or"
                    + " NOT_SIGNIFICANT with its `reason`. It meets the NIS2_SIGNIFICANCE obligation; the NIS2 reporting"
                    + " clocks (early warning, notification, final report) run only once the incident is SIGNIFICANT,"
                    + " from its awareness. The latest decision is the incident's." + WHO_RECORDS + " Refused on a"
                    + " closed incident, or one whose entity NIS2 does not apply to by its terms (`409`); no criterion"
                    + " for SIGNIFICANT or no reason for NOT_SIGNIFICANT (`400` naming the field).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/nis2-significance", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> decideSignificance(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordNis2SignificanceRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "nis2-significance",
                request,
                HttpStatus.CREATED,
                new RecordNis2SignificanceCommand(
                        id, request.significance(), request.criteria(), request.reason(), expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordCnilDecision",
            summary = "Record the decision on notifying the CNIL (GDPR art. 33)",
            description = "Records NOTIFY, or NOT_REQUIRED with the `reason` the breach is unlikely to result in a"
                    + " risk (art. 33(1)), and `breachAwareAt`: when the agency became reasonably certain that"
                    + " personal data were compromised (EDPB guidelines 9/2022), from which the CNIL's 72 hours run"
                    + " (the incident's `awareAt` when absent). NOT_REQUIRED makes the CNIL_NOTIFICATION obligation"
                    + " not applicable; the breach stays in the breach register either way. The latest decision is the"
                    + " incident's." + WHO_RECORDS
                    + " Refused on a closed incident (`409`); no reason for NOT_REQUIRED,"
                    + " or a `breachAwareAt` before `awareAt` (`400` naming the field).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/cnil-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> decideCnil(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordCnilDecisionRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "cnil-decision",
                request,
                HttpStatus.CREATED,
                new RecordCnilDecisionCommand(
                        id, request.decision(), request.reason(), request.breachAwareAt(), expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "recordNis2IntermediateReportRequest",
            summary = "Record ANSSI's request for an intermediate report (NIS2 art. 23(4)(c))",
            description = "Records that ANSSI asked for an intermediate report, due at `dueAt`: it opens the"
                    + " NIS2_INTERMEDIATE_REPORT obligation, met by an ANSSI notification of kind INTERMEDIATE_REPORT"
                    + " made after `requestedAt`. The latest request is the one tracked." + WHO_RECORDS
                    + " Refused on a closed incident (`409`); a `requestedAt` before awareness or a `dueAt` not after"
                    + " it (`400` naming the field).")
    @ApiResponse(responseCode = "201", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PostMapping(path = "/{id}/nis2-intermediate-report-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> intermediateReportRequested(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody RecordIntermediateReportRequestRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "nis2-intermediate-report-request",
                request,
                HttpStatus.CREATED,
                new RecordIntermediateReportRequestCommand(
                        id, request.requestedAt(), request.dueAt(), request.reference(), expectedVersion(ifMatch)));
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "changeIncidentStatus",
            summary = "Move the incident to its next status",
            description = "REPORTED → ASSESSING → CONTAINED → RESOLVED → CLOSED, one step at a time (CONTAINED may go"
                    + " back to ASSESSING). A RESOLVED incident still takes notifications and reminders; a CLOSED one"
                    + " no longer changes, so closing needs every legal obligation met or not applicable: each one"
                    + " still to meet (clock PENDING, DUE_SOON or OVERDUE now) must be named in `waivers` with the"
                    + " reason it is closed without it, recorded with the closure and shown as `WAIVED`." + WHO_RECORDS
                    + " Refused: a move the lifecycle does not allow, or to the status it already has, or closing"
                    + " with obligations unmet and not waived (`409`, listed in `unmetObligations`); a waiver of an"
                    + " obligation that is not unmet, twice the same, or with another status than CLOSED (`400`"
                    + " naming the field).")
    @ApiResponse(responseCode = "200", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @ApiResponse(
            responseCode = "409",
            description = "The incident changed since the version in `If-Match`, the move"
                    + " breaks the lifecycle, or obligations are unmet and not waived (`unmetObligations`); nothing was"
                    + " recorded.")
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> changeStatus(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody ChangeStatusRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        List<ObligationWaiver> waivers = request.waivers() == null
                ? List.of()
                : request.waivers().stream()
                        .map(w -> new ObligationWaiver(w.code(), w.reason()))
                        .toList();
        return change(
                id,
                authentication,
                key,
                "status",
                request,
                HttpStatus.OK,
                new ChangeIncidentStatusCommand(
                        id, request.status(), request.reason(), waivers, clock.instant(), expectedVersion(ifMatch)));
    }

    /**
     * Closing refused for obligations still to meet: the platform's 409 problem, with their codes in
     * {@code unmetObligations} for clients to act on.
     */
    @ExceptionHandler(UnmetObligationsViolation.class)
    ResponseEntity<ProblemDetail> unmetObligations(UnmetObligationsViolation e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty(
                StatusChangeRefusal.UNMET_OBLIGATIONS,
                e.unmet().stream().map(Enum::name).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Tag(name = ApiTags.FACTS)
    @Operation(
            operationId = "classifyIncident",
            summary = "Classify the incident and label it for sharing",
            description = "Sets the incident's ENISA taxonomy class (with related ones) and its TLP 2.0 label, which"
                    + " the regulator reports and shared bundles carry. An incident never classified is `TLP:AMBER`."
                    + " The same classification again records nothing." + WHO_RECORDS
                    + " Refused on a closed incident (`409`).")
    @ApiResponse(responseCode = "200", description = "Recorded: `ETag` is the incident's new version.")
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's region.")
    @PutMapping(path = "/{id}/classification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentChanged> classify(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Valid @RequestBody ClassifyIncidentRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return change(
                id,
                authentication,
                key,
                "classification",
                request,
                HttpStatus.OK,
                new ClassifyIncidentCommand(
                        id,
                        request.taxonomyClass(),
                        request.relatedClasses() == null ? List.of() : request.relatedClasses(),
                        request.tlp(),
                        expectedVersion(ifMatch)));
    }

    private ResponseEntity<IncidentChanged> change(
            String id,
            Authentication authentication,
            String key,
            String operation,
            Object request,
            HttpStatus status,
            Object command) {
        return changes.change(id, authentication, key, operation, request, status, command);
    }

    private static Long expectedVersion(String ifMatch) {
        return IncidentChanges.expectedVersion(ifMatch);
    }
}
