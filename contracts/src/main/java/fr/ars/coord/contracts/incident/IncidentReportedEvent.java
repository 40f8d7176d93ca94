package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A region reported an incident; {@code awareAt} is when the organisation became aware of it. {@code entity} is the
 * kind of organisation hit and {@code terms} the obligation terms in force then: both are absent from the events of
 * earlier releases, whose clocks are read with the installation's current terms (an agency's own systems).
 * {@code exerciseId} names the exercise the incident was recorded in; absent for a real one (and from every event
 * before exercises existed).
 */
@Revision("1")
public record IncidentReportedEvent(
        String incidentId,
        Region region,
        String title,
        String summary,
        Instant awareAt,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        @JsonInclude(JsonInclude.Include.NON_NULL) EntityKind entity,
        @JsonInclude(JsonInclude.Include.NON_NULL) ObligationTerms terms,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId)
        implements IncidentEvent {

    /** A real incident, as the releases before exercises recorded it. */
    public IncidentReportedEvent(
            String incidentId,
            Region region,
            String title,
            String summary,
            Instant awareAt,
            AttackVector attackVector,
            OperationalImpact operationalImpact,
            EntityKind entity,
            ObligationTerms terms) {
        this(incidentId, region, title, summary, awareAt, attackVector, operationalImpact, entity, terms, null);
    }

    /** An incident as the releases before stamped terms recorded it. */
    public IncidentReportedEvent(
            String incidentId,
            Region region,
            String title,
            String summary,
            Instant awareAt,
            AttackVector attackVector,
            OperationalImpact operationalImpact) {
        this(incidentId, region, title, summary, awareAt, attackVector, operationalImpact, null, null, null);
    }

    /** The kind of organisation hit: an agency's own systems when the event does not say. */
    public EntityKind effectiveEntity() {
        return entity != null ? entity : EntityKind.ARS;
    }
}
