-- When a person blocked the bot (Telegram tells at once with a my_chat_member update):
-- nothing is sent to them until they unblock it; figures count them unreachable.
ALTER TABLE people ADD COLUMN blocked_at TEXT;
