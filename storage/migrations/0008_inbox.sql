-- The durable inbox: every update from Telegram is stored before its offset is confirmed, so
-- nothing a person sent is lost if the bot dies while handling it. applied_at is written in
-- the same transaction as the change the update made (its idempotency key); done_at once it
-- was fully handled, replies included.
CREATE TABLE inbox (
    update_id    INTEGER PRIMARY KEY,
    chat_id      INTEGER,
    payload      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    applied_at   TEXT,
    done_at      TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_open ON inbox (done_at, update_id);
