-- Snapshots of an incident's view (incident-service), taken every so many events, so that a view or an asOf
-- view folds only the events after the nearest snapshot. Derived data: deleting rows only makes reads fold more.
CREATE TABLE incident_view_snapshot (
    incident_id        VARCHAR(255) NOT NULL,
    -- the sequence number of the last event included
    sequence_number    BIGINT       NOT NULL,
    -- the latest timestamp among the events included: exact (ISO-8601), and in microseconds for the index
    recorded_until_iso VARCHAR(40)  NOT NULL,
    recorded_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the form of the stored view: snapshots of another form are ignored (and taken again)
    format             INTEGER      NOT NULL,
    view               TEXT         NOT NULL,
    PRIMARY KEY (incident_id, sequence_number, format)
);
