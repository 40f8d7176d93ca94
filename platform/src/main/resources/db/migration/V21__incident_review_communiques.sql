-- The communiqués that cite an incident's recorded events, with when each was drafted, first approved and first
-- published: what an incident's after-action review reads (incident-service's projection of notification-service's
-- events; no service reads another's streams). Derived data, written by its projection from the first event (a new
-- processor starts there): communiqués published before this release are included.
CREATE TABLE review_communique (
    communique_id VARCHAR(64) PRIMARY KEY,
    region        VARCHAR(10),
    supersedes    VARCHAR(64),
    drafted_at    TIMESTAMP WITH TIME ZONE,
    approved_at   TIMESTAMP WITH TIME ZONE,
    published_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE review_communique_incident (
    incident_id   VARCHAR(64) NOT NULL,
    communique_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, communique_id)
);
