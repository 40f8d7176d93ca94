package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.incident.directory.IncidentSummaryStore;
import fr.ars.coord.incident.exercise.EndExerciseCommand;
import fr.ars.coord.incident.exercise.ExerciseRecord;
import fr.ars.coord.incident.exercise.ExerciseRegister;
import fr.ars.coord.incident.exercise.StartExerciseCommand;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
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

/**
 * Crisis exercises: the national cell starts and ends them; the staff of the regions an exercise covers record
 * its incidents (with {@code exerciseId}) and read it; the national cell and auditors read every one.
 */
@RestController
@RequestMapping(path = "/api/exercises", produces = MediaType.APPLICATION_JSON_VALUE)
class ExerciseController {

    private final IdempotentCommands commands;
    private final ExerciseRegister register;
    private final IncidentSummaryStore summaries;
    private final Clock clock;

    ExerciseController(
            IdempotentCommands commands, ExerciseRegister register, IncidentSummaryStore summaries, Clock clock) {
        this.commands = commands;
        this.register = register;
        this.summaries = summaries;
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
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
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
    @GetMapping
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
    @GetMapping("/{id}")
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
    @PostMapping(path = "/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
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
