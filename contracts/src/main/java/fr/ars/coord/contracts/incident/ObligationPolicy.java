package fr.ars.coord.contracts.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every legal obligation of an incident with its clock, read at an instant from the facts recorded. Pure: the same
 * facts and instant give the same clocks, which is what makes {@code asOf} exact.
 * <ul>
 * <li>{@code CERT_SANTE_DECLARATION}: from awareness; met by a notification to CERT Santé other than a closure.
 * <li>{@code CNIL_NOTIFICATION}: from the breach's awareness ({@code breachAwareAt} of the CNIL decision, else the
 *     incident's), applicable once an assessment says personal data was exposed or the decision is NOTIFY, not
 *     applicable once it is NOT_REQUIRED; met by a notification to the CNIL other than a supplementary one.
 * <li>{@code CERT_SANTE_CLOSURE}: from the first move to RESOLVED; met by a CERT Santé notification of kind CLOSURE.
 * <li>{@code PATIENT_INFORMATION}: from the first assessment finding a high risk; met when the patients were told,
 *     not applicable when the agency decided they need not be (art. 34(3)), nor while no assessment found a high
 *     risk: patients told of a breach that is no high risk for them were informed, but not under art. 34.
 * <li>{@code NIS2_SIGNIFICANCE}: from awareness, when NIS2 applies to the entity; met by the significance decision.
 * <li>{@code NIS2_EARLY_WARNING}, {@code NIS2_NOTIFICATION}: from awareness, once the incident is assessed
 *     significant; met by an ANSSI notification of that kind (an incident notification meets the early warning too).
 *     {@code NIS2_FINAL_REPORT}: one month from that notification; met by a final report, or by a progress report
 *     made while the incident is still ongoing, which opens {@code NIS2_FINAL_REPORT_AFTER_HANDLING}: one month from
 *     the resolution, met by a final report made after the progress report. {@code NIS2_INTERMEDIATE_REPORT}: from
 *     ANSSI's latest request, due when it said; met by an intermediate report made after the request.
 * </ul>
 * A clock not yet started or that does not apply is {@code NOT_APPLICABLE}. One started and unmet is
 * {@code DUE_SOON} in the last {@code dueSoonFraction} of its delay, {@code OVERDUE} after its due time, and
 * {@code WAIVED} once the incident was closed without meeting it (the reason recorded then is the clock's
 * {@code waiverReason}). A met clock names the event that met it ({@code metBy}).
 */
public record ObligationPolicy(Delays delays, double dueSoonFraction) {

