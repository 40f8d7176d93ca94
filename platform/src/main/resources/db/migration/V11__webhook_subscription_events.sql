-- What a webhook subscription receives (notification-service), comma-separated event types: published communiqués
-- (public material) and, only when asked for, obligation reminders (material for the organisations handling the
-- incident). Subscriptions made before reminders existed (NULL) receive published communiqués, as they always did.
ALTER TABLE webhook_subscription ADD COLUMN events VARCHAR(200);
