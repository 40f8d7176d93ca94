package fr.ars.coord.contracts.communique;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A communiqué drafted from recorded facts. {@code factsPosition} is the global index of the last event the
 * facts include; {@code factsDigest} identifies the text those facts produce; {@code supersedes} names the
 * published communiqué this one corrects, if any; {@code issuers} who issue it, each approving it (the lead first;
 * absent from communiqués drafted before joint communiqués: issued by their lead alone); {@code exerciseId} the
 * exercise it was drafted in (absent for a real communiqué, and from every one before exercises existed).
 */
@Revision("1")
public record CommuniqueDraftedEvent(
        String communiqueId,
        CommuniqueScope scope,
        Region region,
        String campaignId,
        String supersedes,
        String title,
        List<Statement> statements,
        long factsPosition,
        String factsDigest,
        boolean medicalDataExposed,
        // absent when the lead issues it alone: the bytes of a communiqué issued by its lead alone stay those an
        // earlier release wrote and reads
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CommuniqueIssuer> issuers,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId)
        implements CommuniqueEvent {

    public CommuniqueDraftedEvent {
        statements = List.copyOf(statements);
        issuers = issuers == null ? null : List.copyOf(issuers);
    }

    /** A real communiqué, as the releases before exercises recorded it. */
    public CommuniqueDraftedEvent(
            String communiqueId,
            CommuniqueScope scope,
            Region region,
            String campaignId,
            String supersedes,
            String title,
            List<Statement> statements,
            long factsPosition,
            String factsDigest,
            boolean medicalDataExposed,
            List<CommuniqueIssuer> issuers) {
        this(
                communiqueId,
                scope,
                region,
                campaignId,
                supersedes,
                title,
                statements,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                issuers,
                null);
    }

    /** A communiqué issued by its lead alone. */
    public CommuniqueDraftedEvent(
            String communiqueId,
            CommuniqueScope scope,
            Region region,
            String campaignId,
            String supersedes,
            String title,
            List<Statement> statements,
            long factsPosition,
            String factsDigest,
            boolean medicalDataExposed) {
        this(
                communiqueId,
                scope,
                region,
                campaignId,
                supersedes,
                title,
                statements,
                factsPosition,
                factsDigest,
                medicalDataExposed,
                null,
                null);
    }
}
