package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.ReminderStage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reminders an incident recorded, by obligation, and those its clocks call for now: one per obligation DUE_SOON
 * or OVERDUE, each stage once, and none of DUE_SOON for an obligation already reminded as OVERDUE.
 */
final class ObligationReminders {

    private final Map<ObligationCode, EnumSet<ReminderStage>> recorded = new HashMap<>();

    void record(ObligationReminderRecordedEvent event) {
        recorded.computeIfAbsent(event.code(), c -> EnumSet.noneOf(ReminderStage.class))
                .add(event.stage());
    }

    /** The reminders {@code clocks} call for that are not recorded yet, in the clocks' order. */
    List<ObligationReminderRecordedEvent> due(
            String incidentId, fr.ars.coord.contracts.region.Region region, List<RegulatoryClock> clocks) {
        List<ObligationReminderRecordedEvent> due = new ArrayList<>();
        for (RegulatoryClock clock : clocks) {
            ReminderStage stage = switch (clock.status()) {
                case DUE_SOON -> ReminderStage.DUE_SOON;
                case OVERDUE -> ReminderStage.OVERDUE;
                default -> null;
            };
            EnumSet<ReminderStage> done = recorded.getOrDefault(clock.code(), EnumSet.noneOf(ReminderStage.class));
            if (stage != null && !done.contains(stage) && !done.contains(ReminderStage.OVERDUE)) {
                due.add(new ObligationReminderRecordedEvent(
                        incidentId, region, clock.code(), stage, clock.startedAt(), clock.dueAt()));
            }
        }
        return due;
    }
}
