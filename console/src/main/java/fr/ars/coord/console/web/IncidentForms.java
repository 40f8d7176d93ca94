package fr.ars.coord.console.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The incident page's forms as the browser posts them, and the API request each becomes. Values are passed on as
 * typed, so that the API's validation (and its words) decide: a count that is not a number reaches it as text and
 * comes back as an error naming the field. Each form carries the idempotency key it was rendered with: submitting
 * it twice records once.
 */
public final class IncidentForms {

    private IncidentForms() {
    }

    static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    /** The check boxes arrive only when ticked: absent is false. */
    public record Assessment(String requestKey, String estimatedPatients, List<String> exposedData,
                             Boolean medicalDataExposed, Boolean highRisk, String affectedSystems, String note) {

        static Assessment blank() {
            return new Assessment(newKey(), "", List.of(), false, false, "", "");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("estimatedPatients", numberOrText(estimatedPatients));
            body.put("exposedData", exposedData == null ? List.of() : exposedData);
            body.put("medicalDataExposed", Boolean.TRUE.equals(medicalDataExposed));
            body.put("highRisk", Boolean.TRUE.equals(highRisk));
            List<String> systems = affectedSystems == null ? List.of() : Arrays.stream(affectedSystems.split("\\R"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!systems.isEmpty()) {
                body.put("affectedSystems", systems);
            }
            putText(body, "note", note);
            return body;
        }

        public boolean exposes(String item) {
            return exposedData != null && exposedData.contains(item);
        }
    }

    public record Containment(String requestKey, String action, String description) {

        static Containment blank() {
            return new Containment(newKey(), "", "");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", blankToNull(action));
            putText(body, "description", description);
            return body;
        }
    }

    /** {@code notifiedAt} is typed in Paris time (a {@code datetime-local} field) and sent as an instant. */
    public record Notification(String requestKey, String authority, String kind, String notifiedAt, String reference,
                        String lateReason) {

        static Notification blank() {
            return new Notification(newKey(), "", "", "", "", "");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("authority", blankToNull(authority));
            if (kind != null && !kind.isBlank()) {
                body.put("kind", kind);
            }
            body.put("notifiedAt", instantOrText(notifiedAt));
            putText(body, "reference", reference);
            putText(body, "lateReason", lateReason);
            return body;
        }
    }

    /**
     * A status change. Closing with obligations still unmet needs a reason for each ({@code waiverCodes} and
     * {@code waiverReasons}, in the same order, one pair per unmet obligation shown): the reasons typed become the
     * request's waivers; blank ones are left out, and the API names the obligations still lacking one.
     */
    public record Status(String requestKey, String status, String reason, List<String> waiverCodes,
                         List<String> waiverReasons) {

        public Status {
            waiverCodes = waiverCodes == null ? List.of() : waiverCodes;
            waiverReasons = waiverReasons == null ? List.of() : waiverReasons;
        }

        static Status blank() {
            return new Status(newKey(), "", "", List.of(), List.of());
        }

        /** The reason typed for an obligation, or empty. */
        public String waiverReason(String code) {
            int index = waiverCodes.indexOf(code);
            return index >= 0 && index < waiverReasons.size() ? waiverReasons.get(index) : "";
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", blankToNull(status));
            putText(body, "reason", reason);
            if ("CLOSED".equals(status)) {
                List<Map<String, Object>> waivers = new ArrayList<>();
                for (int i = 0; i < Math.min(waiverCodes.size(), waiverReasons.size()); i++) {
                    if (waiverReasons.get(i) != null && !waiverReasons.get(i).isBlank()) {
                        Map<String, Object> waiver = new LinkedHashMap<>();
                        waiver.put("code", waiverCodes.get(i));
                        waiver.put("reason", waiverReasons.get(i).strip());
                        waivers.add(waiver);
                    }
                }
                if (!waivers.isEmpty()) {
                    body.put("waivers", waivers);
                }
            }
            return body;
        }
    }

    private static Object numberOrText(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replace(" ", "").replace("\u202f", ""));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static Object instantOrText(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Labels.PARIS).toInstant().toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void putText(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : new ArrayList<>(Arrays.asList(text.split("\\R")));
    }
}
