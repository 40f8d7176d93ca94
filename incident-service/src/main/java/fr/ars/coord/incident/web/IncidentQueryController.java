package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.query.HistoryEntry;
import fr.ars.coord.incident.query.IncidentStreams;
import fr.ars.coord.incident.query.IncidentSummaryStore;
import fr.ars.coord.incident.query.IncidentSummary;
import fr.ars.coord.incident.query.IncidentView;
import fr.ars.coord.platform.security.StaffMember;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.rules.NotFoundException;
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
    private final Clock clock;

    IncidentQueryController(IncidentStreams streams, IncidentSummaryStore summaries, Clock clock) {
        this.streams = streams;
        this.summaries = summaries;
        this.clock = clock;
    }

    @GetMapping
    List<IncidentSummary> list(@RequestParam(required = false) String region,
                               @RequestParam(required = false) IncidentStatus status,
                               Authentication authentication) {
        if (region != null && !Region.isKnown(region)) {
            throw new InvalidRequestException("region", "must be an ISO 3166-2 code of one of the 18 regions, such as FR-HDF");
        }
        String visible = IncidentAccessPolicy.listableRegion(StaffMember.from(authentication), region);
        return summaries.find(visible, status);
    }

    @GetMapping("/{id}")
    ResponseEntity<IncidentView> get(@PathVariable String id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
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

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, Authentication authentication) {
        requireReadable(id, authentication);
        return streams.history(id);
    }

    private void requireReadable(String id, Authentication authentication) {
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireReader(member);
        streams.regionOf(id).filter(region -> IncidentAccessPolicy.sees(member, region))
                .orElseThrow(() -> new NotFoundException("No such incident."));
    }
}
