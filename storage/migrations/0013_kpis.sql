-- Shared KPIs: the columns the scorecard counts leads by, the indexes its aggregates scan,
-- the weekly digest's settings and the draft agendas of joint meetings.

-- A lead's life as the scorecard counts it, kept by storage/leads.py as the lead moves: when
-- and to whom it was first delivered, whether it was ever taken, returned, disputed or
-- overturned, and its first-action clocks that ended (sla_due) and were met (sla_met).
ALTER TABLE leads ADD COLUMN delivered_at TEXT;
ALTER TABLE leads ADD COLUMN delivered_to INTEGER REFERENCES people (id);
ALTER TABLE leads ADD COLUMN taken INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN overturned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN sla_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN sla_met INTEGER NOT NULL DEFAULT 0;

-- The leads already there, from their history.
UPDATE leads SET
    delivered_at = (SELECT e.at FROM lead_events e WHERE e.lead_id = leads.id
                    AND e.kind IN ('assigned', 'reassigned', 'overturned') ORDER BY e.id LIMIT 1),
    delivered_to = (SELECT e.rep_id FROM lead_events e WHERE e.lead_id = leads.id
                    AND e.kind IN ('assigned', 'reassigned', 'overturned') ORDER BY e.id LIMIT 1),
    taken = EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = leads.id AND e.kind = 'taken'),
    returned = EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = leads.id
                       AND e.kind = 'returned'),
    disputed = EXISTS (SELECT 1 FROM disputes d WHERE d.lead_id = leads.id),
    overturned = EXISTS (SELECT 1 FROM disputes d WHERE d.lead_id = leads.id
                         AND d.status = 'overturned'),
    sla_due = CASE WHEN first_action_at IS NOT NULL OR reminded_no >= assignment_no
                   AND assignment_no > 0 THEN 1 ELSE 0 END,
    sla_met = CASE WHEN first_action_at IS NOT NULL AND reminded_no < assignment_no
                   THEN 1 ELSE 0 END;

-- The scorecard's scans: everyone's leads by delivery, a team's, a rep's. The first two cover
-- every column the counts read, so a scan never touches the table.
CREATE INDEX leads_kpi ON leads (delivered_at, team_id, status, taken, returned, disputed,
    overturned, sla_due, sla_met, source, campaign_id) WHERE delivered_at IS NOT NULL;
CREATE INDEX leads_kpi_team ON leads (team_id, delivered_at, status, taken, returned, disputed,
    overturned, sla_due, sla_met, source, campaign_id) WHERE delivered_at IS NOT NULL;
CREATE INDEX leads_kpi_rep ON leads (delivered_to, delivered_at) WHERE delivered_at IS NOT NULL;
-- Verdicts by when they were given; overturned disputes for the agenda.
CREATE INDEX disputes_decided ON disputes (decided_at, team_id, rep_id, status)
    WHERE decided_at IS NOT NULL;
-- Campaigns by launch date; questions by when they were asked and published; feedback by
-- when it was given; action items by due date, done or not.
CREATE INDEX campaigns_launch ON campaigns (launch_date, status);
CREATE INDEX questions_asked ON questions (asked_at, status);
CREATE INDEX questions_published ON questions (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX feedback_created ON feedback (created_at, campaign_id, team_id, rating);
CREATE INDEX meeting_actions_due_all ON meeting_actions (due, owner_id, done_at);

-- The weekly digest: one row, changed by admins.
CREATE TABLE kpi_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    digest_day   INTEGER NOT NULL DEFAULT 1 CHECK (digest_day BETWEEN 1 AND 7),
    digest_time  TEXT NOT NULL DEFAULT '09:00',
    digest_on    INTEGER NOT NULL DEFAULT 1 CHECK (digest_on IN (0, 1)),
    updated_by   INTEGER REFERENCES people (id),
    updated_at   TEXT NOT NULL
);

-- The agenda that writes itself: one draft per meeting occurrence, edited by its organiser.
CREATE TABLE kpi_agendas (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    items       TEXT NOT NULL DEFAULT '[]',  -- JSON: [{kind, args, kept}], in order
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
    created_at  TEXT NOT NULL,
    sent_at     TEXT
);
