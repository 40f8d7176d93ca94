-- What a campaign suggestion tells of each incident (its attack vector and when its region became aware of it),
-- beside its impact document: read for thousands of incidents at once without reading or parsing their impacts.
-- Filled from the documents already stored (an instant written as ISO-8601, or as seconds by earlier releases).
ALTER TABLE national_impact_incident ADD COLUMN attack_vector VARCHAR(64), ADD COLUMN aware_at TIMESTAMPTZ;
UPDATE national_impact_incident
SET attack_vector = impact::json ->> 'attackVector',
    aware_at = CASE
        WHEN impact::json ->> 'awareAt' IS NULL THEN NULL
        WHEN impact::json ->> 'awareAt' ~ '^-?[0-9]+(\.[0-9]+)?$'
            THEN to_timestamp((impact::json ->> 'awareAt')::double precision)
        ELSE (impact::json ->> 'awareAt')::timestamptz
    END;
