package fr.ars.coord.contracts.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every legal obligation of an incident with its clock, read at an instant from the facts recorded. Pure: the same
 * facts and instant give the same clocks, which is what makes {@code asOf} exact.
 * <ul>
 * <li>{@code CERT_SANTE_DECLARATION}: from awareness; met by a notification to CERT Santé other than a closure.
 * <li>{@code CNIL_NOTIFICATION}: from awareness, applicable once an assessment says personal data was exposed;
 *     met by any notification to the CNIL.
 * <li>{@code CERT_SANTE_CLOSURE}: from the first move to RESOLVED; met by a CERT Santé notification of kind CLOSURE.
 * <li>{@code PATIENT_INFORMATION}: from the first assessment finding a high risk; met when the patients were told,
 *     not applicable when the agency decided they need not be (art. 34(3)).
 * <li>{@code NIS2_EARLY_WARNING}, {@code NIS2_NOTIFICATION}: from awareness, when the region's entity is under NIS2;
 *     met by an ANSSI notification of that kind. {@code NIS2_FINAL_REPORT}: from that notification, one month.
 * </ul>
 * A clock not yet started (no resolution, no high risk, no NIS2 notification) or that does not apply is
 * {@code NOT_APPLICABLE}. One started and unmet is {@code DUE_SOON} in the last {@code dueSoonFraction} of its
 * delay, {@code OVERDUE} after its due time, and {@code WAIVED} once the incident was closed without meeting it
 * (the reason recorded then is the clock's {@code waiverReason}).
 */
public record ObligationPolicy(Delays delays, double dueSoonFraction) {

    /** The delays, configurable; the defaults are the law's (or, for "without delay", 24 hours). */
    public record Delays(Duration certSanteDeclaration, Duration cnilNotification, Duration certSanteClosure,
                         Duration patientInformation, Duration nis2EarlyWarning, Duration nis2Notification,
                         Period nis2FinalReport) {

        public static final Delays DEFAULT = new Delays(Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(72),
                Period.ofMonths(1));
    }

    public static final ObligationPolicy DEFAULT = new ObligationPolicy(Delays.DEFAULT, 0.25);

    public ObligationPolicy {
        if (dueSoonFraction < 0 || dueSoonFraction > 1) {
            throw new IllegalArgumentException("dueSoonFraction must be between 0 and 1");
        }
    }

    /** Every obligation's clock at {@code at}, in the order of {@link ObligationCode}. */
    public List<RegulatoryClock> evaluate(ObligationFacts facts, Instant at) {
        List<RegulatoryClock> clocks = new ArrayList<>();
        for (ObligationCode code : ObligationCode.values()) {
            clocks.add(clock(code, facts, at));
        }
        return List.copyOf(clocks);
    }

    /**
     * The clock of {@code code} at {@code at}. A notification that fulfils the obligation meets it even where the
     * facts did not make it apply yet (the CNIL told before any assessment): the agency judged it did.
     */
    public RegulatoryClock clock(ObligationCode code, ObligationFacts facts, Instant at) {
        Optional<Instant> started = startedAt(code, facts);
        Instant due = started.map(start -> dueAt(code, start)).orElse(null);
        Optional<ObligationFacts.Notification> met = meeting(code, facts);
        if (met.isPresent()) {
            Instant metAt = met.get().notifiedAt();
            return new RegulatoryClock(code, started.orElse(null), due, RegulatoryClock.ClockStatus.MET, metAt,
                    due != null && metAt.isAfter(due), true, met.get().lateReason());
        }
        if (started.isEmpty() || !applies(code, facts)) {
            return new RegulatoryClock(code, null, null, RegulatoryClock.ClockStatus.NOT_APPLICABLE, null, false, false,
                    null);
        }
        Instant start = started.get();
        if (code == ObligationCode.PATIENT_INFORMATION && facts.patientInformation() != null) {
            ObligationFacts.PatientInformation decided = facts.patientInformation();
            if (decided.decision() == PatientInformationDecision.NOT_REQUIRED) {
                return new RegulatoryClock(code, start, due, RegulatoryClock.ClockStatus.NOT_APPLICABLE, null, false,
                        false, null);
            }
            if (decided.informedAt() != null) {
                boolean late = decided.informedAt().isAfter(due);
                return new RegulatoryClock(code, start, due, RegulatoryClock.ClockStatus.MET, decided.informedAt(),
                        late, true, late ? decided.reason() : null);
            }
        }
        Optional<ObligationWaiver> waived = facts.waivers().stream().filter(w -> w.code() == code).findFirst();
        if (waived.isPresent()) {
            return new RegulatoryClock(code.authority(), code.obligation(), due, RegulatoryClock.ClockStatus.WAIVED,
                    null, false, code, start, true, null, waived.get().reason());
        }
        return new RegulatoryClock(code, start, due, unmetStatus(start, due, at), null, false, true, null);
    }

    /** The obligations still to meet at {@code at} ({@code PENDING}, {@code DUE_SOON} or {@code OVERDUE}), in order. */
    public List<ObligationCode> unmet(ObligationFacts facts, Instant at) {
        return evaluate(facts, at).stream().filter(RegulatoryClock::stillToMeet).map(RegulatoryClock::code).toList();
    }

    /** When an obligation started at {@code start} and due at {@code due} becomes {@code DUE_SOON}. */
    public Instant dueSoonFrom(Instant start, Instant due) {
        return due.minus(Duration.between(start, due).multipliedBy(Math.round(dueSoonFraction * 1000))
                .dividedBy(1000));
    }

    /** The status at {@code at} of an obligation started at {@code start}, due at {@code due} and not met. */
    public RegulatoryClock.ClockStatus unmetStatus(Instant start, Instant due, Instant at) {
        Instant dueSoonFrom = dueSoonFrom(start, due);
        return at.isAfter(due) ? RegulatoryClock.ClockStatus.OVERDUE
                : !at.isBefore(dueSoonFrom) ? RegulatoryClock.ClockStatus.DUE_SOON
                : RegulatoryClock.ClockStatus.PENDING;
    }

    /**
     * When the obligation a notification of {@code authority} and {@code kind} would fulfil is due, if its clock has
     * started and nothing has met it yet: a notification made later needs a reason (GDPR art. 33(1) asks it of a
     * late notice to the CNIL, even one made before any assessment found personal data exposed).
     */
    public Optional<Instant> dueOfUnmet(Authority authority, NotificationKind kind, ObligationFacts facts) {
        for (ObligationCode code : ObligationCode.values()) {
            if (meets(code).test(new ObligationFacts.Notification(authority, kind, null, null))
                    && meeting(code, facts).isEmpty()) {
                return startedAt(code, facts).map(start -> dueAt(code, start));
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> startedAt(ObligationCode code, ObligationFacts facts) {
        return Optional.ofNullable(switch (code) {
            case CERT_SANTE_DECLARATION, CNIL_NOTIFICATION, NIS2_EARLY_WARNING, NIS2_NOTIFICATION -> facts.awareAt();
            case CERT_SANTE_CLOSURE -> facts.resolvedAt();
            case PATIENT_INFORMATION -> facts.highRiskAt();
            case NIS2_FINAL_REPORT -> meeting(ObligationCode.NIS2_NOTIFICATION, facts)
                    .map(ObligationFacts.Notification::notifiedAt).orElse(null);
        });
    }

    private static boolean applies(ObligationCode code, ObligationFacts facts) {
        return switch (code) {
            case CNIL_NOTIFICATION -> facts.personalDataExposedAt() != null;
            case NIS2_EARLY_WARNING, NIS2_NOTIFICATION, NIS2_FINAL_REPORT -> facts.nis2Applies();
            default -> true;
        };
    }

    private Instant dueAt(ObligationCode code, Instant start) {
        return switch (code) {
            case CERT_SANTE_DECLARATION -> start.plus(delays.certSanteDeclaration());
            case CNIL_NOTIFICATION -> start.plus(delays.cnilNotification());
            case CERT_SANTE_CLOSURE -> start.plus(delays.certSanteClosure());
            case PATIENT_INFORMATION -> start.plus(delays.patientInformation());
            case NIS2_EARLY_WARNING -> start.plus(delays.nis2EarlyWarning());
            case NIS2_NOTIFICATION -> start.plus(delays.nis2Notification());
            case NIS2_FINAL_REPORT -> start.atOffset(ZoneOffset.UTC).plus(delays.nis2FinalReport()).toInstant();
        };
    }

    /** Whether {@code notification} is one that meets {@code code} (the rule the clocks apply). */
    public static boolean meets(ObligationCode code, ObligationFacts.Notification notification) {
        return meets(code).test(notification);
    }

    /** The earliest notification that meets {@code code}. */
    private static Optional<ObligationFacts.Notification> meeting(ObligationCode code, ObligationFacts facts) {
        return facts.notifications().stream().filter(meets(code))
                .min((a, b) -> a.notifiedAt().compareTo(b.notifiedAt()));
    }

    private static Predicate<ObligationFacts.Notification> meets(ObligationCode code) {
        return n -> switch (code) {
            case CERT_SANTE_DECLARATION -> n.authority() == Authority.CERT_SANTE
                    && n.kind() != NotificationKind.CLOSURE;
            case CNIL_NOTIFICATION -> n.authority() == Authority.CNIL;
            case CERT_SANTE_CLOSURE -> n.authority() == Authority.CERT_SANTE && n.kind() == NotificationKind.CLOSURE;
            case PATIENT_INFORMATION -> false;
            case NIS2_EARLY_WARNING -> n.authority() == Authority.ANSSI && n.kind() == NotificationKind.EARLY_WARNING;
            case NIS2_NOTIFICATION -> n.authority() == Authority.ANSSI && n.kind() == NotificationKind.NOTIFICATION;
            case NIS2_FINAL_REPORT -> n.authority() == Authority.ANSSI && n.kind() == NotificationKind.FINAL_REPORT;
        };
    }
}
