package fr.ars.coord.incident.web;

import fr.ars.coord.incident.exercise.ExerciseScript;
import fr.ars.coord.incident.replay.RecordedCrisisScripts;
import fr.ars.coord.incident.replay.RecordedCrisisScripts.Source;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.rules.FieldError;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes an exercise script from incidents as they were recorded: a past crisis to replay. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RecordedScriptController {

    private final RecordedCrisisScripts scripts;
    private final IncidentStreams streams;
    private final Clock clock;

    RecordedScriptController(RecordedCrisisScripts scripts, IncidentStreams streams, Clock clock) {
        this.scripts = scripts;
        this.streams = streams;
        this.clock = clock;
    }

    @Tag(name = ApiTags.EXERCISES)
    @Operation(
            operationId = "writeScriptFromRecord",
            summary = "Write a script from recorded incidents",
            description = "A script replaying the incidents as they were recorded: each one's report, assessments and"
                    + " containment actions at their recorded time from the first record among them (awareness as it"
                    + " was), and as expectations the declaration to CERT Santé and the notification to the CNIL"
                    + " within their legal clocks (from the report) and the first communiqué published no later than"
                    + " it was then. What the responders did is left to the trainees. Nothing is stored: pass the"
                    + " answer as `document` to `POST /api/exercises/{id}/replay`. Each incident is named by its"
                    + " region and rank (`fr-hdf-1`). Who may call it: whoever may read the incidents; an incident"
                    + " the caller may not read is refused as unknown (`400` naming `incidents[i]`).")
    @ApiResponse(responseCode = "200", description = "The script, in the replay's format.")
    @ApiResponse(responseCode = "400", description = "An incident unknown, not readable or named twice.")
    @PostMapping(path = "/api/exercise-scripts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExerciseScript write(@Valid @RequestBody ScriptFromRecordRequest request, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireReader(member);
        List<FieldError> errors = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < request.incidents().size(); i++) {
            String id = request.incidents().get(i).strip();
            var region = streams.regionOf(id).filter(r -> IncidentAccessPolicy.sees(member, r));
            if (region.isEmpty()) {
                errors.add(new FieldError("incidents[" + i + "]", "is not an incident you may read"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("incidents[" + i + "]", "names an incident already listed"));
            } else {
                String code = region.get().code().toLowerCase(Locale.ROOT);
                sources.add(new Source(code + "-" + ranks.merge(code, 1, Integer::sum), id));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return scripts.write(request.name(), request.description(), sources, clock.instant());
    }
}
