-- The national picture lists a bounded number of incidents and overdue clocks per region, read in order straight
-- from these indexes, and counts the rest; a region's whole lists are paged.

-- Due times become exact in SQL: due_at holds the instant truncated to the microsecond (it was rounded) and
-- due_at_nanos the nanoseconds beyond, so that "overdue at an instant" and the clocks' order need no check in code.
ALTER TABLE national_impact_open_clock ADD COLUMN due_at_nanos SMALLINT NOT NULL DEFAULT 0;

DROP INDEX national_impact_incident_region;
CREATE INDEX national_impact_incident_region ON national_impact_incident (region, incident_id COLLATE "C")
    WHERE reported;
CREATE INDEX national_impact_open_clock_region_due ON national_impact_open_clock
    (region, due_at, due_at_nanos, incident_id COLLATE "C", authority COLLATE "C");

-- The read model is written again from the events, with the new due times (derived data: the events are unchanged).
DELETE FROM national_impact_open_clock;
DELETE FROM national_impact_region;
DELETE FROM national_impact_incident;
DELETE FROM national_impact_position;
DELETE FROM tokenentry WHERE processorname = 'national-impact';
