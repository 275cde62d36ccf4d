"""The outbox kinds campaigns send (the ref id is the campaign's id)."""

from __future__ import annotations

ANNOUNCE = "campaign.announce"  # batch "announce": the announcement, one row per recipient
REMIND = "campaign.remind"  # batches "reminder:<n>": the reminder ladder, to non-acknowledgers
ESCALATE = "campaign.escalate"  # batch "escalate": team leads hear who has not acknowledged
UPDATE = "campaign.update"  # batches "update:<n>": an update note, to everyone who got it
REFRESH = "campaign.refresh"  # batches "refresh:<n>": each original announcement edited
CANCEL = "campaign.cancel"  # batches "update:<n>": the cancellation, to everyone who got it
REPORT = "campaign.report"  # the marketer's delivery report when a batch is finished
ANNOUNCE_BATCH = "announce"
