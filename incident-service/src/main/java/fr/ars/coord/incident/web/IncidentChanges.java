package fr.ars.coord.incident.web;

import fr.ars.coord.incident.lifecycle.CommandOutcome;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.rules.InvalidRequestException;
import fr.ars.coord.platform.security.StaffMember;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One change to an existing incident, as every write endpoint makes it: the caller may record in the incident's
 * region (another region's incident answers as an unknown one), the command is sent with who sends it and its
 * {@code Idempotency-Key}, and the answer carries the incident's new version as its {@code ETag}.
 */
@Component
class IncidentChanges {

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final IdempotentCommands commands;
    private final IncidentStreams streams;

    IncidentChanges(IdempotentCommands commands, IncidentStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    ResponseEntity<IncidentCommandController.IncidentChanged> change(
            String id,
            Authentication authentication,
            String key,
            String operation,
            Object request,
            HttpStatus status,
            Object command) {
        StaffMember member = StaffMember.from(authentication);
        IncidentAccessPolicy.requireRecordable(member, streams, id);
        CommandOutcome outcome = commands.send(command, member.toActor(), key, operation, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create("/api/incidents/" + id))
                .eTag("\"" + outcome.version() + "\"");
        if (outcome.replayed()) {
            response.header(IncidentCommandController.REPLAYED, "true");
        }
        return response.body(new IncidentCommandController.IncidentChanged(id, outcome.version()));
    }

    /** The version an {@code If-Match} names, or none. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        var matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException(
                    HttpHeaders.IF_MATCH, "must be the incident version as an ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
