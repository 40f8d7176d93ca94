-- The exercise a national campaign was opened in (incident-service's campaign review): its review is marked EXERCICE.
-- Every campaign opened before exercises had campaigns is a real one (NULL).
ALTER TABLE review_campaign ADD COLUMN exercise_id VARCHAR(64);
