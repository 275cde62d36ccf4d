-- A message too long for one Telegram message goes out in parts; how many of them have gone
-- out, so a retry (a 5xx on part 2, a restart between parts) resumes from the first unsent
-- part instead of sending part 1 again.
ALTER TABLE deliveries ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
