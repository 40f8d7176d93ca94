package fr.ars.coord.platform.testing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading answers in tests. */
public final class JsonFields {

    private JsonFields() {}

    /**
     * The text of {@code field} in each element of {@code array}, and there only (where {@code findValuesAsString}
     * would also find the field in what the elements hold, such as each overdue clock's {@code code}).
     */
    public static List<String> ofEach(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asString()));
        return values;
    }
}
