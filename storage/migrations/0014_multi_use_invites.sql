-- One invite link may register several people (an admin onboarding a team sends one link):
-- how many it may (max_uses) and how many it has (uses). used_by and used_at keep the last
-- use. An invite used before this migration had its one use.
ALTER TABLE invites ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1;
ALTER TABLE invites ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
UPDATE invites SET uses = 1 WHERE used_at IS NOT NULL;
CREATE INDEX invites_created_by ON invites (created_by, id);
