-- The communiqués incident-service knows published, from notification-service's events: what the patients'
-- information naming a communiqué is checked against, instead of reading another service's stream. Derived data,
-- written by its projection from the first event (a new processor starts there).
CREATE TABLE published_communique (
    communique_id VARCHAR(64) PRIMARY KEY,
    national      BOOLEAN,
    region        VARCHAR(10),
    published_at  TIMESTAMP WITH TIME ZONE
);
