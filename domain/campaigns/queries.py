"""What the campaign screens show: small values a handler renders as they are.

The card, the audience picker and the announcement as one person reads it are built here
from the campaign and what surrounds it (who it reaches, when it first goes out, team names,
days to launch in the reader's zone), so a screen needs one use case call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns import access
from domain.campaigns.kinds import ANNOUNCE
from domain.campaigns.model import Campaign, recipients
from domain.people.model import Person, Team
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork
from domain.timezones import days_until


@dataclass(frozen=True, slots=True)
class Presentation:
    """The campaign's presentation to sales (a meeting), as the card shows it."""

    meeting_id: int
    status: str  # the meeting's status: draft, polling, undecided, scheduled
    starts_at: datetime | None


@dataclass(frozen=True, slots=True)
class CampaignCard:
    """The marketer's card: the campaign, how many it reaches, when it first goes out, and
    its presentation to sales, if one is planned."""

    campaign: Campaign
    viewer: Person
    reach: int
    first_due: datetime | None
    teams: dict[int, Team]
    presentation: Presentation | None = None


@dataclass(frozen=True, slots=True)
class AudienceChoice:
    """The audience picker: the ticks, the teams to tick and how many it reaches."""

    campaign: Campaign
    teams: tuple[Team, ...]
    reach: int
    position: int | None = None  # the wizard's step number, when in the wizard


@dataclass(frozen=True, slots=True)
class Announcement:
    """The announcement as ``recipient`` reads it (a marketer's preview reads it too)."""

    recipient: Person
    campaign: Campaign
    days_to_launch: int | None  # in the recipient's zone: 0 today, negative once launched
    acknowledged_at: datetime | None = None
    open_questions: int = 0  # the FAQ button says how many questions wait for an answer


@dataclass(frozen=True, slots=True)
class CampaignList:
    """/campaigns: what the person may open, newest first."""

    campaigns: tuple[Campaign, ...]
    manager: bool


async def audience_of(uow: UnitOfWork, campaign: Campaign) -> list[Person]:
    """Who the campaign reaches now (active people its audience includes)."""
    return recipients(campaign.audience, await uow.people.active())


async def card_of(uow: UnitOfWork, viewer: Person, campaign: Campaign) -> CampaignCard:
    reach = len(await audience_of(uow, campaign))
    first_due = await uow.outbox.first_due(ANNOUNCE, campaign.id)
    teams = {team.id: team for team in await uow.teams.all()}
    meetings = await uow.meetings.for_campaign(campaign.id)
    presentation = (
        Presentation(meetings[0].id, meetings[0].status.value, meetings[0].starts_at)
        if meetings
        else None
    )
    return CampaignCard(campaign, viewer, reach, first_due, teams, presentation)


async def audience_choice(
    uow: UnitOfWork, campaign: Campaign, *, position: int | None = None
) -> AudienceChoice:
    reach = len(await audience_of(uow, campaign))
    return AudienceChoice(campaign, tuple(await uow.teams.all()), reach, position)


def days_to_launch(campaign: Campaign, person: Person, now: datetime) -> int | None:
    """Calendar days to the launch in the person's zone (0 today, negative once past)."""
    if campaign.launch_date is None:
        return None
    return days_until(campaign.launch_date, now, person.timezone)


async def announcement_for(
    uow: UnitOfWork, campaign: Campaign, person: Person, now: datetime
) -> Announcement:
    acknowledged_at = await uow.campaigns.acknowledged_at(campaign.id, person.id)
    return Announcement(
        person,
        campaign,
        days_to_launch(campaign, person, now),
        acknowledged_at,
        await uow.questions.count_open(campaign.id),
    )


async def card(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> CampaignCard:
    """The card; opening it leaves whatever step the marketer was on."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    await uow.flows.delete(actor.id)
    return await card_of(uow, actor, campaign)


async def visible(uow: UnitOfWork, *, actor: Person) -> CampaignList:
    """Managers: every campaign. Others: those sent to them and, for a team lead, those that
    reached their team."""
    require(actor, Action.VIEW_CAMPAIGNS)
    if can(actor, Action.MANAGE_CAMPAIGNS):
        return CampaignList(tuple(await uow.campaigns.all()), manager=True)
    seen: dict[int, Campaign] = {c.id: c for c in await uow.campaigns.sent_to(actor.id)}
    if can(actor, Action.VIEW_TEAM_FIGURES) and actor.team_id is not None:
        for campaign in await uow.campaigns.reaching_team(actor.team_id):
            seen.setdefault(campaign.id, campaign)
    ordered = sorted(seen.values(), key=lambda c: c.id, reverse=True)
    return CampaignList(tuple(ordered), manager=False)
