-- A webhook subscription can be revoked: kept (its deliveries stay in the log) with who revoked it, when and why;
-- publications after that are no longer sent to it.
ALTER TABLE webhook_subscription
    ADD COLUMN revoked_at        TIMESTAMPTZ,
    ADD COLUMN revoked_by        VARCHAR(255),
    ADD COLUMN revocation_reason VARCHAR(2000);
