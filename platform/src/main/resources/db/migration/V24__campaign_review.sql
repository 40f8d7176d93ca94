-- The national campaigns and their incidents, with when each was opened and linked: what a campaign's after-action
-- review reads (incident-service's projection of region-service's events). Derived data, written by its projection
-- from the first event: campaigns opened before this release are included.
CREATE TABLE review_campaign (
    campaign_id VARCHAR(64) PRIMARY KEY,
    title       VARCHAR(200),
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE review_campaign_incident (
    campaign_id VARCHAR(64)              NOT NULL,
    incident_id VARCHAR(64)              NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, incident_id)
);
