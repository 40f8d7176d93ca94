-- The public's e-mail subscriptions to a region's or the national communiqués (notification-service). An address is
-- kept only while it is subscribed or awaiting its confirmation: a row is deleted on unsubscription, and an
-- unconfirmed one once its confirmation link has expired. Never in an event: deliveries name the row's id only.
CREATE TABLE public_subscription (
    id                UUID PRIMARY KEY,
    email             VARCHAR(254) NOT NULL,
    -- NATIONAL, or a region's code (FR-HDF)
    scope             VARCHAR(10) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at      TIMESTAMP WITH TIME ZONE,
    -- the SHA-256 of the confirmation link's token (the token itself is only in the mail), and until when it is valid
    confirmation_hash VARCHAR(64),
    confirmation_expires_at TIMESTAMP WITH TIME ZONE,
    -- a confirmation mail asked for and not sent yet (the sender takes them at a bounded rate)
    mail_wanted       BOOLEAN NOT NULL DEFAULT FALSE,
    -- confirmation mails sent since mail_window_start (the per-address limit), and the last one
    mails_in_window   INTEGER NOT NULL DEFAULT 0,
    mail_window_start TIMESTAMP WITH TIME ZONE,
    last_mail_at      TIMESTAMP WITH TIME ZONE,
    -- failed attempts at sending it (the SMTP server refused or was away); given up after a few
    mail_failures     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (email, scope)
);
CREATE INDEX public_subscription_scope ON public_subscription (scope) WHERE confirmed_at IS NOT NULL;
CREATE INDEX public_subscription_wanted ON public_subscription (mail_failures, created_at) WHERE mail_wanted;
CREATE INDEX public_subscription_last_mail ON public_subscription (last_mail_at);
CREATE UNIQUE INDEX public_subscription_confirmation ON public_subscription (confirmation_hash);
