package fr.ars.coord.console.api;

import java.util.List;
import java.util.Map;

/**
 * The API refused a call: its status and its RFC 9457 problem (detail, and the fields it names), shown to the user
 * as the API wrote it, next to the field concerned.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, String detail, List<FieldError> errors) {
        super("API answered " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The reasons the API gave per field; a field named {@code exposedData[0]} counts as {@code exposedData}. */
    public Map<String, String> fieldReasons() {
        java.util.LinkedHashMap<String, String> reasons = new java.util.LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[.*$", "");
            reasons.merge(field, error.reason(), (a, b) -> a + " ; " + b);
        }
        return reasons;
    }

    public record FieldError(String field, String reason) {}
}
