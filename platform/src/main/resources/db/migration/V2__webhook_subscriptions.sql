-- Webhook subscriptions of notification-service. The secret signs each delivery (HMAC-SHA256); it is kept
-- here rather than in events, which are kept forever and read by every service.
CREATE TABLE webhook_subscription (
    id         VARCHAR(36)   PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    secret     VARCHAR(500)  NOT NULL,
    regions    VARCHAR(500)  NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL,
    created_by VARCHAR(255)  NOT NULL
);
