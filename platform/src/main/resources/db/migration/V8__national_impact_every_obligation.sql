-- The national picture counts every legal obligation of an incident (CERT Santé declaration and closure, CNIL,
-- the patients' information, the three NIS2 stages), several per authority: an open clock is one obligation.
ALTER TABLE national_impact_open_clock ADD COLUMN code VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE national_impact_open_clock DROP CONSTRAINT national_impact_open_clock_pkey;
DROP INDEX national_impact_open_clock_region_due;

-- The read model is written again from the events with the new facts (derived data: the events are unchanged).
DELETE FROM national_impact_open_clock;
DELETE FROM national_impact_region;
DELETE FROM national_impact_incident;
DELETE FROM national_impact_position;
DELETE FROM tokenentry WHERE processorname = 'national-impact';

ALTER TABLE national_impact_open_clock ADD PRIMARY KEY (incident_id, code);
CREATE INDEX national_impact_open_clock_region_due ON national_impact_open_clock
    (region, due_at, due_at_nanos, incident_id COLLATE "C", code COLLATE "C");
