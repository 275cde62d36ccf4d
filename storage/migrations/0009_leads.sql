-- Leads: the qualification regulation (versioned), intake sources, leads with their history,
-- disputes and verdicts; and, for the people feature, working hours and holidays per team and
-- each person's time away.

-- Working time per team: days of the week (1 = Monday … 7 = Sunday), hours, and the country
-- and region whose public holidays are days off.
ALTER TABLE teams ADD COLUMN work_days TEXT NOT NULL DEFAULT '12345';
ALTER TABLE teams ADD COLUMN work_start TEXT NOT NULL DEFAULT '09:00';
ALTER TABLE teams ADD COLUMN work_end TEXT NOT NULL DEFAULT '18:00';
ALTER TABLE teams ADD COLUMN country TEXT NOT NULL DEFAULT 'RU';
ALTER TABLE teams ADD COLUMN subdivision TEXT;

-- A person's periods away: no new leads, SLA clocks and reminders paused.
CREATE TABLE person_away (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX person_away_person ON person_away (person_id, ends_at);

-- The regulation: one row per version; the next version is a draft until it is published.
CREATE TABLE regulation_versions (
    version               INTEGER PRIMARY KEY,
    status                TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    summary               TEXT NOT NULL DEFAULT '',
    dispute_window_hours  INTEGER NOT NULL,
    first_action_minutes  INTEGER NOT NULL,
    decision_minutes      INTEGER NOT NULL,
    dispute_cap_percent   INTEGER NOT NULL,
    created_by            INTEGER REFERENCES people (id),
    created_at            TEXT NOT NULL,
    published_by          INTEGER REFERENCES people (id),
    published_at          TEXT
);
CREATE INDEX regulation_versions_status ON regulation_versions (status, version);

-- Each version's clauses as they were: a verdict shows the text it relied on.
CREATE TABLE regulation_clauses (
    version  INTEGER NOT NULL REFERENCES regulation_versions (version) ON DELETE CASCADE,
    number   TEXT NOT NULL,                 -- '1.2': section (kind) and place
    kind     TEXT NOT NULL CHECK (kind IN ('dispute', 'return', 'none')),
    title    TEXT NOT NULL,
    body     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (version, number)
);

CREATE TABLE regulation_acks (
    version    INTEGER NOT NULL REFERENCES regulation_versions (version),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    at         TEXT NOT NULL,
    PRIMARY KEY (version, person_id)
);

-- Where leads come from over HTTP: a website form, a CRM. The token is stored hashed.
CREATE TABLE lead_sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_by  INTEGER NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- Round-robin: the last person given a lead in each scope ('team:3', 'region:Центр').
CREATE TABLE lead_rotation (
    scope           TEXT PRIMARY KEY,
    last_person_id  INTEGER NOT NULL
);

CREATE TABLE leads (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    phone           TEXT,                    -- E.164
    email           TEXT,                    -- lower case
    company         TEXT,
    region          TEXT,
    source          TEXT,
    campaign_id     INTEGER REFERENCES campaigns (id),
    comment         TEXT,
    status          TEXT NOT NULL CHECK (status IN ('unassigned', 'new', 'taken', 'disputed',
                        'disqualified', 'contacted', 'meeting', 'won', 'lost')),
    assignee_id     INTEGER REFERENCES people (id),
    team_id         INTEGER REFERENCES teams (id),
    assignment_no   INTEGER NOT NULL DEFAULT 0,  -- counts assignments: names each SLA clock
    reminded_no     INTEGER NOT NULL DEFAULT 0,  -- the assignment whose deadline was reminded
    assigned_at     TEXT,
    sla_started_at  TEXT,                    -- the first-action clock of this assignment
    first_action_at TEXT,
    loss_reason     TEXT,
    duplicate_of    INTEGER REFERENCES leads (id),
    intake_source_id INTEGER REFERENCES lead_sources (id),
    external_id     TEXT,
    import_id       TEXT,                    -- the file a lead came in with
    created_by      INTEGER REFERENCES people (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- The lists: a rep's, a team's, by source or campaign — counted by state, and paged newest
-- first in one state (…, status, id) or in all (…, id); the SLA sweep; duplicates; search.
CREATE INDEX leads_assignee ON leads (assignee_id, status, id);
CREATE INDEX leads_assignee_page ON leads (assignee_id, id);
CREATE INDEX leads_team ON leads (team_id, status, id);
CREATE INDEX leads_team_page ON leads (team_id, id);
CREATE INDEX leads_status ON leads (status, id);
CREATE INDEX leads_sla ON leads (status, sla_started_at);
CREATE INDEX leads_source ON leads (source, status, id);
CREATE INDEX leads_source_page ON leads (source, id);
CREATE INDEX leads_campaign ON leads (campaign_id, status, id);
CREATE INDEX leads_campaign_page ON leads (campaign_id, id);
CREATE INDEX leads_phone ON leads (phone, created_at);
CREATE INDEX leads_email ON leads (email, created_at);
CREATE INDEX leads_name ON leads (name);
CREATE INDEX leads_import ON leads (import_id, status);
CREATE UNIQUE INDEX leads_external ON leads (intake_source_id, external_id);

-- How many leads each scope has in each state ('all', 'team:3', 'rep:12'), kept by the
-- repository as leads move, so /leads counts in constant time however many leads there are.
CREATE TABLE lead_tallies (
    scope   TEXT NOT NULL,
    status  TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (scope, status)
);

-- Everything that happened to a lead, in order.
CREATE TABLE lead_events (
    id        INTEGER PRIMARY KEY,
    lead_id   INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    actor_id  INTEGER REFERENCES people (id),
    rep_id    INTEGER REFERENCES people (id),  -- the rep the line is about, if any
    kind      TEXT NOT NULL,
    details   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX lead_events_lead ON lead_events (lead_id, id);
-- The dispute cap: how many leads a rep was given over the last 30 days.
CREATE INDEX lead_events_rep ON lead_events (rep_id, at);

CREATE TABLE disputes (
    id              INTEGER PRIMARY KEY,
    lead_id         INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    rep_id          INTEGER NOT NULL REFERENCES people (id),
    team_id         INTEGER REFERENCES teams (id),
    version         INTEGER NOT NULL,
    clause          TEXT NOT NULL,
    note            TEXT,
    evidence_kind   TEXT CHECK (evidence_kind IN ('photo', 'voice', 'document')),
    evidence_file   TEXT,
    status          TEXT NOT NULL CHECK (status IN ('approval', 'open', 'upheld', 'overturned',
                        'declined')),
    opened_at       TEXT NOT NULL,              -- the decision clock starts here
    decided_by      INTEGER REFERENCES people (id),
    decided_at      TEXT,
    verdict_version INTEGER,
    verdict_clause  TEXT,
    remark          TEXT,
    FOREIGN KEY (version, clause) REFERENCES regulation_clauses (version, number)
);
CREATE INDEX disputes_status ON disputes (status, opened_at, id);
CREATE INDEX disputes_lead ON disputes (lead_id, id);
CREATE INDEX disputes_rep ON disputes (rep_id, opened_at);
