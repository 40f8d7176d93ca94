package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.incident.directory.IncidentSummaryStore;
import fr.ars.coord.incident.exercise.EndExerciseCommand;
import fr.ars.coord.incident.exercise.ExerciseRecord;
import fr.ars.coord.incident.exercise.ExerciseScript;
import fr.ars.coord.incident.exercise.ExerciseScripts;
import fr.ars.coord.incident.exercise.RegisteredExercises;
import fr.ars.coord.incident.exercise.StartExerciseCommand;
import fr.ars.coord.incident.exercise.StartReplayCommand;
import fr.ars.coord.incident.review.ExerciseReview;
import fr.ars.coord.incident.review.ExerciseReviews;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Crisis exercises: the national cell starts and ends them; the staff of the regions an exercise covers record
 * its incidents (with {@code exerciseId}) and read it; the national cell and auditors read every one.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ExerciseController {

    private final IdempotentCommands commands;
    private final RegisteredExercises register;
    private final ExerciseScripts scripts;
    private final ExerciseReviews reviews;
    private final IncidentSummaryStore summaries;
    private final ObjectMapper json;
    private final Clock clock;

    ExerciseController(
            IdempotentCommands commands,
            RegisteredExercises register,
            ExerciseScripts scripts,
            ExerciseReviews reviews,
            IncidentSummaryStore summaries,
            ObjectMapper json,
            Clock clock) {
        this.commands = commands;
        this.register = register;
        this.scripts = scripts;
        this.reviews = reviews;
        this.summaries = summaries;
        this.json = json;
        this.clock = clock;
    }

    @Schema(description = "An exercise: what it covers, when it runs, and (read one by one) its incidents.")
    record ExerciseAnswer(
            @Schema(example = "0d6f3c2a-8e51-4b7c-9f0e-2a4d6b8c1e3f")
            String id,

            @Schema(description = "Always `EXERCICE`: what every page, text and document of it is marked with.")
            String label,

            String name,
            String scenario,

            @Schema(description = "The regions it covers; empty for a national exercise.")
            List<String> regions,

            boolean national,
            Instant startedAt,

            @Schema(description = "When it is frozen at the latest.")
            Instant endsAt,

            @Schema(description = "When the national cell ended it; absent while it runs.")
            Instant endedAt,

            @Schema(allowableValues = {"RUNNING", "ENDED"}) String status,

            @Schema(description = "Its incidents the caller may see (one exercise read by id; absent in a list).")
            List<IncidentSummary> incidents) {

        static ExerciseAnswer of(ExerciseRecord exercise, Instant now, List<IncidentSummary> incidents) {
            return new ExerciseAnswer(
                    exercise.exerciseId(),
                    ExerciseTag.LABEL,
                    exercise.name(),
                    exercise.scenario(),
                    exercise.regions().stream().map(Region::code).toList(),
                    exercise.national(),
                    exercise.startedAt(),
                    exercise.endsAt(),
                    exercise.endedAt(),
                    exercise.runningAt(now) ? "RUNNING" : "ENDED",
                    incidents);
        }
    }

    @Schema(description = "The exercise started.")
    record ExerciseStarted(
            @Schema(example = "0d6f3c2a-8e51-4b7c-9f0e-2a4d6b8c1e3f")
            String id) {}

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "startExercise",
            summary = "Start an exercise",
            description = "Starts a crisis exercise over some regions (or every region) for `durationMinutes`."
                    + " Incidents recorded in it (`exerciseId` when reporting) run the real rules (clocks, reminders,"
                    + " drafting, approval, publication) but are marked EXERCICE, never reach the public, real"
                    + " regulators nor real subscribers, and never count in the real national picture, registers"
                    + " or figures. Who may call it: the national cell. An unknown region: `400` naming `regions`.")
    @ApiResponse(responseCode = "201", description = "Started: `Location` names the exercise.")
    @PostMapping(path = "/api/exercises", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExerciseStarted> start(
            @Valid @RequestBody StartExerciseRequest request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            Authentication authentication) {
        StaffMember member = requireNationalCell(authentication);
        Set<Region> regions = new LinkedHashSet<>();
        for (String code : request.regions() == null ? List.<String>of() : request.regions()) {
            regions.add(Region.byCode(code)
                    .orElseThrow(() -> new InvalidRequestException(
                            "regions", "must hold ISO 3166-2 codes of the 18 regions, such as FR-HDF")));
        }
        Instant now = clock.instant();
        IdempotentCommands.Created created = commands.create(
                "exercise",
                member.toActor(),
                key,
                request,
                id -> new StartExerciseCommand(
                        id,
                        request.name().strip(),
                        request.scenario() == null || request.scenario().isBlank()
                                ? null
                                : request.scenario().strip(),
                        List.copyOf(regions),
                        now,
                        now.plus(Duration.ofMinutes(request.durationMinutes()))));
        return ResponseEntity.created(URI.create("/api/exercises/" + created.id()))
                .body(new ExerciseStarted(created.id()));
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "listExercises",
            summary = "List exercises",
            description = "The exercises the caller may see, the latest started first: every one for the national"
                    + " cell and auditors; for a region's staff (communication officers included), those that cover"
                    + " their region. A caller of no region (a machine client) gets `403`.")
    @GetMapping("/api/exercises")
    List<ExerciseAnswer> list(Authentication authentication) {
        StaffMember member = requireReader(authentication);
        Instant now = clock.instant();
        return register.all().stream()
                .filter(exercise -> sees(member, exercise))
                .map(exercise -> ExerciseAnswer.of(exercise, now, null))
                .toList();
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "getExercise",
            summary = "Read an exercise",
            description = "The exercise and its incidents the caller may see. One the caller may not see answers"
                    + " `404`, as an unknown one.")
    @ApiResponse(responseCode = "200", description = "The exercise and its incidents.")
    @ApiResponse(responseCode = "404", description = "No such exercise the caller may see.")
    @GetMapping("/api/exercises/{id}")
    ExerciseAnswer get(@PathVariable String id, Authentication authentication) {
        StaffMember member = requireReader(authentication);
        ExerciseRecord exercise = visible(id, member);
        String region = member.seesAllRegions() ? null : member.region();
        return ExerciseAnswer.of(exercise, clock.instant(), summaries.find(region, null, exercise.exerciseId()));
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "endExercise",
            summary = "End an exercise",
            description = "Freezes the exercise now: nothing more can be recorded in it (`409`), its reminders stop,"
                    + " its record stays for the review. Who may call it: the national cell. Already ended: `409`.")
    @ApiResponse(responseCode = "200", description = "Ended: the exercise as it stands now.")
    @ApiResponse(responseCode = "404", description = "No such exercise.")
    @ApiResponse(responseCode = "409", description = "The exercise has already ended.")
    @PostMapping(path = "/api/exercises/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExerciseAnswer end(
            @PathVariable String id, @Valid @RequestBody EndExerciseRequest request, Authentication authentication) {
        StaffMember member = requireNationalCell(authentication);
        ExerciseRecord exercise = visible(id, member);
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        commands.send(new EndExerciseCommand(exercise.exerciseId(), clock.instant(), reason), member.toActor());
        return get(id, authentication);
    }

    @Schema(description = "A script shipped with the platform.")
    record ScriptSummary(
            @Schema(example = "reference-case") String script,
            String name,
            String description,
            List<String> regions,

            @Schema(description = "How many facts it injects.")
            int steps,

            @Schema(description = "The script time of its last fact, in seconds.")
            long lastStepSeconds,

            @Schema(description = "How many actions it expects of the trainees.")
            int expected) {}

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "listExerciseScripts",
            summary = "List the shipped scripts",
            description = "The scripts shipped with the platform, to replay in an exercise: the reference case"
                    + " (Hauts-de-France and Normandie) and a ransomware with care in degraded mode.")
    @GetMapping("/api/exercise-scripts")
    List<ScriptSummary> scripts(Authentication authentication) {
        requireReader(authentication);
        return scripts.shipped().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> {
                    ExerciseScript script = scripts.read(entry.getValue(), "script");
                    return new ScriptSummary(
                            entry.getKey(),
                            script.name(),
                            script.description(),
                            script.regions(),
                            script.steps().size(),
                            script.steps().get(script.steps().size() - 1).at().toSeconds(),
                            script.expected().size());
                })
                .toList();
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "getExerciseScript",
            summary = "Read a shipped script",
            description = "The script's whole document, in the format `POST /api/exercises/{id}/replay` accepts as"
                    + " `document`.")
    @ApiResponse(responseCode = "200", description = "The script.")
    @ApiResponse(responseCode = "404", description = "No such shipped script.")
    @GetMapping("/api/exercise-scripts/{script}")
    ExerciseScript script(@PathVariable String script, Authentication authentication) {
        requireReader(authentication);
        return scripts.document(script)
                .map(document -> scripts.read(document, "script"))
                .orElseThrow(() -> new NotFoundException("No shipped script " + script + "."));
    }

    @Schema(description = "The replay started.")
    record ReplayStarted(String exerciseId, String script, int speed, Instant startedAt, int steps) {}

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "replayScript",
            summary = "Replay a script in an exercise",
            description = "Injects the script's facts into the exercise at their time divided by `speed` (1 to 60),"
                    + " recorded by `exercise-script`: the trainees answer in the console (notifications,"
                    + " assessments, approvals). One script per exercise, while it runs. Who may call it: the national"
                    + " cell. Refused: neither or both of `script` and `document`, an unknown script, a script that"
                    + " cannot be played or whose regions the exercise does not cover (`400` naming the field); an"
                    + " exercise ended or already replaying one (`409`).")
    @ApiResponse(responseCode = "201", description = "Started: `Location` names the exercise's review.")
    @ApiResponse(responseCode = "404", description = "No such exercise.")
    @ApiResponse(responseCode = "409", description = "The exercise has ended, or already replays a script.")
    @PostMapping(path = "/api/exercises/{id}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplayStarted> replay(
            @PathVariable String id, @Valid @RequestBody ReplayRequest request, Authentication authentication) {
        StaffMember member = requireNationalCell(authentication);
        ExerciseRecord exercise = visible(id, member);
        if ((request.script() == null) == (request.document() == null)) {
            throw new InvalidRequestException("script", "name a shipped script, or give a `document`, not both");
        }
        String name;
        String document;
        if (request.script() != null) {
            name = request.script();
            document = scripts.document(name)
                    .orElseThrow(() -> new InvalidRequestException("script", "names no shipped script"));
        } else {
            document = json.writeValueAsString(request.document());
            name = "document";
        }
        String field = request.script() != null ? "script" : "document";
        ExerciseScript script = scripts.read(document, field);
        for (String code : script.regions()) {
            if (Region.byCode(code).map(region -> !exercise.covers(region)).orElse(true)) {
                throw new InvalidRequestException(
                        field, "has incidents in " + code + ", which the exercise does not cover");
            }
        }
        // to the millisecond, as the store keeps instants: the steps' due times are exactly the script's
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        commands.send(
                new StartReplayCommand(exercise.exerciseId(), name, request.speed(), now, document), member.toActor());
        return ResponseEntity.created(URI.create("/api/exercises/" + exercise.exerciseId() + "/review"))
                .body(new ReplayStarted(
                        exercise.exerciseId(),
                        name,
                        request.speed(),
                        now,
                        script.steps().size()));
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "getExerciseReview",
            summary = "Review an exercise",
            description = "The exercise's after-action review, computed from the record: the script replayed (each"
                    + " step when due and when injected), each expected action against what the trainees did and"
                    + " when (`ON_TIME`, `LATE`, `NOT_DONE`, `OPEN`), and each incident's own review. A region's staff"
                    + " see their region's part.")
    @ApiResponse(
            responseCode = "200",
            description = "The review; `Accept: application/pdf` gives it as a PDF in French, marked EXERCICE on every"
                    + " page and with the strictest TLP label of its incidents.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ExerciseReview.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "404", description = "No such exercise the caller may see.")
    @GetMapping(
            path = "/api/exercises/{id}/review",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> review(
            @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        StaffMember member = requireReader(authentication);
        ExerciseRecord exercise = visible(id, member);
        ExerciseReview review = reviews.of(
                exercise,
                register.replay(exercise.exerciseId()),
                register.steps(exercise.exerciseId()),
                member.seesAllRegions() ? null : member.region(),
                clock.instant());
        return PdfNegotiation.answer(accept, review, reviews::pdf, "revue-exercice-" + exercise.exerciseId() + ".pdf");
    }

    private ExerciseRecord visible(String id, StaffMember member) {
        return register.find(id)
                .filter(exercise -> sees(member, exercise))
                .orElseThrow(() -> new NotFoundException("No exercise " + id + "."));
    }

    private static boolean sees(StaffMember member, ExerciseRecord exercise) {
        return member.seesAllRegions()
                || (member.region() != null
                        && Region.byCode(member.region()).map(exercise::covers).orElse(false));
    }

    /** The national cell and auditors, or a region's staff (who take part in the exercises over their region). */
    private static StaffMember requireReader(Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        if (!member.seesAllRegions() && member.region() == null) {
            throw new AccessDeniedException("no access to exercises");
        }
        return member;
    }

    private static StaffMember requireNationalCell(Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        if (!member.hasRole(StaffMember.NATIONAL_COORDINATOR)) {
            throw new AccessDeniedException("only the national cell starts and ends exercises");
        }
        return member;
    }
}
