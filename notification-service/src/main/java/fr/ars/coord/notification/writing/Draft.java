package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.communique.Statement;
import java.util.List;

/**
 * A communiqué's text as the current facts make it. {@code digest} identifies the text: same facts, same
 * words, same digest.
 */
public record Draft(String title, List<Statement> statements, String digest, boolean medicalDataExposed) {

    public String body() {
        return String.join("\n\n", statements.stream().map(Statement::text).toList());
    }
}
