package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.Authority;
import fr.ars.coord.client.incident.model.ChangeStatusRequest;
import fr.ars.coord.client.incident.model.ContainmentAction;
import fr.ars.coord.client.incident.model.ExposedDataItem;
import fr.ars.coord.client.incident.model.IncidentStatus;
import fr.ars.coord.client.incident.model.NotificationKind;
import fr.ars.coord.client.incident.model.ObligationCode;
import fr.ars.coord.client.incident.model.ObligationWaiverRequest;
import fr.ars.coord.client.incident.model.RecordAssessmentRequest;
import fr.ars.coord.client.incident.model.RecordAuthorityNotificationRequest;
import fr.ars.coord.client.incident.model.RecordContainmentActionRequest;
import fr.ars.coord.console.api.ApiProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The incident page's forms as the browser posts them, and the typed API request each becomes. What the browser
 * sends that no request can hold (a count that is not a number, a date that is not one, a choice the API does not
 * know) is refused here, naming the field as the API would; every other rule is the API's to decide, in its words.
 * A choice left empty is sent absent, so that the API says it is required. Each form carries the idempotency key it
 * was rendered with: submitting it twice records once.
 */
public final class IncidentForms {

    private IncidentForms() {}

    static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    /** The check boxes arrive only when ticked: absent is false. */
    public record Assessment(
            String requestKey,
            String estimatedPatients,
            List<String> exposedData,
            Boolean medicalDataExposed,
            Boolean highRisk,
            String affectedSystems,
            String note) {

        static Assessment blank() {
            return new Assessment(newKey(), "", List.of(), false, false, "", "");
        }

        RecordAssessmentRequest request() {
            List<ExposedDataItem> exposed = new ArrayList<>();
            for (String item : exposedData == null ? List.<String>of() : exposedData) {
                exposed.add(choice("exposedData", item, ExposedDataItem::fromValue));
            }
            List<String> systems = affectedSystems == null
                    ? List.of()
                    : Arrays.stream(affectedSystems.split("\\R"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            return new RecordAssessmentRequest()
                    .estimatedPatients(count("estimatedPatients", estimatedPatients))
                    .exposedData(exposed)
                    .medicalDataExposed(Boolean.TRUE.equals(medicalDataExposed))
                    .highRisk(Boolean.TRUE.equals(highRisk))
                    .affectedSystems(systems.isEmpty() ? null : systems)
                    .note(text(note));
        }

        public boolean exposes(String item) {
            return exposedData != null && exposedData.contains(item);
        }
    }

    public record Containment(String requestKey, String action, String description) {

        static Containment blank() {
            return new Containment(newKey(), "", "");
        }

        RecordContainmentActionRequest request() {
            return new RecordContainmentActionRequest()
                    .action(choice("action", action, ContainmentAction::fromValue))
                    .description(text(description));
        }
    }

    /** {@code notifiedAt} is typed in Paris time (a {@code datetime-local} field) and sent as an instant. */
    public record Notification(
            String requestKey, String authority, String kind, String notifiedAt, String reference, String lateReason) {

        static Notification blank() {
            return new Notification(newKey(), "", "", "", "", "");
        }

        RecordAuthorityNotificationRequest request() {
            Instant at = instant("notifiedAt", notifiedAt);
            return new RecordAuthorityNotificationRequest()
                    .authority(choice("authority", authority, Authority::fromValue))
                    .kind(choice("kind", kind, NotificationKind::fromValue))
                    .notifiedAt(at == null ? null : at.atOffset(ZoneOffset.UTC))
                    .reference(text(reference))
                    .lateReason(text(lateReason));
        }
    }

    /**
     * A status change. Closing with obligations still unmet needs a reason for each ({@code waiverCodes} and
     * {@code waiverReasons}, in the same order, one pair per unmet obligation shown): the reasons typed become the
     * request's waivers; blank ones are left out, and the API names the obligations still lacking one.
     */
    public record Status(
            String requestKey, String status, String reason, List<String> waiverCodes, List<String> waiverReasons) {

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

        ChangeStatusRequest request() {
            IncidentStatus to = choice("status", status, IncidentStatus::fromValue);
            List<ObligationWaiverRequest> waivers = new ArrayList<>();
            if (to == IncidentStatus.CLOSED) {
                for (int i = 0; i < Math.min(waiverCodes.size(), waiverReasons.size()); i++) {
                    if (waiverReasons.get(i) != null && !waiverReasons.get(i).isBlank()) {
                        waivers.add(new ObligationWaiverRequest()
                                .code(choice("waivers", waiverCodes.get(i), ObligationCode::fromValue))
                                .reason(waiverReasons.get(i).strip()));
                    }
                }
            }
            return new ChangeStatusRequest()
                    .status(to)
                    .reason(text(reason))
                    .waivers(waivers.isEmpty() ? null : waivers);
        }
    }

    /** A count as typed (spaces between thousands allowed), null when left empty. */
    static Long count(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(
                    value.strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw refused(field, "doit être un nombre entier, par exemple 12000");
        }
    }

    /** A date and time typed in Paris time, as an instant; null when left empty. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Labels.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw refused(field, "doit être une date et une heure, par exemple 2025-11-21T18:30");
        }
    }

    /** A choice among the API's values, null when none was made. */
    static <T> T choice(String field, String value, Function<String, T> of) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return of.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw refused(field, "n'est pas une valeur possible : " + value.strip());
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ApiProblem refused(String field, String reason) {
        return new ApiProblem(400, "La saisie n'est pas valide.", List.of(new ApiProblem.FieldError(field, reason)));
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : new ArrayList<>(Arrays.asList(text.split("\\R")));
    }
}
