-- The gateways' rate-limit buckets when several gateways share them (Bucket4j's PostgreSQL proxy manager): one row
-- per caller, its state written by whichever gateway served the call; rows of callers gone quiet expire and are
-- removed by the gateways.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
