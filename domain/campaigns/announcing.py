"""Use cases for campaigns: drafting, scheduling, acknowledging, figures, updates, cancelling.

Sending is durable: scheduling writes one outbox row per recipient (and per reminder rung),
and the broadcast engine delivers from those rows. Message content is rendered when a row is
sent, so an edit made before a scheduled announcement goes out is what people receive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from domain.campaigns import access
from domain.campaigns.kinds import ANNOUNCE, CANCEL, ESCALATE, REFRESH, REMIND, REPORT, UPDATE
from domain.campaigns.model import (
    ESCALATION_DELAY,
    FIELD_MAX,
    MAX_KEY_MESSAGES,
    MAX_MATERIALS,
    MESSAGE_MAX,
    NAME_MAX,
    NOTE_MAX,
    REMINDER_PRESETS,
    Audience,
    Campaign,
    Figures,
    Schedule,
    ScheduleMode,
    Status,
    clean_text,
    delivery_moment,
    figures,
    recipients,
    reminder_moments,
)
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Person, Role
from domain.permissions import Action, can, require
from domain.ports import AuditEntry, Outgoing, UnitOfWork
from domain.timezones import to_local


async def _load(uow: UnitOfWork, campaign_id: int) -> Campaign:
    return await access.load(uow, campaign_id)


async def manageable(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    return await access.managed(uow, actor=actor, campaign_id=campaign_id)


async def _editable(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    campaign = await manageable(uow, actor, campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    return campaign


async def _save(
    uow: UnitOfWork, actor: Person, campaign: Campaign, what: str, now: datetime
) -> Campaign:
    await uow.campaigns.save(campaign, now=now)
    await uow.audit.record(AuditEntry(actor.id, f"campaign.{what}", "campaign", campaign.id, now))
    return await _load(uow, campaign.id)


async def new_draft(uow: UnitOfWork, actor: Person, *, now: datetime) -> Campaign:
    require(actor, Action.MANAGE_CAMPAIGNS)
    campaign = await uow.campaigns.add_draft(created_by=actor.id, now=now)
    await uow.audit.record(AuditEntry(actor.id, "campaign.create", "campaign", campaign.id, now))
    return campaign


async def set_text(
    uow: UnitOfWork, actor: Person, campaign_id: int, field: str, raw: str, *, now: datetime
) -> Campaign:
    """Set name, product or goal."""
    campaign = await _editable(uow, actor, campaign_id)
    limits = {"name": NAME_MAX, "product": NAME_MAX, "goal": FIELD_MAX}
    if field not in limits:
        raise InvalidInput()
    value = clean_text(raw, limit=limits[field])
    return await _save(uow, actor, campaign.with_(**{field: value}), f"set_{field}", now)


async def add_key_message(
    uow: UnitOfWork, actor: Person, campaign_id: int, raw: str, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if len(campaign.key_messages) >= MAX_KEY_MESSAGES:
        raise InvalidInput("error-too-many-messages", limit=MAX_KEY_MESSAGES)
    text = clean_text(raw, limit=MESSAGE_MAX)
    return await _save(
        uow, actor, campaign.with_(key_messages=(*campaign.key_messages, text)), "add_message", now
    )


async def replace_key_message(
    uow: UnitOfWork, actor: Person, campaign_id: int, index: int, raw: str, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound()
    messages = list(campaign.key_messages)
    messages[index] = clean_text(raw, limit=MESSAGE_MAX)
    return await _save(
        uow, actor, campaign.with_(key_messages=tuple(messages)), "edit_message", now
    )


async def remove_key_message(
    uow: UnitOfWork, actor: Person, campaign_id: int, index: int, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound()
    messages = [m for i, m in enumerate(campaign.key_messages) if i != index]
    return await _save(
        uow, actor, campaign.with_(key_messages=tuple(messages)), "remove_message", now
    )


async def set_launch_date(
    uow: UnitOfWork, actor: Person, campaign_id: int, launch: date, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    return await _save(uow, actor, campaign.with_(launch_date=launch), "set_launch", now)


async def toggle_audience(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    *,
    now: datetime,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if campaign.status is Status.ANNOUNCED:
        raise InvalidInput("error-audience-sent")
    if campaign.status is not Status.DRAFT:
        raise InvalidInput("error-audience-locked")
    audience = campaign.audience
    if all_reps:
        audience = Audience(not audience.all_reps, audience.team_ids, audience.roles)
    if team_id is not None:
        if await uow.teams.get(team_id) is None:
            raise NotFound()
        audience = Audience(audience.all_reps, audience.team_ids ^ {team_id}, audience.roles)
    if role is not None:
        audience = Audience(audience.all_reps, audience.team_ids, audience.roles ^ {role})
    return await _save(uow, actor, campaign.with_(audience=audience), "audience", now)


async def audience_of(uow: UnitOfWork, campaign: Campaign) -> list[Person]:
    return recipients(campaign.audience, await uow.people.active())


async def add_material(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    *,
    kind: str,
    file_id: str,
    file_name: str | None,
    now: datetime,
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if len(campaign.materials) >= MAX_MATERIALS:
        raise InvalidInput("error-too-many-materials", limit=MAX_MATERIALS)
    if kind not in ("document", "photo"):
        raise InvalidInput("error-material-kind")
    await uow.campaigns.add_material(campaign.id, kind=kind, file_id=file_id, file_name=file_name)
    await uow.audit.record(
        AuditEntry(actor.id, "campaign.add_material", "campaign", campaign.id, now)
    )
    return await _load(uow, campaign.id)


async def remove_material(
    uow: UnitOfWork, actor: Person, campaign_id: int, material_id: int, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if not await uow.campaigns.remove_material(campaign.id, material_id):
        raise NotFound()
    return await _load(uow, campaign.id)


async def toggle_protect(
    uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    return await _save(
        uow, actor, campaign.with_(protect_content=not campaign.protect_content), "protect", now
    )


async def set_reminders(
    uow: UnitOfWork, actor: Person, campaign_id: int, preset: str, *, now: datetime
) -> Campaign:
    campaign = await _editable(uow, actor, campaign_id)
    if campaign.status is not Status.DRAFT:
        raise InvalidInput("error-reminders-locked")
    if preset not in REMINDER_PRESETS:
        raise InvalidInput()
    return await _save(
        uow, actor, campaign.with_(reminders=REMINDER_PRESETS[preset]), "reminders", now
    )


async def discard_draft(uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime) -> None:
    campaign = await manageable(uow, actor, campaign_id)
    if campaign.status is not Status.DRAFT:
        raise InvalidInput("error-not-a-draft")
    await uow.campaigns.delete_draft(campaign.id)
    await uow.audit.record(AuditEntry(actor.id, "campaign.discard", "campaign", campaign.id, now))


@dataclass(frozen=True, slots=True)
class Scheduled:
    campaign: Campaign
    recipients: int
    first: datetime
    last: datetime


async def schedule(
    uow: UnitOfWork, actor: Person, campaign_id: int, when: Schedule, *, now: datetime
) -> Scheduled:
    """Send now or at a time: one outbox row per recipient and per reminder rung."""
    campaign = await _editable(uow, actor, campaign_id)
    if campaign.status is Status.ANNOUNCED:
        raise InvalidInput("error-already-announced")
    if campaign.missing():
        raise InvalidInput("error-campaign-incomplete")
    check_before_launch(campaign, when, actor)
    people = await audience_of(uow, campaign)
    if not people:
        raise InvalidInput("error-audience-empty")
    if campaign.status is Status.SCHEDULED:
        await _withdraw_schedule(uow, campaign.id)
    moments = {person.id: delivery_moment(when, person, now=now) for person in people}
    await uow.outbox.enqueue(
        ANNOUNCE,
        campaign.id,
        "announce",
        [Outgoing(p.id, p.telegram_id, moments[p.id]) for p in people],
    )
    await _enqueue_ladder(uow, campaign, people, moments)
    first = min(moments.values())
    sending_now = when.mode.value == "now"
    updated = campaign.with_(
        status=Status.ANNOUNCED if sending_now else Status.SCHEDULED,
        schedule=when,
        announced_at=first if sending_now else None,
    )
    await _save(uow, actor, updated, "schedule", now)
    return Scheduled(await _load(uow, campaign.id), len(people), first, max(moments.values()))


async def _enqueue_ladder(
    uow: UnitOfWork, campaign: Campaign, people: Sequence[Person], moments: dict[int, datetime]
) -> None:
    rungs: dict[int, list[Outgoing]] = {}
    last_by_team: dict[int, datetime] = {}
    for person in people:
        for index, moment in enumerate(
            reminder_moments(campaign, person, announced=moments[person.id])
        ):
            rungs.setdefault(index + 1, []).append(Outgoing(person.id, person.telegram_id, moment))
            if person.team_id is not None:
                previous = last_by_team.get(person.team_id)
                last_by_team[person.team_id] = moment if previous is None else max(previous, moment)
    for number, items in rungs.items():
        await uow.outbox.enqueue(REMIND, campaign.id, f"reminder:{number}", items)
    if not last_by_team:
        return
    leads = [
        p
        for p in await uow.people.active()
        if Role.TEAM_LEAD in p.roles and p.team_id in last_by_team
    ]
    escalations = []
    for lead in leads:
        assert lead.team_id is not None
        moment = last_by_team[lead.team_id] + ESCALATION_DELAY
        if lead.quiet_hours is not None:
            moment = lead.quiet_hours.next_allowed(moment, lead.timezone)
        escalations.append(Outgoing(lead.id, lead.telegram_id, moment))
    await uow.outbox.enqueue(ESCALATE, campaign.id, "escalate", escalations)


def check_schedulable(campaign: Campaign) -> None:
    """Refuse scheduling screens for a campaign that can no longer be scheduled."""
    if campaign.status is Status.ANNOUNCED:
        raise InvalidInput("error-already-announced")
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    if campaign.missing():
        raise InvalidInput("error-campaign-incomplete")


def check_before_launch(campaign: Campaign, when: Schedule, actor: Person) -> None:
    """An announcement goes out before the launch, not after it."""
    if campaign.launch_date is None or when.mode is ScheduleMode.NOW:
        return
    day = when.day if when.at is None else to_local(when.at, actor.timezone).date()
    if day is not None and day > campaign.launch_date:
        raise InvalidInput("error-after-launch")


async def _withdraw_schedule(uow: UnitOfWork, campaign_id: int) -> None:
    for kind in (ANNOUNCE, REMIND, ESCALATE, REPORT):
        await uow.outbox.withdraw(kind, campaign_id)


async def cancel_schedule(
    uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime
) -> Campaign:
    """Back to a draft before the announcement goes out."""
    campaign = await _editable(uow, actor, campaign_id)
    if campaign.status is not Status.SCHEDULED:
        raise InvalidInput("error-not-scheduled")
    statuses = await uow.outbox.statuses(ANNOUNCE, campaign.id, "announce")
    if any(status == "sent" for status in statuses.values()):
        raise InvalidInput("error-already-going-out")
    await _withdraw_schedule(uow, campaign.id)
    return await _save(
        uow, actor, campaign.with_(status=Status.DRAFT, schedule=None), "unschedule", now
    )


async def mark_announced(uow: UnitOfWork, campaign_id: int, *, at: datetime) -> None:
    """Called as the first scheduled announcement goes out."""
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is not None and campaign.status is Status.SCHEDULED:
        await uow.campaigns.save(campaign.with_(status=Status.ANNOUNCED, announced_at=at), now=at)


async def is_recipient(uow: UnitOfWork, person: Person, campaign_id: int) -> bool:
    return await access.is_recipient(uow, person, campaign_id)


async def as_recipient(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    return await access.as_recipient(uow, actor=actor, campaign_id=campaign_id)


async def acknowledge(
    uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime
) -> tuple[Campaign, bool]:
    """Returns the campaign and whether this was the first acknowledgement (pressing again is
    harmless)."""
    campaign = await _load(uow, campaign_id)
    if not await is_recipient(uow, actor, campaign_id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    first = await uow.campaigns.acknowledge(campaign.id, actor.id, at=now)
    if first:
        await uow.audit.record(
            AuditEntry(actor.id, "campaign.acknowledge", "campaign", campaign.id, now)
        )
    return campaign, first


async def visible_campaigns(uow: UnitOfWork, actor: Person) -> Sequence[Campaign]:
    require(actor, Action.VIEW_CAMPAIGNS)
    if can(actor, Action.MANAGE_CAMPAIGNS):
        return await uow.campaigns.all()
    seen: dict[int, Campaign] = {c.id: c for c in await uow.campaigns.sent_to(actor.id)}
    if can(actor, Action.VIEW_TEAM_FIGURES) and actor.team_id is not None:
        for campaign in await uow.campaigns.reaching_team(actor.team_id):
            seen.setdefault(campaign.id, campaign)
    return sorted(seen.values(), key=lambda c: c.id, reverse=True)


async def campaign_figures(
    uow: UnitOfWork, actor: Person, campaign_id: int
) -> tuple[Campaign, Figures]:
    """Marketers and admins: everyone; team leads: their own team only."""
    campaign = await _load(uow, campaign_id)
    only_team: int | None = None
    if not can(actor, Action.MANAGE_CAMPAIGNS):
        if not can(actor, Action.VIEW_TEAM_FIGURES) or actor.team_id is None:
            raise Forbidden()
        only_team = actor.team_id
    statuses = await uow.outbox.statuses(ANNOUNCE, campaign.id, "announce")
    acked = await uow.campaigns.acknowledged_by(campaign.id)
    people = await uow.people.many(list(statuses))
    rows = [(p, statuses[p.id], p.id in acked) for p in people]
    result = figures(rows, only_team=only_team)
    if only_team is not None and result.total.recipients == 0:
        raise Forbidden()
    return campaign, result


async def announce_change(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    note: str,
    *,
    now: datetime,
    cancel: bool = False,
) -> tuple[Campaign, int]:
    """Send an update (or the cancellation) to everyone who got the announcement, and refresh
    their original message to show the current state. Returns the campaign and how many."""
    campaign = await _editable(uow, actor, campaign_id)
    text = clean_text(note, limit=NOTE_MAX)
    if campaign.status is Status.DRAFT:
        raise InvalidInput("error-not-sent-yet")
    statuses = await uow.outbox.statuses(ANNOUNCE, campaign.id, "announce")
    sent = [pid for pid, status in statuses.items() if status == "sent"]
    number = campaign.revision + 1
    await uow.campaigns.add_update(
        campaign.id,
        number=number,
        kind="cancellation" if cancel else "update",
        note=text,
        by=actor.id,
        at=now,
    )
    changes: dict[str, object] = {"revision": number}
    if cancel:
        changes.update(status=Status.CANCELLED, cancelled_at=now)
        for kind in (ANNOUNCE, REMIND, ESCALATE, REPORT):
            await uow.outbox.withdraw(kind, campaign.id)
    await _save(uow, actor, campaign.with_(**changes), "cancel" if cancel else "update", now)
    people = await uow.people.many(sent)
    items = [Outgoing(p.id, p.telegram_id, now) for p in people]
    await uow.outbox.enqueue(CANCEL if cancel else UPDATE, campaign.id, f"update:{number}", items)
    await uow.outbox.enqueue(REFRESH, campaign.id, f"refresh:{number}", items)
    return await _load(uow, campaign.id), len(items)


async def queue_delivery_report(
    uow: UnitOfWork, kind: str, ref_id: int, batch: str, now: datetime
) -> bool:
    """An announcement has reached everyone it could: its creator gets the delivery report
    (who got it, who could not be reached). Enqueued idempotently, once per batch."""
    if kind != ANNOUNCE:
        return False
    campaign = await uow.campaigns.get(ref_id)
    marketer = await uow.people.get(campaign.created_by) if campaign else None
    if marketer is None or not marketer.active:
        return False
    await uow.outbox.enqueue(
        REPORT, ref_id, batch, [Outgoing(marketer.id, marketer.telegram_id, now)]
    )
    return True
