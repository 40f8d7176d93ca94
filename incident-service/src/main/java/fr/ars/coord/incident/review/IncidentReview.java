package fr.ars.coord.incident.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/**
 * An incident's after-action review, computed from its recorded events at {@code reviewedAt}. Every delay is in
 * seconds between two recorded instants, and null where one of them was not recorded: the review states only what
 * is recorded.
 *
 * @param awarenessToRecordSeconds from the moment the region became aware of the incident to its first record
 * @param obligations   each legal obligation's clock, met or not, with how long it took and the margin left
 * @param notifications each notification to an authority as recorded, with its delay from awareness
 * @param communiques   the communiqués citing the incident's events: drafted, first approved, first published
 * @param corrections   what was recorded again to correct an earlier record, and why
 * @param reminders     the obligation reminders that fired
 * @param actions       who recorded what, when, oldest first
 * @param exerciseId    the exercise the incident was recorded in (an exercise's review), null for a real one
 */
public record IncidentReview(
        String incidentId,
        Region region,
        String title,
        IncidentStatus status,
        Instant reviewedAt,
        Instant awareAt,
        Instant reportedAt,
        Long awarenessToRecordSeconds,
        List<ObligationTiming> obligations,
        List<NotificationTiming> notifications,
        CommuniqueTiming communiques,
        List<Correction> corrections,
        List<ReminderFired> reminders,
        List<Action> actions,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {

    /**
     * One obligation's clock: {@code toMeetSeconds} from its start to when it was met, {@code marginSeconds} from
     * when it was met to its due time (negative: late by that much), {@code fromAwarenessSeconds} from awareness to
     * when it was met.
     */
    public record ObligationTiming(
            ObligationCode code,
            Authority authority,
            ClockStatus status,
            Instant startedAt,
            Instant dueAt,
            Instant metAt,
            boolean late,
            String lateReason,
            String waiverReason,
            Long toMeetSeconds,
            Long marginSeconds,
            Long fromAwarenessSeconds) {}

    /** A notification to an authority: when it was made (as recorded), recorded, by whom, and its delay. */
    public record NotificationTiming(
            Authority authority,
            NotificationKind kind,
            Instant notifiedAt,
            Instant recordedAt,
            Actor recordedBy,
            String lateReason,
            Long fromAwarenessSeconds) {}

    /**
     * The communiqués citing the incident: the first approved and the first published (and their delays from
     * awareness), how many were published and how many of them corrected a published one; {@code citing}: each of them.
     */
    public record CommuniqueTiming(
            Instant firstApprovedAt,
            Long awarenessToFirstApprovedSeconds,
            Instant firstPublishedAt,
            Long awarenessToFirstPublishedSeconds,
            int published,
            int corrections,
            List<CommuniqueMilestone> citing) {}

    /** One communiqué citing the incident; {@code supersedes}: the published one it corrects. */
    public record CommuniqueMilestone(
            String communiqueId, String supersedes, Instant draftedAt, Instant approvedAt, Instant publishedAt) {}

    /**
     * A correction: {@code ASSESSMENT} (the exposure assessed again: {@code reason} is the assessor's note),
     * {@code NOTIFICATION} (a supplementary notification to an authority), {@code COMMUNIQUE} (a published communiqué
     * corrected after the facts changed).
     */
    public record Correction(String kind, Instant at, Actor by, String reason) {}

    /** An obligation reminder recorded: for which obligation, at which stage, when. */
    public record ReminderFired(ObligationCode code, ReminderStage stage, Instant dueAt, Instant recordedAt) {}

    /** One recorded event: what ({@code type}), when, by whom. */
    public record Action(Instant at, Actor by, String type) {}
}
