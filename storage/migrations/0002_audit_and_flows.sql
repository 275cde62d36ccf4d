-- Who did what to which object, and the state of people's multi-step flows.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     INTEGER REFERENCES people (id),
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    INTEGER,
    details      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

-- One open flow per person (creating a team, editing settings, ...): which step they are on
-- and what they typed so far, kept here rather than in process memory so a restart or a
-- second replica carries on where they left off.
CREATE TABLE flows (
    person_id   INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    step        TEXT NOT NULL,
    data        TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);
