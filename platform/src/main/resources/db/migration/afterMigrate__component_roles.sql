-- One database role per component, each given exactly what it uses (run after every migration, so a role created
-- after the schema still gets its rights at the next start; GRANT is idempotent). A role that does not exist is
-- skipped: a platform run with one account for everything (tests, a single-user installation) is unaffected.
-- The roles are created by whoever runs the database (infra/run.sh's store launcher, CloudNativePG's managed roles);
-- the schema's owner, which runs these migrations, keeps every other right.
DO $$
DECLARE
    event_store_readers CONSTANT text[] := ARRAY['ars_incident', 'ars_region', 'ars_notification'];
    service             text;
BEGIN
    -- instances starting together run this at once: one at a time (concurrent GRANTs on a table can fail)
    PERFORM pg_advisory_xact_lock(hashtext('ars component roles'));

    -- every service: reads the whole event store (it tracks the others' events), appends its own aggregates' events
    -- and snapshots, keeps its processors' tokens and its instances' heartbeats
    FOREACH service IN ARRAY event_store_readers LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service) THEN
            EXECUTE format('GRANT SELECT, INSERT ON domainevententry TO %I', service);
            EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE domainevententry_globalindex_seq TO %I', service);
            EXECUTE format('GRANT SELECT, INSERT, DELETE ON snapshotevententry TO %I', service);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tokenentry TO %I', service);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON service_instance TO %I', service);
        END IF;
    END LOOP;

    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ars_incident') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON incident_view_snapshot, obligation_reminder_schedule,
            published_communique, review_communique, review_communique_incident, review_incident, review_obligation,
            exercise, exercise_replay, exercise_step, review_campaign, review_campaign_incident
            TO ars_incident;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ars_region') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_incident, national_impact_incident, national_impact_region,
            national_impact_open_clock, national_impact_position TO ars_region;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ars_notification') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscription, delivery_lease, public_subscription
            TO ars_notification;
    END IF;

    -- the console: its sessions, nothing of the record
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ars_console') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON console_session, console_session_attributes TO ars_console;
    END IF;

    -- the internet-facing gateway: its callers' rate-limit buckets, nothing else
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ars_gateway') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_bucket TO ars_gateway;
    END IF;
END
$$;
