package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.incident.directory.IncidentSummaryStore;
import fr.ars.coord.incident.view.CitedEvent;
import fr.ars.coord.incident.view.CitedEvents;
import fr.ars.coord.incident.view.HistoryEntry;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
import fr.ars.coord.platform.security.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads incidents. One incident's view, past view and history come straight from its event stream
 * (always current); the list comes from the MongoDB read model (updated within moments of each event).
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentQueryController {

    private final IncidentStreams streams;
    private final IncidentSummaryStore summaries;
    private final CitedEvents cited;
    private final Clock clock;

    IncidentQueryController(IncidentStreams streams, IncidentSummaryStore summaries, CitedEvents cited, Clock clock) {
        this.streams = streams;
        this.cited = cited;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "listIncidents",
            summary = "List incidents",
            description = "The incidents the caller may see, most recently reported first: regional staff their"
                    + " region's, the national cell and auditors every region's (or one, with `region`). The real"
                    + " incidents only, or with `exercise` that exercise's only: the two never mix.")
    @GetMapping
    List<IncidentSummary> list(
            @Parameter(description = "Only this region's (ISO 3166-2 code).", schema = @Schema(example = "FR-HDF"))
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "Only incidents with this status.") @RequestParam(required = false)
                    IncidentStatus status,
            @Parameter(description = "Only this exercise's incidents (its id); absent, the real incidents only.")
                    @RequestParam(required = false)
                    String exercise,
            Authentication authentication) {
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException(
                    "region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        if (exercise != null && (exercise.isBlank() || exercise.length() > 64)) {
            throw new InvalidRequestException("exercise", "must be an exercise's id");
        }
        String visible = IncidentAccessPolicy.listableRegion(StaffMember.from(authentication), region);
        return summaries.find(visible, status, exercise);
    }

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "getIncident",
            summary = "Read an incident",
            description = "The incident with its facts and legal clocks (due time, met or late), now or, with"
                    + " `asOf`, as it stood then: only what had been recorded by that instant. Who may call it: its"
                    + " region's staff, the national cell and auditors; another region's incident answers `404`.")
    @ApiResponse(
            responseCode = "200",
            description = "The incident; `ETag` is its version, for `If-Match`.",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", ref = "#/components/headers/ETag"))
    @ApiResponse(
            responseCode = "404",
            description = "No such incident visible to the caller, or not yet reported" + " at `asOf`.")
    @GetMapping("/{id}")
    ResponseEntity<IncidentView> get(
            @Parameter(description = "The incident's id.") @PathVariable String id,
            @Parameter(
                            description = "Read the incident as it stood at this instant (not in" + " the future).",
                            schema = @Schema(type = "string", format = "date-time", example = "2025-11-22T08:00:00Z"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            Authentication authentication) {
        requireReadable(id, authentication);
        Instant now = clock.instant();
        if (asOf != null && asOf.isAfter(now)) {
            throw new InvalidRequestException("asOf", "must not be in the future");
        }
        IncidentView view = (asOf == null ? streams.currentView(id, now) : streams.viewAsOf(id, asOf))
                .orElseThrow(() -> new NotFoundException("The incident had not been reported at that time."));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "getIncidentHistory",
            summary = "Read an incident's history",
            description = "Every event of the incident in order: what was recorded, when, and by whom (user,"
                    + " organisation, region). Who may call it: as for reading the incident.")
    @ApiResponse(responseCode = "200", description = "The events, oldest first.")
    @ApiResponse(responseCode = "404", description = "No such incident visible to the caller.")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(
            @Parameter(description = "The incident's id.") @PathVariable String id, Authentication authentication) {
        requireReadable(id, authentication);
        return streams.history(id);
    }

    /** The most ids one call reads: a communiqué cites a few dozen events. */
    static final int MAX_CITED = 200;

    @Tag(name = ApiTags.INCIDENTS)
    @Operation(
            operationId = "getCitedEvents",
            summary = "Read events by their ids",
            description = "The recorded events with these ids (what a communiqué's sentences cite, in its statements'"
                    + " `sources`), each with its incident, in the order asked: one call for a whole communiqué instead"
                    + " of one per incident's history. Who may call it: as for reading incidents; an event of an"
                    + " incident the caller may not read is left out, exactly as an id that names no event. At most "
                    + MAX_CITED
                    + " ids.")
    @ApiResponse(responseCode = "200", description = "The events found and readable, in the order of `id`.")
    @GetMapping("/events")
    List<CitedEvent> cited(
            @Parameter(
                            description = "An event's id (repeat the parameter for several).",
                            required = true,
                            array =
                                    @ArraySchema(
                                            schema = @Schema(example = "5f0c2c9e-1d7b-4c55-9a1e-2b2f7d3e4a10"),
                                            maxItems = MAX_CITED))
                    @RequestParam(name = "id", required = false)
                    List<String> ids,
            Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireReader(member);
        if (ids == null || ids.isEmpty()) {
            throw new InvalidRequestException("id", "at least one event id is required");
        }
        if (ids.size() > MAX_CITED) {
            throw new InvalidRequestException("id", "at most " + MAX_CITED + " event ids per call");
        }
        for (String id : ids) {
            if (id == null || !EVENT_ID.matcher(id).matches()) {
                throw new InvalidRequestException("id", "an event id is 1 to 64 letters, digits or hyphens");
            }
        }
        return cited.read(ids.stream().distinct().toList(), region -> IncidentAccessPolicy.sees(member, region));
    }

    private static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    private void requireReadable(String id, Authentication authentication) {
        IncidentAccessPolicy.requireReadable(StaffMember.from(authentication), streams, id);
    }
}
