-- Questions recipients ask about a campaign, their answers, the campaign FAQ and "me too" votes.
CREATE TABLE questions (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    asked_by      INTEGER NOT NULL REFERENCES people (id),
    kind          TEXT NOT NULL CHECK (kind IN ('text', 'photo', 'voice')),
    text          TEXT,                        -- the question, or a photo's caption
    file_id       TEXT,                        -- Telegram's file id of a photo or voice message
    message_id    INTEGER,                     -- the asker's own message in their chat
    asked_at      TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'answered', 'duplicate')),
    answer        TEXT,                        -- for a duplicate: the earlier question's answer
    answered_by   INTEGER REFERENCES people (id),
    answered_at   TEXT,
    duplicate_of  INTEGER REFERENCES questions (id),
    published_at  TEXT,                        -- in the campaign FAQ since
    broadcast_at  TEXT,                        -- sent to every recipient at
    reminded_at   TEXT                         -- the marketers were reminded at
);
-- The FAQ and the open questions of a campaign.
CREATE INDEX questions_campaign ON questions (campaign_id, status);
-- The marketers' queue and the reminder sweep.
CREATE INDEX questions_open ON questions (status, asked_at);

-- "Me too": one vote per person per question.
CREATE TABLE question_votes (
    question_id  INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    at           TEXT NOT NULL,
    PRIMARY KEY (question_id, person_id)
);
