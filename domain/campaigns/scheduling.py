"""When a campaign goes out: now, N days before launch at 10:00 local, or a typed moment
(for everyone at once, or at that wall-clock time in each person's zone) — then confirmed.

Sending is durable: scheduling writes one outbox row per recipient (and per reminder rung),
and the broadcast engine delivers from those rows. The content is composed when a row is
sent, so an edit made before a scheduled announcement goes out is what people receive, and
each row's moment follows its person's settings until then (:mod:`domain.campaigns.timing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access, records, timing
from domain.campaigns.flows import Confirming, TypingMoment
from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH, ESCALATE, REMIND, REPORT
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import CampaignCard, audience_of, card_of
from domain.campaigns.schedule import Schedule, ScheduleMode
from domain.dates import parse_local_datetime
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.horizon import check_within_reach
from domain.people.away import periods_by_person
from domain.people.model import Person, paused
from domain.ports import Outgoing, UnitOfWork
from domain.timezones import from_local, to_local


@dataclass(frozen=True, slots=True)
class ScheduleOptions:
    """The "when" menu: which "N days before launch" choices are still ahead."""

    campaign: Campaign
    days_before: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MomentPrompt:
    """Waiting for a typed date and time, in the marketer's ``zone``."""

    state: TypingMoment
    zone: str
    previous: FlowState | None


@dataclass(frozen=True, slots=True)
class Proposal:
    """Send ``state.schedule`` to ``reach`` people? ``zone`` is the marketer's."""

    campaign: Campaign
    state: Confirming
    reach: int
    zone: str
    previous: FlowState | None


@dataclass(frozen=True, slots=True)
class Scheduled:
    campaign: Campaign
    recipients: int
    sending_now: bool


@dataclass(frozen=True, slots=True)
class Confirmed:
    """Scheduled (or sent); the card to show after it."""

    scheduled: Scheduled
    card: CampaignCard


