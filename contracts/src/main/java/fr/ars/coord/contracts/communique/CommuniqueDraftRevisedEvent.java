package fr.ars.coord.contracts.communique;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The facts changed before publication: the text was regenerated and any approval no longer holds. */
@Revision("1")
public record CommuniqueDraftRevisedEvent(
        String communiqueId,
        String title,
        List<Statement> statements,
        long factsPosition,
        String factsDigest,
        boolean medicalDataExposed)
        implements CommuniqueEvent {

    public CommuniqueDraftRevisedEvent {
        statements = List.copyOf(statements);
    }
}
