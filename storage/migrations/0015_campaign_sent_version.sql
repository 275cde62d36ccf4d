-- What the recipients of a sent campaign see: its fields as of the announcement or the last
-- update (JSON; NULL before it is announced), so the card can say what changed since and an
-- update can say what it changes (old → new, JSON per update).
ALTER TABLE campaigns ADD COLUMN sent_version TEXT;
ALTER TABLE campaign_updates ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
