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

-- The script replayed in an exercise (its whole document, as recorded in the event that started the replay) and its
-- steps, a row each, due at the replay's start plus the step's time divided by the speed; a step is injected once:
-- the instance that injects it locks its row (FOR UPDATE SKIP LOCKED) and marks it in the transaction that records
-- the fact.
CREATE TABLE exercise_replay (
    exercise_id VARCHAR(255) PRIMARY KEY REFERENCES exercise (exercise_id),
    script_name VARCHAR(200)             NOT NULL,
    speed       INTEGER                  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    script      TEXT                     NOT NULL
);

CREATE TABLE exercise_step (
    exercise_id VARCHAR(255)             NOT NULL REFERENCES exercise_replay (exercise_id),
    step_index  INTEGER                  NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    injected_at TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(1000),
    PRIMARY KEY (exercise_id, step_index)
);

CREATE INDEX exercise_step_due ON exercise_step (due_at) WHERE injected_at IS NULL;
