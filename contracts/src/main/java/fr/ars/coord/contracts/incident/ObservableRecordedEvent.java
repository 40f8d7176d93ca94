package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An observable of the incident was recorded: a value of {@code type} in its canonical form (a user account only as
 * its pseudonym), what it was in the attack ({@code role}), when it was seen, the TLP label it is shared under (never
 * less strict than the incident's) and how sure its recorder is (0 to 100). Recording the same value in the same role
 * again after its withdrawal records it anew under the same {@code observableId}.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservableRecordedEvent(
        String incidentId,
        Region region,
        String observableId,
        ObservableType type,
        String value,
        ObservableRole role,
        Instant firstSeen,
        Instant lastSeen,
        TlpLabel tlp,
        Integer confidence,
        String note)
        implements IncidentEvent {}
