"""What marketers and team leads see of field feedback: the summary, its comments and media,
the export, and the list of campaigns behind /feedback.

Marketers and admins see every submission of a campaign; team leads see their own team's
submissions (by the giver's team when they gave it), if the campaign reached their team;
nobody else sees any. Names are shown only for submissions not given under the anonymity
promise, and only while the campaign is not anonymous: a summary does not even carry the
others' names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.campaigns import access
from domain.campaigns.model import Campaign, Status
from domain.errors import Forbidden
from domain.feedback.model import (
    Feedback,
    FeedbackSettings,
    MediaKind,
    MessageTally,
    Reaction,
    Tally,
    names_hidden,
    prompt_day,
    tally,
)
from domain.feedback.settings import leave_typing_days
from domain.people.model import Person, Team
from domain.permissions import Action, can, require
from domain.ports import Outgoing, UnitOfWork
from domain.timezones import to_local

# What /feedback lists: campaigns that went out, cancelled ones included (what was said stays).
SENT = (Status.ANNOUNCED, Status.CANCELLED)


@dataclass(frozen=True, slots=True)
class Summary:
    campaign: Campaign
    settings: FeedbackSettings
    feedback: tuple[Feedback, ...]  # newest first, already limited to what the viewer may see
    tally: Tally
    team_only: int | None  # the team a team lead is limited to
    authors: dict[int, Person]  # only the people whose names may be shown
    teams: dict[int, Team]  # every team, for the givers' teams then

    def author(self, item: Feedback) -> Person | None:
        """Who gave it, or None when it is anonymous."""
        if names_hidden(item, self.settings):
            return None
        return self.authors.get(item.person_id)

    @property
    def settings_may_change(self) -> bool:
        """Marketers and admins change the settings while the campaign is not cancelled."""
        return self.team_only is None and self.campaign.status is not Status.CANCELLED

    @property
    def with_comments(self) -> list[Feedback]:
        return [f for f in self.feedback if f.comment]

    def attachments(self, kind: MediaKind) -> list[tuple[Feedback, str]]:
        """(submission, file id) of every photo or voice message, newest first."""
        return [(f, a.file_id) for f in self.feedback for a in f.attachments if a.kind is kind]


# Photos or voice messages a viewer opens: up to this many are sent to them at once; more
# voice messages (which Telegram cannot group in an album) go through the outbox, paced one a
# second to their chat. Rows of kind FILE: ref id the submission, batch "<attachment id>:<when
# asked>", so asking again later sends them again.
DIRECT_MAX = 3
FILE = "feedback.file"


@dataclass(frozen=True, slots=True)
class Files:
    """The summary the files were asked from, and how many of them were queued to be sent
    one by one (0: few enough, or an album, to send at once)."""

    summary: Summary
    queued: int


async def files(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, kind: MediaKind, now: datetime
) -> Files:
    """The photos or voice messages of a campaign's feedback the actor may see."""
    found = await summary(uow, actor=actor, campaign_id=campaign_id)
    attached = [(f, a) for f in found.feedback for a in f.attachments if a.kind is kind]
    if kind is not MediaKind.VOICE or len(attached) <= DIRECT_MAX:
        return Files(found, 0)
    asked = now.strftime("%Y%m%dT%H%M%S%f")
    for item, attachment in attached:
        await uow.outbox.enqueue(
            FILE,
            item.id,
            file_batch(attachment.id, asked),
            [Outgoing(actor.id, actor.telegram_id, now)],
        )
    return Files(found, len(attached))


def file_batch(attachment_id: int, asked: str) -> str:
    return f"{attachment_id}:{asked}"


