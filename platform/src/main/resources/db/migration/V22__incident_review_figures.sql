-- What the review across regions reads for many incidents at once: per incident, its region, when the region became
-- aware of it and when it was first recorded, and each obligation's clock (started, due, met, late, waived). Derived
-- data, rewritten from the incident's view after each batch of its events by incident-service's projection from the
-- first event (a new processor starts there): incidents recorded before this release are included.
CREATE TABLE review_incident (
    incident_id VARCHAR(64) PRIMARY KEY,
    region      VARCHAR(10) NOT NULL,
    aware_at    TIMESTAMP WITH TIME ZONE,
    reported_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX review_incident_aware_at ON review_incident (aware_at);

CREATE TABLE review_obligation (
    incident_id VARCHAR(64) NOT NULL,
    code        VARCHAR(64) NOT NULL,
    authority   VARCHAR(32),
    started_at  TIMESTAMP WITH TIME ZONE,
    due_at      TIMESTAMP WITH TIME ZONE,
    met_at      TIMESTAMP WITH TIME ZONE,
    late        BOOLEAN NOT NULL,
    waived      BOOLEAN NOT NULL,
    PRIMARY KEY (incident_id, code)
);
