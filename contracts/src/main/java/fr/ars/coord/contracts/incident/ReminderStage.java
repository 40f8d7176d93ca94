package fr.ars.coord.contracts.incident;

/**
 * Which reminder of an obligation: when it becomes {@code DUE_SOON} (the region's staff are told), and when it becomes
 * {@code OVERDUE} (they are told again and the national cell too).
 */
public enum ReminderStage {
    DUE_SOON("obligation.due-soon"),
    OVERDUE("obligation.overdue");

    private final String eventType;

    ReminderStage(String eventType) {
        this.eventType = eventType;
    }

    /** The event type webhook subscribers receive it as. */
    public String eventType() {
        return eventType;
    }

    /** Overdue obligations are escalated to the national coordination cell. */
    public boolean escalated() {
        return this == OVERDUE;
    }
}
