-- The console's sessions (Spring Session's JDBC layout, under the console's own table names): any console instance
-- serves any signed-in user, and a restart signs nobody out. A session holds the user's security context and tokens,
-- the CSRF token and the flash messages of a redirect; a session idle past its timeout is removed by the consoles.
CREATE TABLE console_session (
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    expiry_time           BIGINT   NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT console_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX console_session_id ON console_session (session_id);
CREATE INDEX console_session_expiry ON console_session (expiry_time);
CREATE INDEX console_session_principal ON console_session (principal_name);

CREATE TABLE console_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT console_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT console_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES console_session (primary_id)
        ON DELETE CASCADE
);
