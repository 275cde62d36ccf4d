-- The outbox every broadcast sends from: one row per recipient per message. The engine
-- claims due rows ('pending' -> 'sending'), sends, and records the outcome, so a restart
-- resumes from here without losing or repeating anyone.
CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,              -- what it is: 'campaign.announce', ...
    ref_id           INTEGER NOT NULL,           -- what it is about: a campaign id, ...
    batch            TEXT NOT NULL,              -- which send of it: 'announce', 'reminder:1'
    person_id        INTEGER NOT NULL REFERENCES people (id),
    chat_id          INTEGER NOT NULL,
    due_at           TEXT NOT NULL,              -- when it was scheduled for (UTC)
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'unreachable', 'failed',
                                       'skipped')),
    attempts         INTEGER NOT NULL DEFAULT 0, -- failed tries so far
    next_attempt_at  TEXT NOT NULL,              -- not before this (UTC); due_at at first
    message_id       INTEGER,                    -- Telegram's id of the message, once sent
    error            TEXT,                       -- the last failure's reason
    sent_at          TEXT,
    finished_at      TEXT,                       -- when it reached a final status
    UNIQUE (kind, ref_id, batch, person_id)      -- enqueueing twice is harmless
);
-- Claiming: pending rows by the time they may next be tried.
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
-- Figures and "is the batch finished" per batch (lookups by (kind, ref_id) use the UNIQUE one).
CREATE INDEX deliveries_batch_status ON deliveries (kind, ref_id, batch, status);
CREATE INDEX deliveries_person ON deliveries (person_id);
