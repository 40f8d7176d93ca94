package fr.ars.coord.incident.exercise;

import fr.ars.coord.platform.rules.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * The scripts shipped with the platform ({@code exercise-scripts/<name>.json} on the class path: the reference case
 * and a ransomware with care in degraded mode), and the reading of any script document in their format.
 */
@Component
public class ExerciseScripts {

    /** The shipped scripts, by name. */
    static final List<String> SHIPPED = List.of("reference-case", "ransomware-degraded-care");

    private final ObjectReader reader;
    private final Map<String, String> shipped = new LinkedHashMap<>();

    ExerciseScripts(ObjectMapper json) {
        this.reader = json.readerFor(ExerciseScript.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String name : SHIPPED) {
            try (InputStream in = ExerciseScripts.class.getResourceAsStream("/exercise-scripts/" + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("the shipped script " + name + " is missing");
                }
                String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                read(document, "script");
                shipped.put(name, document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shipped scripts' documents, by name. */
    public Map<String, String> shipped() {
        return Map.copyOf(shipped);
    }

    /** The document of the shipped script {@code name}. */
    public Optional<String> document(String name) {
        return Optional.ofNullable(shipped.get(name));
    }

    /** A script read from its document; one that cannot be read or played is refused, naming {@code field}. */
    public ExerciseScript read(String document, String field) {
        ExerciseScript script;
        try {
            script = reader.readValue(document);
        } catch (JacksonException e) {
            throw new InvalidRequestException(
                    field, "is not a script in the documented format: " + e.getOriginalMessage());
        }
        script.problem().ifPresent(problem -> {
            throw new InvalidRequestException(field, problem);
        });
        return script;
    }
}
