package fr.ars.coord.contracts.communique;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The facts changed before publication: the text was regenerated and any approval no longer holds. {@code issuers}:
 * who issue it from now on, when the facts changed them (null: unchanged).
 */
@Revision("1")
public record CommuniqueDraftRevisedEvent(
        String communiqueId,
        String title,
        List<Statement> statements,
        long factsPosition,
        String factsDigest,
        boolean medicalDataExposed,
        // absent when the lead issues it alone: the bytes of a communiqué issued by its lead alone stay those an
        // earlier release wrote and reads
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CommuniqueIssuer> issuers)
        implements CommuniqueEvent {

    public CommuniqueDraftRevisedEvent {
        statements = List.copyOf(statements);
        issuers = issuers == null ? null : List.copyOf(issuers);
    }

    /** A revision that leaves the issuers as they were. */
    public CommuniqueDraftRevisedEvent(
            String communiqueId,
            String title,
            List<Statement> statements,
            long factsPosition,
            String factsDigest,
            boolean medicalDataExposed) {
        this(communiqueId, title, statements, factsPosition, factsDigest, medicalDataExposed, null);
    }
}
