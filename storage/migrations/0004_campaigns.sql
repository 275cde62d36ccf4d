-- Campaigns, their materials, acknowledgements and numbered updates.
CREATE TABLE campaigns (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL DEFAULT '',
    product          TEXT NOT NULL DEFAULT '',
    goal             TEXT NOT NULL DEFAULT '',
    key_messages     TEXT NOT NULL DEFAULT '[]',
    launch_date      TEXT,
    audience         TEXT NOT NULL DEFAULT '{}',
    protect_content  INTEGER NOT NULL DEFAULT 1 CHECK (protect_content IN (0, 1)),
    status           TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'scheduled', 'announced', 'cancelled')),
    schedule         TEXT,
    reminders        TEXT NOT NULL DEFAULT '["after-24h","launch-1d"]',
    created_by       INTEGER NOT NULL REFERENCES people (id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    announced_at     TEXT,
    cancelled_at     TEXT,
    revision         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX campaigns_status ON campaigns (status);

CREATE TABLE campaign_materials (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('document', 'photo')),
    file_id      TEXT NOT NULL,
    file_name    TEXT
);
CREATE INDEX campaign_materials_campaign ON campaign_materials (campaign_id, id);

CREATE TABLE campaign_acks (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    at           TEXT NOT NULL,
    PRIMARY KEY (campaign_id, person_id)
);

CREATE TABLE campaign_updates (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('update', 'cancellation')),
    note         TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES people (id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, number)
);
