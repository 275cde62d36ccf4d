-- Briefing requests: questions a marketer asks the field before a campaign is built.
CREATE TABLE briefings (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    created_by   INTEGER NOT NULL REFERENCES people (id),
    created_at   TEXT NOT NULL,
    deadline     TEXT,
    audience     TEXT,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'closed')),
    sent_at      TEXT
);
CREATE INDEX briefings_campaign ON briefings (campaign_id);

CREATE TABLE briefing_questions (
    id           INTEGER PRIMARY KEY,
    briefing_id  INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    options      TEXT NOT NULL DEFAULT '[]',
    UNIQUE (briefing_id, position)
);

-- One answer per person per question; changing it before the deadline replaces it.
CREATE TABLE briefing_answers (
    question_id  INTEGER NOT NULL REFERENCES briefing_questions (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    kind         TEXT NOT NULL CHECK (kind IN ('text', 'choice', 'photo', 'document', 'voice')),
    text         TEXT,
    file_id      TEXT,
    file_name    TEXT,
    answered_at  TEXT NOT NULL,
    changed      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (question_id, person_id)
);
