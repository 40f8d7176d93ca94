-- The national picture keeps each incident's obligation facts as the incident's one fold (the same the incident's
-- own view reads), with the terms stamped in it. The read model is written again from the events (derived data: the
-- events are unchanged).
DELETE FROM national_impact_open_clock;
DELETE FROM national_impact_region;
DELETE FROM national_impact_incident;
DELETE FROM national_impact_position;
DELETE FROM tokenentry WHERE processorname = 'national-impact';
-- each open clock keeps when it becomes due soon, by the terms of its incident (not today's configuration)
ALTER TABLE national_impact_open_clock ADD COLUMN due_soon_at TIMESTAMP WITH TIME ZONE NOT NULL;
ALTER TABLE national_impact_open_clock ADD COLUMN due_soon_at_iso VARCHAR(40) NOT NULL;
-- snapshots of incident views of earlier forms are no longer read
DELETE FROM incident_view_snapshot WHERE format < 4;
