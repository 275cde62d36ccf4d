"""What the outbox sends about briefing requests: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value (or a
``Skip`` saying why nothing is worth sending any more), and ``handlers/briefings/notices.py``
renders it in the recipient's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.briefings.model import Briefing
from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.ports import DueDelivery, Skip, UnitOfWork

# Why a queued briefing message is not sent (recorded with the row).
GONE = Skip("gone")  # the briefing or its campaign was deleted
INACTIVE = Skip("recipient-inactive")
CLOSED = Skip("deadline-passed")  # answers are closed: asking or reminding is too late
ANSWERED = Skip("answered")  # every question has the person's answer


@dataclass(frozen=True, slots=True)
class Request:
    """The request itself: the campaign it is about, the questions and the deadline."""

    recipient: Person
    briefing: Briefing
    campaign: Campaign


@dataclass(frozen=True, slots=True)
class BriefingReminder:
    """A reminder to someone who has ``left`` questions still open."""

    recipient: Person
    briefing: Briefing
    campaign: Campaign
    left: int


async def _open(
    uow: UnitOfWork, due: DueDelivery, now: datetime
) -> tuple[Person, Briefing, Campaign] | Skip:
    briefing = await uow.briefings.get(due.ref_id)
    campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
    if briefing is None or campaign is None:
        return GONE
    person = await uow.people.get(due.person_id)
    if person is None or not person.active:
        return INACTIVE
    if not briefing.open_for_answers(now):
        return CLOSED
    return person, briefing, campaign


async def request(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Request | Skip:
    """Sent while the person is active and the briefing still takes answers: never after
    the deadline, however late it came due."""
    found = await _open(uow, due, now)
    return found if isinstance(found, Skip) else Request(*found)


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> BriefingReminder | Skip:
    """Only to someone who has not answered every question, and never after the deadline."""
    found = await _open(uow, due, now)
    if isinstance(found, Skip):
        return found
    person, briefing, campaign = found
    mine = await uow.briefings.answers(briefing.id, person_id=person.id)
    left = len(briefing.unanswered(mine))
    return BriefingReminder(person, briefing, campaign, left) if left else ANSWERED
