-- The national list of open obligations shows when each started (its DUE_SOON part is the last quarter of its
-- delay): the open clocks keep their start. The read model is written again from the events (derived data).
ALTER TABLE national_impact_open_clock ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE national_impact_open_clock ADD COLUMN started_at_iso VARCHAR(40);

DELETE FROM national_impact_open_clock;
DELETE FROM national_impact_region;
DELETE FROM national_impact_incident;
DELETE FROM national_impact_position;
DELETE FROM tokenentry WHERE processorname = 'national-impact';
