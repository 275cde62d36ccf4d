"""Field feedback: an announced campaign, submissions, and a unit of work where a campaign's
announcement has reached people."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH
from domain.campaigns.model import Audience, Campaign, Status
from domain.feedback.model import Attachment, Feedback, KeyReaction, MediaKind
from domain.people.model import Person
from domain.ports import Outgoing
from tests.support.builders.people import NOW
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.feedback import FakeCampaignReads, FakeFeedbackRepo

LAUNCH = date(2026, 12, 15)
MESSAGES = ("Daily", "Discount")


def an_announced_campaign(
    cid: int = 1,
    *,
    status: Status = Status.ANNOUNCED,
    launch: date | None = LAUNCH,
    messages: tuple[str, ...] = MESSAGES,
    name: str = "Winter",
    protect: bool = True,
) -> Campaign:
    return Campaign(
        id=cid,
        name=name,
        product="D3",
        goal="",
        key_messages=messages,
        launch_date=launch,
        audience=Audience(all_reps=True),
        protect_content=protect,
        status=status,
        schedule=None,
        reminders=(),
        created_by=1,
        created_at=NOW,
        announced_at=NOW,
    )


def a_feedback(
    fid: int,
    rating: int,
    *,
    campaign: int = 1,
    pid: int = 1,
    team: int | None = None,
    comment: str | None = None,
    anonymous: bool = False,
    source: str = "any",
    reactions: tuple[KeyReaction, ...] = (),
    media: tuple[MediaKind, ...] = (),
) -> Feedback:
    """Given ``fid`` minutes after NOW, so a later id is a later submission."""
    at = NOW + timedelta(minutes=fid)
    return Feedback(
        id=fid,
        campaign_id=campaign,
        person_id=pid,
        team_id=team,
        anonymous=anonymous,
        source=source,
        rating=rating,
        comment=comment,
        created_at=at,
        updated_at=at,
        attachments=tuple(Attachment(n, kind, f"f{n}", at) for n, kind in enumerate(media)),
        reactions=reactions,
    )


def feedback_uow(*campaigns: Campaign, people: tuple[Person, ...] = ()) -> FakeUnitOfWork:
    """A unit of work with these campaigns and people, and no feedback yet."""
    uow = FakeUnitOfWork(campaigns=FakeCampaignReads(campaigns), feedback=FakeFeedbackRepo())
    uow.people.put(*people)
    return uow


async def announced_to(
    uow: FakeUnitOfWork, campaign: Campaign, *people: Person, at: datetime = NOW
) -> None:
    """The campaign's announcement reached these people at ``at``: what the broadcast engine
    records, as the outbox, feedback and campaigns each read it."""
    uow.people.put(*people)
    rows = [Outgoing(p.id, p.telegram_id, at) for p in people]
    await uow.outbox.enqueue(ANNOUNCE, campaign.id, ANNOUNCE_BATCH, rows)
    for person in people:
        uow.outbox.mark_sent(ANNOUNCE, campaign.id, ANNOUNCE_BATCH, person.id)
        uow.feedback.reach(campaign.id, person.id, at)
        if person.team_id is not None:
            uow.campaigns.teams_reached.setdefault(campaign.id, set()).add(person.team_id)
