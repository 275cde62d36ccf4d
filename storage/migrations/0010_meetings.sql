-- Joint meetings: drafts, polls, invitations and RSVP, agendas, minutes and action items.
-- Every time is UTC; the organiser's zone anchors a series' wall-clock time.
CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    organiser_id    INTEGER NOT NULL REFERENCES people (id),
    title           TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT 'other'
                    CHECK (kind IN ('weekly', 'presentation', 'other')),
    status          TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'polling', 'undecided', 'scheduled', 'cancelled')),
    zone            TEXT NOT NULL,
    campaign_id     INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    starts_at       TEXT,
    duration        INTEGER NOT NULL DEFAULT 60,
    place           TEXT NOT NULL DEFAULT '',
    audience        TEXT NOT NULL DEFAULT '{}',   -- JSON: all reps, teams, roles
    people          TEXT NOT NULL DEFAULT '[]',   -- JSON: named participants' ids
    reminders       TEXT NOT NULL DEFAULT '1440,60', -- minutes before the start
    recurrence      TEXT NOT NULL DEFAULT 'none'
                    CHECK (recurrence IN ('none', 'weekly', 'biweekly')),
    repeat_until    TEXT,                          -- a local date, YYYY-MM-DD
    repeat_count    INTEGER,
    series_id       INTEGER REFERENCES meetings (id),
    occurrence      INTEGER NOT NULL DEFAULT 1,
    original_start  TEXT,
    sequence        INTEGER NOT NULL DEFAULT 0,
    poll_deadline   TEXT,
    invited_at      TEXT,
    minutes_sent_at TEXT,
    cancelled_at    TEXT,
    next_due_at     TEXT,                          -- a series: create the next occurrence then
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- The sweeps: reminders by start, polls by deadline, series by their next occurrence.
CREATE INDEX meetings_starts ON meetings (status, starts_at);
CREATE INDEX meetings_polls ON meetings (status, poll_deadline);
CREATE INDEX meetings_next ON meetings (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX meetings_series ON meetings (series_id, occurrence);
CREATE INDEX meetings_organiser ON meetings (organiser_id, starts_at);
CREATE INDEX meetings_campaign ON meetings (campaign_id) WHERE campaign_id IS NOT NULL;

CREATE TABLE meeting_participants (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people (id),
    invited_at  TEXT NOT NULL,
    rsvp        TEXT CHECK (rsvp IN ('yes', 'maybe', 'no')),
    rsvp_at     TEXT,
    attended    INTEGER,                          -- NULL: not recorded
    PRIMARY KEY (meeting_id, person_id)
);
-- /meetings: a person's meetings.
CREATE INDEX meeting_participants_person ON meeting_participants (person_id, meeting_id);

CREATE TABLE meeting_slots (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    starts_at   TEXT NOT NULL,
    UNIQUE (meeting_id, starts_at)
);

CREATE TABLE meeting_votes (
    slot_id    INTEGER NOT NULL REFERENCES meeting_slots (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    answer     TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    at         TEXT NOT NULL,
    PRIMARY KEY (slot_id, person_id)
);

CREATE TABLE meeting_topics (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    source         TEXT NOT NULL
                   CHECK (source IN ('organiser', 'participant', 'question', 'feedback')),
    added_by       INTEGER REFERENCES people (id),
    added_at       TEXT NOT NULL,
    voice_file_id  TEXT,
    dropped        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_topics_meeting ON meeting_topics (meeting_id, position);

CREATE TABLE meeting_decisions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id);

CREATE TABLE meeting_actions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    owner_id    INTEGER NOT NULL REFERENCES people (id),
    due         TEXT NOT NULL,                    -- the owner's local date, YYYY-MM-DD
    created_at  TEXT NOT NULL,
    done_at     TEXT
);
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id);
CREATE INDEX meeting_actions_owner ON meeting_actions (owner_id, done_at);
-- The action-item sweep: open items by due date.
CREATE INDEX meeting_actions_open ON meeting_actions (due) WHERE done_at IS NULL;
