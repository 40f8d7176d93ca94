-- Crisis exercises, a row each, written by incident-service in the transaction that records an exercise's start or
-- end; an incident recorded in an exercise locks its row (FOR SHARE) in its own transaction, so an exercise's end
-- and an incident's fact cannot cross. Filled from the events already stored (none before this release).
CREATE TABLE exercise (
    exercise_id VARCHAR(255) PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    scenario    TEXT,
    regions     VARCHAR(400)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