    /** The delays, configurable; the defaults are the law's (or, for "without delay", 24 hours). */
    public record Delays(
            Duration certSanteDeclaration,
            Duration cnilNotification,
            Duration certSanteClosure,
            Duration patientInformation,
            Duration nis2EarlyWarning,
            Duration nis2Notification,
            Period nis2FinalReport) {

        public static final Delays DEFAULT = new Delays(
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(24),
                Duration.ofHours(72),
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

    /** What met an obligation: when, the reason it came late, and the event. */
    private record Meeting(Instant at, String lateReason, String eventId) {}

    /**
     * The clock of {@code code} at {@code at}. A notification that fulfils the obligation meets it even where the
     * facts did not make it apply yet (the CNIL told before any assessment): the agency judged it did.
     */
    public RegulatoryClock clock(ObligationCode code, ObligationFacts facts, Instant at) {
        Optional<Instant> started = startedAt(code, facts);
        Instant due = started.map(start -> dueAt(code, start, facts)).orElse(null);
        Optional<Meeting> met = meeting(code, facts);
        if (met.isPresent()) {
            Instant metAt = met.get().at();
            boolean late = due != null && metAt.isAfter(due);
            return new RegulatoryClock(
                    code.authority(),
                    code.obligation(),
                    due,
                    RegulatoryClock.ClockStatus.MET,
                    metAt,
                    late,
                    code,
                    started.orElse(null),
                    true,
                    late || code != ObligationCode.PATIENT_INFORMATION
                            ? met.get().lateReason()
                            : null,
                    null,
                    met.get().eventId());
        }
        if (started.isEmpty() || !applies(code, facts)) {
            return new RegulatoryClock(
                    code, null, null, RegulatoryClock.ClockStatus.NOT_APPLICABLE, null, false, false, null);
        }
        Instant start = started.get();
        Optional<ObligationWaiver> waived =
                facts.waivers().stream().filter(w -> w.code() == code).findFirst();
        if (waived.isPresent()) {
            return new RegulatoryClock(
                    code.authority(),
                    code.obligation(),
                    due,
                    RegulatoryClock.ClockStatus.WAIVED,
                    null,
                    false,
                    code,
                    start,
                    true,
                    null,
                    waived.get().reason(),
                    null);
        }
        return new RegulatoryClock(code, start, due, unmetStatus(start, due, at), null, false, true, null);
    }

    /** The obligations still to meet at {@code at} ({@code PENDING}, {@code DUE_SOON} or {@code OVERDUE}), in order. */
    public List<ObligationCode> unmet(ObligationFacts facts, Instant at) {
        return evaluate(facts, at).stream()
                .filter(RegulatoryClock::stillToMeet)
                .map(RegulatoryClock::code)
                .toList();
    }

    /** When an obligation started at {@code start} and due at {@code due} becomes {@code DUE_SOON}. */
    public Instant dueSoonFrom(Instant start, Instant due) {
        return due.minus(Duration.between(start, due)
                .multipliedBy(Math.round(dueSoonFraction * 1000))
                .dividedBy(1000));
    }

    /** The status at {@code at} of an obligation started at {@code start}, due at {@code due} and not met. */
    public RegulatoryClock.ClockStatus unmetStatus(Instant start, Instant due, Instant at) {
        Instant dueSoonFrom = dueSoonFrom(start, due);
        return at.isAfter(due)
                ? RegulatoryClock.ClockStatus.OVERDUE
                : !at.isBefore(dueSoonFrom)
                        ? RegulatoryClock.ClockStatus.DUE_SOON
                        : RegulatoryClock.ClockStatus.PENDING;
    }

    /**
     * When the obligation a notification of {@code authority} and {@code kind} made at {@code notifiedAt} would
     * fulfil is due, if its clock has started and nothing has met it yet: a notification made later needs a reason
     * (GDPR art. 33(1) asks it of a late notice to the CNIL, even one made before any assessment found personal data
     * exposed).
     */
    public Optional<Instant> dueOfUnmet(
            Authority authority, NotificationKind kind, Instant notifiedAt, ObligationFacts facts) {
        ObligationFacts.Notification candidate = new ObligationFacts.Notification(authority, kind, notifiedAt, null);
        for (ObligationCode code : ObligationCode.values()) {
            if (meets(code, candidate, facts) && meeting(code, facts).isEmpty()) {
                Optional<Instant> due = startedAt(code, facts).map(start -> dueAt(code, start, facts));
                if (due.isPresent()) {
                    return due;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> startedAt(ObligationCode code, ObligationFacts facts) {
        return Optional.ofNullable(
                switch (code) {
                    case CERT_SANTE_DECLARATION, NIS2_SIGNIFICANCE, NIS2_EARLY_WARNING, NIS2_NOTIFICATION ->
                        facts.awareAt();
                    case CNIL_NOTIFICATION -> facts.breachAwareAt();
                    case CERT_SANTE_CLOSURE -> facts.resolvedAt();
                    case PATIENT_INFORMATION -> facts.highRiskAt();
                    case NIS2_FINAL_REPORT ->
                        meeting(ObligationCode.NIS2_NOTIFICATION, facts)
                                .map(Meeting::at)
                                .orElse(null);
                    case NIS2_FINAL_REPORT_AFTER_HANDLING ->
                        progressReport(facts).isPresent() ? facts.resolvedAt() : null;
                    case NIS2_INTERMEDIATE_REPORT ->
                        facts.intermediateRequest() == null
                                ? null
                                : facts.intermediateRequest().requestedAt();
                });
    }

    private static boolean applies(ObligationCode code, ObligationFacts facts) {
        return switch (code) {
            case CNIL_NOTIFICATION ->
                facts.cnilDecision() != null
                        ? facts.cnilDecision().decision() == CnilDecision.NOTIFY
                        : facts.personalDataExposedAt() != null;
            case PATIENT_INFORMATION ->
                facts.patientInformation() == null
                        || facts.patientInformation().decision() != PatientInformationDecision.NOT_REQUIRED;
            case NIS2_SIGNIFICANCE -> facts.nis2InForce();
            case NIS2_EARLY_WARNING,
                    NIS2_NOTIFICATION,
                    NIS2_FINAL_REPORT,
                    NIS2_FINAL_REPORT_AFTER_HANDLING,
                    NIS2_INTERMEDIATE_REPORT -> facts.nis2Reportable();
            default -> true;
        };
    }

    private Instant dueAt(ObligationCode code, Instant start, ObligationFacts facts) {
        return switch (code) {
            case CERT_SANTE_DECLARATION -> start.plus(delays.certSanteDeclaration());
            case CNIL_NOTIFICATION -> start.plus(delays.cnilNotification());
            case CERT_SANTE_CLOSURE -> start.plus(delays.certSanteClosure());
            case PATIENT_INFORMATION -> start.plus(delays.patientInformation());
            case NIS2_SIGNIFICANCE, NIS2_EARLY_WARNING -> start.plus(delays.nis2EarlyWarning());
            case NIS2_NOTIFICATION -> start.plus(delays.nis2Notification());
            case NIS2_FINAL_REPORT, NIS2_FINAL_REPORT_AFTER_HANDLING ->
                start.atOffset(ZoneOffset.UTC).plus(delays.nis2FinalReport()).toInstant();
            case NIS2_INTERMEDIATE_REPORT -> facts.intermediateRequest().dueAt();
        };
    }

    /** Whether {@code notification} is one that meets {@code code} for an incident of {@code facts}. */
    public static boolean meets(ObligationCode code, ObligationFacts.Notification notification, ObligationFacts facts) {
        return switch (code) {
            case CERT_SANTE_DECLARATION ->
                notification.authority() == Authority.CERT_SANTE && notification.kind() != NotificationKind.CLOSURE;
            case CNIL_NOTIFICATION ->
                notification.authority() == Authority.CNIL && notification.kind() != NotificationKind.SUPPLEMENTARY;
            case CERT_SANTE_CLOSURE ->
                notification.authority() == Authority.CERT_SANTE && notification.kind() == NotificationKind.CLOSURE;
            case PATIENT_INFORMATION, NIS2_SIGNIFICANCE -> false;
            case NIS2_EARLY_WARNING ->
                notification.authority() == Authority.ANSSI
                        && (notification.kind() == NotificationKind.EARLY_WARNING
                                || notification.kind() == NotificationKind.NOTIFICATION);
            case NIS2_NOTIFICATION ->
                notification.authority() == Authority.ANSSI && notification.kind() == NotificationKind.NOTIFICATION;
            case NIS2_FINAL_REPORT ->
                notification.authority() == Authority.ANSSI
                        && (notification.kind() == NotificationKind.FINAL_REPORT
                                || notification.kind() == NotificationKind.PROGRESS_REPORT
                                        && ongoingAt(facts, notification.notifiedAt()));
            case NIS2_FINAL_REPORT_AFTER_HANDLING ->
                notification.authority() == Authority.ANSSI
                        && notification.kind() == NotificationKind.FINAL_REPORT
                        && progressReport(facts)
                                .filter(progress -> notification.notifiedAt() == null
                                        || !notification.notifiedAt().isBefore(progress.notifiedAt()))
                                .isPresent();
            case NIS2_INTERMEDIATE_REPORT ->
                notification.authority() == Authority.ANSSI
                        && notification.kind() == NotificationKind.INTERMEDIATE_REPORT
                        && facts.intermediateRequest() != null
                        && (notification.notifiedAt() == null
                                || !notification
                                        .notifiedAt()
                                        .isBefore(facts.intermediateRequest().requestedAt()));
        };
    }

    /** Whether the incident was still ongoing (not yet resolved) at {@code at}; an unknown instant counts as now. */
    private static boolean ongoingAt(ObligationFacts facts, Instant at) {
        return facts.resolvedAt() == null || at != null && at.isBefore(facts.resolvedAt());
    }

    /** The progress report that met the one-month NIS2 clock, if a progress report met it. */
    private static Optional<ObligationFacts.Notification> progressReport(ObligationFacts facts) {
        return earliestMeeting(ObligationCode.NIS2_FINAL_REPORT, facts)
                .filter(n -> n.kind() == NotificationKind.PROGRESS_REPORT);
    }

    private static Optional<ObligationFacts.Notification> earliestMeeting(ObligationCode code, ObligationFacts facts) {
        return facts.notifications().stream()
                .filter(n -> meets(code, n, facts))
                .min((a, b) -> a.notifiedAt().compareTo(b.notifiedAt()));
    }

    /** What met {@code code}: the earliest notification that meets it, or the decision that does. */
    private static Optional<Meeting> meeting(ObligationCode code, ObligationFacts facts) {
        return switch (code) {
            case PATIENT_INFORMATION ->
                Optional.ofNullable(facts.patientInformation())
                        .filter(p -> facts.highRiskAt() != null)
                        .filter(p -> p.decision() == PatientInformationDecision.REQUIRED && p.informedAt() != null)
                        .map(p -> new Meeting(p.informedAt(), p.reason(), p.eventId()));
            case NIS2_SIGNIFICANCE ->
                Optional.ofNullable(facts.significance()).map(s -> new Meeting(s.decidedAt(), null, s.eventId()));
            default -> earliestMeeting(code, facts).map(n -> new Meeting(n.notifiedAt(), n.lateReason(), n.eventId()));
        };
    }
}
