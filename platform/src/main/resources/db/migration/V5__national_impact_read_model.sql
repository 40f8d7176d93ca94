-- The national picture (region-service) moves from MongoDB documents to rows written in the same transaction
-- as the projection's token, so that every event counts exactly once, and so that each region's figures can be
-- kept as a summary changed by difference instead of recomputed over every incident on each request.

-- What one incident contributes: its merged facts as JSON, and whether it has been reported yet.
CREATE TABLE national_impact_incident (
    incident_id VARCHAR(255) PRIMARY KEY,
    region      VARCHAR(16)  NOT NULL,
    reported    BOOLEAN      NOT NULL,
    impact      TEXT         NOT NULL
);
CREATE INDEX national_impact_incident_region ON national_impact_incident (region);

-- Each region's counters over its reported incidents, as JSON.
CREATE TABLE national_impact_region (
    region  VARCHAR(16) PRIMARY KEY,
    summary TEXT        NOT NULL
);

-- The legal clocks of open incidents with no notification recorded yet: overdue once due_at has passed.
CREATE TABLE national_impact_open_clock (
    incident_id VARCHAR(255) NOT NULL,
    authority   VARCHAR(32)  NOT NULL,
    region      VARCHAR(16)  NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the exact instant (ISO-8601): PostgreSQL keeps microseconds, events may carry nanoseconds
    due_at_iso  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (incident_id, authority)
);
CREATE INDEX national_impact_open_clock_due ON national_impact_open_clock (due_at);

-- The global index of the last event merged.
CREATE TABLE national_impact_position (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    position BIGINT   NOT NULL
);

-- The projection starts again from the first event into the new tables (the MongoDB documents of earlier
-- releases are no longer read).
DELETE FROM tokenentry WHERE processorname = 'national-impact';
