-- When each open incident next has an obligation to remind (incident-service): the earliest instant one of its
-- obligations still to meet becomes DUE_SOON or OVERDUE without having been reminded at that stage. One row per
-- incident with such an obligation; none once all are met, reminded or the incident is closed. Derived from the
-- events (the reminder schedule projection writes it), so it can be emptied and replayed at any time.
CREATE TABLE obligation_reminder_schedule (
    incident_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    next_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX obligation_reminder_schedule_next ON obligation_reminder_schedule (next_at);