def attachment_of(batch: str) -> int | None:
    """The attachment a FILE row sends (None: not such a batch)."""
    head, _, _ = batch.partition(":")
    return int(head) if head.isdigit() else None


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One submission. An anonymous one keeps no quasi-identifiers: the day it was given but
    not the minute, and no team (with the date and time a name is easy to guess)."""

    on: date  # the day it was given, in the export's zone
    at: datetime | None  # when, in the export's zone; None when anonymous
    day: int  # the prompt it answered: days after launch (0: from the button)
    author: Person | None  # None: anonymous
    team: Team | None  # the giver's team then; None when anonymous (or without a team)
    rating: int
    comment: str
    photos: int
    voices: int
    reactions: tuple[Reaction | None, ...]  # one per message of the export, in order


@dataclass(frozen=True, slots=True)
class Export:
    """One row per submission the viewer may see, newest first; dates in the viewer's zone."""

    campaign: Campaign
    zone: str
    messages: tuple[MessageTally, ...]  # the columns of reactions: current wordings, then earlier
    rows: tuple[ExportRow, ...]


async def _team_scope(uow: UnitOfWork, actor: Person, campaign_id: int) -> int | None:
    """None for marketers and admins (everything); the team lead's team otherwise."""
    require(actor, Action.VIEW_FEEDBACK)
    if can(actor, Action.MANAGE_CAMPAIGNS):
        return None
    if actor.team_id is None:
        raise Forbidden()
    reached = await uow.feedback.reached(campaign_id)
    if not any(p.team_id == actor.team_id for p in await uow.people.many(list(reached))):
        raise Forbidden()
    return actor.team_id


async def summary(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Summary:
    """A campaign's feedback as the actor may see it."""
    campaign = await access.load(uow, campaign_id)
    team = await _team_scope(uow, actor, campaign.id)
    settings = await uow.feedback.settings(campaign.id)
    items = tuple(await uow.feedback.for_campaign(campaign.id, team_id=team))
    named = {f.person_id for f in items if not names_hidden(f, settings)}
    return Summary(
        campaign=campaign,
        settings=settings,
        feedback=items,
        tally=tally(items, campaign.key_messages),
        team_only=team,
        authors={p.id: p for p in await uow.people.many(sorted(named))},
        teams={t.id: t for t in await uow.teams.all()},
    )


async def open_summary(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Summary:
    """The summary screen, which also leaves a days step the marketer walked away from."""
    found = await summary(uow, actor=actor, campaign_id=campaign_id)
    await leave_typing_days(uow, actor)
    return found


async def export(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Export:
    """The summary's submissions as table rows, dated in the actor's own zone."""
    found = await summary(uow, actor=actor, campaign_id=campaign_id)
    zone = actor.timezone
    messages = found.tally.messages
    rows = tuple(
        ExportRow(
            on=to_local(item.created_at, zone).date(),
            at=None if names_hidden(item, found.settings) else to_local(item.created_at, zone),
            day=prompt_day(item.source),
            author=found.author(item),
            team=(
                found.teams.get(item.team_id)
                if item.team_id is not None and not names_hidden(item, found.settings)
                else None
            ),
            rating=item.rating,
            comment=item.comment or "",
            photos=item.count(MediaKind.PHOTO),
            voices=item.count(MediaKind.VOICE),
            reactions=tuple(item.reaction_to(m.message) for m in messages),
        )
        for item in found.feedback
    )
    return Export(found.campaign, zone, messages, rows)


async def campaigns_with_feedback(uow: UnitOfWork, *, actor: Person) -> list[tuple[Campaign, int]]:
    """The announced (and cancelled) campaigns whose feedback the actor may see, with how many
    submissions each has that the actor may see; newest first. A team lead sees those that
    reached their team; without a team, none."""
    require(actor, Action.VIEW_FEEDBACK)
    team: int | None = None
    if can(actor, Action.MANAGE_CAMPAIGNS):
        campaigns = [c for c in await uow.campaigns.all() if c.status in SENT]
    else:
        if actor.team_id is None:
            return []
        team = actor.team_id
        campaigns = [c for c in await uow.campaigns.reaching_team(team) if c.status in SENT]
    counts = await uow.feedback.counts([c.id for c in campaigns], team_id=team)
    return [(c, counts.get(c.id, 0)) for c in campaigns]
