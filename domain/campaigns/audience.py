"""Who a campaign reaches and how: its audience, content protection and reminder ladder."""

from __future__ import annotations

from datetime import datetime

from domain import flows
from domain.campaigns import access, records
from domain.campaigns.drafting import Asked, advance
from domain.campaigns.flows import Drafting, Step
from domain.campaigns.model import Campaign, region_teams
from domain.campaigns.queries import AudienceChoice, CampaignCard, audience_choice, card_of
from domain.campaigns.schedule import REMINDER_PRESETS
from domain.errors import InvalidInput, NotFound
from domain.people.model import Person, Role
from domain.ports import UnitOfWork


async def _wizard_position(uow: UnitOfWork, actor: Person, campaign_id: int) -> int | None:
    state = await flows.current(uow.flows, actor.id, Drafting)
    if state is None or not state.is_on(campaign_id, Step.AUDIENCE):
        return None
    return state.position


async def open_audience(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> AudienceChoice:
    """The picker, from the card: only a draft's audience can change."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_audience_editable()
    await uow.flows.delete(actor.id)
    return await audience_choice(uow, campaign)


async def picked_region(uow: UnitOfWork, team_id: int | None) -> frozenset[int]:
    """The teams of a region ticked in a picker (by one of its teams): NotFound for a team
    that is not there any more."""
    if team_id is None:
        return frozenset()
    teams = region_teams(await uow.teams.all(), team_id)
    if not teams:
        raise NotFound()
    return teams


async def toggle_audience(
    uow: UnitOfWork,
    *,
    actor: Person,
    campaign_id: int,
    now: datetime,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
    region_of: int | None = None,
) -> AudienceChoice:
    """Tick or untick all reps, a team, a role, or the teams of a region (none of them: the
    picker as it stands, its roles opened under "more")."""
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_audience_editable()
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    audience = campaign.audience.toggled(
        all_reps=all_reps, team_id=team_id, role=role, region=await picked_region(uow, region_of)
    )
    saved = campaign
    if audience != campaign.audience:
        saved = await records.save(uow, actor, campaign.with_(audience=audience), "audience", now)
    position = await _wizard_position(uow, actor, campaign_id)
    return await audience_choice(uow, saved, position=position)


async def finish_audience(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Asked | CampaignCard:
    """Done under the picker: in the wizard, on to the next step; otherwise the card."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    state = await flows.current(uow.flows, actor.id, Drafting)
    if state is not None and state.is_on(campaign_id, Step.AUDIENCE):
        return await advance(uow, actor, state, now)
    return await card_of(uow, actor, campaign)


async def toggle_protect(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Campaign:
    """Content protection on or off: recipients cannot forward or save the announcement."""
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    changed = campaign.with_(protect_content=not campaign.protect_content)
    return await records.save(uow, actor, changed, "protect", now)


async def set_reminders(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, preset: str, now: datetime
) -> Campaign:
    """One of the reminder ladders, while the campaign is a draft."""
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    if not campaign.reminders_editable:
        raise InvalidInput("error-reminders-locked")
    if preset not in REMINDER_PRESETS:
        raise InvalidInput()
    changed = campaign.with_(reminders=REMINDER_PRESETS[preset])
    return await records.save(uow, actor, changed, "reminders", now)
