-- The private calendar subscription of each unit (and of the tracking office, under its group's code): the address
-- /lich/<token>.ics answers without a login, so the token is the secret. It is kept to show the address again on the
-- dashboard and the API; a request is looked up by the SHA-256 of the token it brings (a unique index), so the
-- database never compares the secret itself with what a stranger sends. Re-issuing replaces token and hash; revoking
-- clears both and records when (the dashboard then says the address was revoked rather than issuing a new one).
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE calendar_feed (
    unit_code   VARCHAR(100) PRIMARY KEY,
    token       VARCHAR(64),
    token_hash  VARCHAR(64),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by   VARCHAR(255),
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX calendar_feed_by_hash ON calendar_feed (token_hash);
