"""What the outbox sends about briefing requests: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value (or None:
nothing to send any more), and ``handlers/briefings/notices.py`` renders it in the
recipient's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.briefings.model import Briefing
from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.ports import DueDelivery, UnitOfWork


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
) -> tuple[Person, Briefing, Campaign] | None:
    briefing = await uow.briefings.get(due.ref_id)
    person = await uow.people.get(due.person_id)
    campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
    if briefing is None or person is None or campaign is None or not person.active:
        return None
    if not briefing.open_for_answers(now):
        return None
    return person, briefing, campaign


async def request(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Request | None:
    """Sent while the person is active and the briefing still takes answers."""
    found = await _open(uow, due, now)
    return Request(*found) if found is not None else None


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> BriefingReminder | None:
    """Only to someone who has not answered every question, before the deadline."""
    found = await _open(uow, due, now)
    if found is None:
        return None
    person, briefing, campaign = found
    mine = await uow.briefings.answers(briefing.id, person_id=person.id)
    left = len(briefing.unanswered(mine))
    return BriefingReminder(person, briefing, campaign, left) if left else None
