-- An exercise's own webhook subscriptions (notification-service): a subscription naming an exercise receives that
-- exercise's publications and reminders only, and a subscription naming none (every one made before exercises had
-- subscribers) real ones only.
ALTER TABLE webhook_subscription ADD COLUMN exercise_id VARCHAR(64);