async def options(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> ScheduleOptions:
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_schedulable()
    return ScheduleOptions(campaign, campaign.days_before_options(now, actor.timezone))


async def _propose(
    uow: UnitOfWork, actor: Person, campaign_id: int, when: Schedule, now: datetime
) -> Proposal:
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_schedulable()
    campaign.check_goes_out_before_launch(when, actor.timezone)
    reach = len(await audience_of(uow, campaign))
    state = Confirming(campaign.id, when)
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    return Proposal(campaign, state, reach, actor.timezone, previous)


async def propose_now(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Proposal:
    return await _propose(uow, actor, campaign_id, Schedule(ScheduleMode.NOW), now)


async def propose_days_before(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, days: int, now: datetime
) -> Proposal:
    """``days`` days before launch, at 10:00 in each recipient's own zone."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return await _propose(uow, actor, campaign_id, campaign.days_before(days), now)


async def ask_moment(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> MomentPrompt:
    await access.managed(uow, actor=actor, campaign_id=campaign_id)
    state = TypingMoment(campaign_id)
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    return MomentPrompt(state, actor.timezone, previous)


async def type_moment(
    uow: UnitOfWork, *, actor: Person, state: TypingMoment, text: str, now: datetime
) -> MomentPrompt:
    """A date and time typed in the marketer's zone, still ahead; kept until they choose how
    it is meant."""
    await access.managed(uow, actor=actor, campaign_id=state.campaign_id)
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    check_within_reach(typed.date(), today=to_local(now, actor.timezone).date())
    following = TypingMoment(state.campaign_id, typed)
    previous = await flows.begin(uow.flows, actor.id, following, now=now)
    return MomentPrompt(following, actor.timezone, previous)


async def propose_typed(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, each_local: bool, now: datetime
) -> Proposal:
    """The typed moment, either as that instant for everyone (read in the marketer's zone)
    or as that wall-clock time in each recipient's zone."""
    state = await flows.current(uow.flows, actor.id, TypingMoment)
    if state is None or state.campaign_id != campaign_id or state.typed is None:
        raise NotFound("button-expired")  # the typed moment is gone (another step began)
    typed = state.typed
    if each_local:
        when = Schedule(ScheduleMode.LOCAL, day=typed.date(), local_time=typed.time())
    else:
        when = Schedule(ScheduleMode.AT, at=from_local(typed, actor.timezone))
    return await _propose(uow, actor, campaign_id, when, now)


async def confirm(uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime) -> Confirmed:
    """✅ under a proposal: schedule what was proposed."""
    state = await flows.current(uow.flows, actor.id, Confirming)
    if state is None or state.campaign_id != campaign_id:
        raise NotFound("button-expired")  # nothing to confirm any more
    result = await schedule(uow, actor=actor, campaign_id=campaign_id, when=state.schedule, now=now)
    await uow.flows.delete(actor.id)
    return Confirmed(result, await card_of(uow, actor, result.campaign))


async def schedule(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, when: Schedule, now: datetime
) -> Scheduled:
    """Send now or at a time: one outbox row per recipient, each at their own moment (out
    of their quiet hours), and one per reminder rung. Rescheduling replaces the rows."""
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_schedulable()
    campaign.check_goes_out_before_launch(when, actor.timezone)
    people = await audience_of(uow, campaign)
    if not people:
        raise InvalidInput("error-audience-empty")
    if campaign.status is Status.SCHEDULED:
        await withdraw_pending(uow, campaign.id)
    moments = {person.id: timing.delivery_moment(when, person, now=now) for person in people}
    await uow.outbox.enqueue(
        ANNOUNCE,
        campaign.id,
        ANNOUNCE_BATCH,
        [Outgoing(p.id, p.telegram_id, moments[p.id]) for p in people],
    )
    await _enqueue_ladder(uow, campaign, people, moments, now)
    sending_now = when.mode is ScheduleMode.NOW
    changed = campaign.with_(
        status=Status.ANNOUNCED if sending_now else Status.SCHEDULED,
        schedule=when,
        announced_at=min(moments.values()) if sending_now else None,
    )
    if sending_now:
        changed = changed.as_sent()  # what recipients see from now on
    saved = await records.save(uow, actor, changed, "schedule", now)
    return Scheduled(saved, len(people), sending_now)


async def _enqueue_ladder(
    uow: UnitOfWork,
    campaign: Campaign,
    people: Sequence[Person],
    moments: dict[int, datetime],
    now: datetime,
) -> None:
    """Each recipient's reminder rungs; each team lead hears, after the team's last rung,
    who is still waiting."""
    rungs: dict[str, list[Outgoing]] = {}
    away = await periods_by_person(uow, people, now)
    for person in people:
        plan = timing.reminder_plan(campaign, person, announced=moments[person.id])
        # Reminders pause while a person is away: theirs comes when they are back.
        for batch, moment in paused(plan, away.get(person.id, ()), person).items():
            rungs.setdefault(batch, []).append(Outgoing(person.id, person.telegram_id, moment))
    for batch, items in sorted(rungs.items()):
        await uow.outbox.enqueue(REMIND, campaign.id, batch, items)
    teams = {p.team_id for p in people if p.team_id is not None}
    await timing.plan_escalations(uow, campaign, teams, now=now)


async def withdraw_pending(uow: UnitOfWork, campaign_id: int) -> None:
    """Everything a schedule queued that has not gone out yet (rescheduling, unscheduling,
    cancelling)."""
    for kind in (ANNOUNCE, REMIND, ESCALATE, REPORT):
        await uow.outbox.withdraw(kind, campaign_id)


async def unschedule(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> CampaignCard:
    """Back to a draft, until the first announcement has gone out."""
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    if campaign.status is not Status.SCHEDULED:
        raise InvalidInput("error-not-scheduled")
    if await access.received_by(uow, campaign.id):
        raise InvalidInput("error-already-going-out")
    await withdraw_pending(uow, campaign.id)
    changed = campaign.with_(status=Status.DRAFT, schedule=None)
    saved = await records.save(uow, actor, changed, "unschedule", now)
    return await card_of(uow, actor, saved)
