-- Field feedback after launch: per-campaign settings, submissions, their photos and voice
-- messages, and reactions to the key messages.
CREATE TABLE feedback_settings (
    campaign_id  INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    anonymous    INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    prompt_days  TEXT NOT NULL DEFAULT '[3,14]',  -- days after launch, JSON list
    updated_by   INTEGER REFERENCES people (id),
    updated_at   TEXT NOT NULL
);

-- One row per submission: a person may give feedback on a campaign many times.
CREATE TABLE feedback (
    id                 INTEGER PRIMARY KEY,
    campaign_id        INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    person_id          INTEGER NOT NULL REFERENCES people (id),
    team_id            INTEGER REFERENCES teams (id) ON DELETE SET NULL,  -- when given
    anonymous          INTEGER NOT NULL CHECK (anonymous IN (0, 1)),      -- promised then
    source             TEXT NOT NULL,            -- 'any' or 'day:<n>' (which prompt)
    origin_message_id  INTEGER,                  -- the prompt message whose star was pressed
    rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment            TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    -- Pressing a star on the same prompt again changes that submission, not a new one.
    UNIQUE (person_id, campaign_id, origin_message_id)
);
CREATE INDEX feedback_campaign ON feedback (campaign_id, team_id, created_at);

CREATE TABLE feedback_media (
    id           INTEGER PRIMARY KEY,
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('photo', 'voice')),
    file_id      TEXT NOT NULL,
    added_at     TEXT NOT NULL
);
CREATE INDEX feedback_media_feedback ON feedback_media (feedback_id, id);

-- A reaction to a key message, with the message's wording when it was given.
CREATE TABLE feedback_reactions (
    feedback_id    INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    message_index  INTEGER NOT NULL,
    message        TEXT NOT NULL,
    reaction       TEXT NOT NULL CHECK (reaction IN ('positive', 'neutral', 'negative')),
    at             TEXT NOT NULL,
    PRIMARY KEY (feedback_id, message_index)
);
