-- People, their roles, teams and invites.
CREATE TABLE teams (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    region      TEXT NOT NULL,
    timezone    TEXT NOT NULL
);
CREATE UNIQUE INDEX teams_name_unique ON teams (lower(name));

CREATE TABLE people (
    id                INTEGER PRIMARY KEY,
    telegram_id       INTEGER NOT NULL UNIQUE,
    first_name        TEXT NOT NULL,
    last_name         TEXT,
    username          TEXT,
    language          TEXT CHECK (language IN ('ru', 'en')),
    telegram_language TEXT,
    timezone          TEXT NOT NULL,
    quiet_hours       TEXT,
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    team_id           INTEGER REFERENCES teams (id),
    joined_at         TEXT NOT NULL
);
CREATE INDEX people_team ON people (team_id);

CREATE TABLE person_roles (
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'marketer', 'team_lead', 'rep', 'analyst')),
    PRIMARY KEY (person_id, role)
);
CREATE INDEX person_roles_role ON person_roles (role);

CREATE TABLE invites (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    roles       TEXT NOT NULL,
    team_id     INTEGER REFERENCES teams (id),
    created_by  INTEGER NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_by     INTEGER REFERENCES people (id),
    used_at     TEXT,
    revoked_at  TEXT
);
