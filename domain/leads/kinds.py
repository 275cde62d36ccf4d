"""The outbox kinds of the leads feature, and the batch that names each step, so every
message is queued once per lead (or dispute, or version) and per step."""

from __future__ import annotations

CARD = "lead.card"  # a lead's card to the rep it was given to; batch per assignment
REMIND = "lead.remind"  # the first-action deadline passed: to the rep
ALERT = "lead.alert"  # ... and to the team lead
ORPHAN = "lead.orphan"  # a returned lead nobody could take: to whoever brought it
APPROVAL = "dispute.approval"  # an over-cap dispute: to the team lead
NEW_DISPUTE = "dispute.new"  # a dispute joined the queue: to the analysts
VERDICT = "dispute.verdict"  # the verdict: to the rep, and (upheld) to the lead's marketer
DISPUTE_REMIND = "dispute.remind"  # past the decision SLA: to the analysts
DISPUTE_ALERT = "dispute.alert"  # ... and later to the admins
REGULATION = "regulation.published"  # a new version's summary, to acknowledge

VERDICT_REP = "rep"
VERDICT_SOURCE = "source"
APPROVAL_BATCH = "approve"
NEW_DISPUTE_BATCH = "new"
DISPUTE_REMIND_BATCH = "remind"
DISPUTE_ALERT_BATCH = "alert"
PUBLISH_BATCH = "publish"


def card_batch(assignment_no: int) -> str:
    return f"a{assignment_no}"


def remind_batch(assignment_no: int) -> str:
    return f"r{assignment_no}"


def alert_batch(assignment_no: int) -> str:
    return f"l{assignment_no}"


def assignment_of(batch: str) -> int | None:
    """The assignment number a card, reminder or alert batch names."""
    digits = batch[1:]
    return int(digits) if digits.isdigit() else None
