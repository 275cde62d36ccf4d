"""Who got a campaign and who acknowledged it: figures per team (a team lead sees their own
team only), and what opening a campaign from /campaigns shows each role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns import access
from domain.campaigns.figures import Figures, figures
from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH, CANCEL, UPDATE
from domain.campaigns.model import Campaign
from domain.campaigns.queries import Announcement, CampaignCard, announcement_for, card_of
from domain.campaigns.versions import Note, NoteKind
from domain.errors import Forbidden
from domain.people.model import Person, Team
from domain.permissions import Action, can
from domain.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class CampaignFigures:
    """``team_only``: a team lead's view of their own team."""

    campaign: Campaign
    figures: Figures
    teams: dict[int, Team]
    team_only: bool


@dataclass(frozen=True, slots=True)
class Opened:
    """A campaign opened by someone who does not manage campaigns: the announcement if it
    reached them, their team's figures if they lead a team it reached."""

    announcement: Announcement | None
    figures: CampaignFigures | None


async def note_figures(uow: UnitOfWork, campaign_id: int, note: Note) -> Figures:
    """Who an update (or the cancellation) reached, of everyone the announcement reached:
    those it was not sent to, unreachable since, count as unreachable."""
    kind = CANCEL if note.kind is NoteKind.CANCELLATION else UPDATE
    statuses = await uow.outbox.statuses(kind, campaign_id, f"update:{note.number}")
    received = await access.received_by(uow, campaign_id)
    people = await uow.people.many(received)
    return figures([(p, statuses.get(p.id, "unreachable"), False) for p in people])


async def delivery_figures(
    uow: UnitOfWork, campaign_id: int, *, only_team: int | None = None
) -> Figures:
    """Recipients, delivered, acknowledged, unreachable — for everyone or one team."""
    statuses = await uow.outbox.statuses(ANNOUNCE, campaign_id, ANNOUNCE_BATCH)
    acknowledged = await uow.campaigns.acknowledged_by(campaign_id)
    people = await uow.people.many(list(statuses))
    rows = [(p, statuses[p.id], p.id in acknowledged) for p in people]
    return figures(rows, only_team=only_team)


async def _figures_of(uow: UnitOfWork, actor: Person, campaign: Campaign) -> CampaignFigures:
    only_team: int | None = None
    if not can(actor, Action.MANAGE_CAMPAIGNS):
        if not can(actor, Action.VIEW_TEAM_FIGURES) or actor.team_id is None:
            raise Forbidden()
        only_team = actor.team_id
    result = await delivery_figures(uow, campaign.id, only_team=only_team)
    if only_team is not None and result.total.recipients == 0:
        raise Forbidden()  # the campaign did not reach their team
    teams = {team.id: team for team in await uow.teams.all()}
    return CampaignFigures(campaign, result, teams, team_only=only_team is not None)


async def campaign_figures(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> CampaignFigures:
    """Marketers and admins: everyone; team leads: their own team, if it reached them."""
    return await _figures_of(uow, actor, await access.load(uow, campaign_id))


async def open_campaign(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> CampaignCard | Opened:
    """Managers get the card; recipients the announcement; team leads their team's
    figures (a lead who received it but whose team did not just gets the announcement)."""
    campaign = await access.load(uow, campaign_id)
    if can(actor, Action.MANAGE_CAMPAIGNS):
        return await card_of(uow, actor, campaign)
    recipient = await access.is_recipient(uow, actor, campaign_id)
    announcement = await announcement_for(uow, campaign, actor, now) if recipient else None
    team_figures = None
    if can(actor, Action.VIEW_TEAM_FIGURES):
        try:
            team_figures = await _figures_of(uow, actor, campaign)
        except Forbidden:
            if not recipient:
                raise
    elif not recipient:
        raise Forbidden()
    return Opened(announcement, team_figures)
