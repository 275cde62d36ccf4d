"""What the outbox sends about campaigns: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; each composer makes every decision
(status, acknowledged or not, role, what changed) and returns a typed value, or a ``Skip``
saying why there is nothing to send any more (the row is recorded skipped with that reason).
``handlers/campaigns/notices.py`` renders the values in the recipient's language.

When each kind is no longer worth sending (a row may come due late: the bot was down):

- the announcement: once the campaign is cancelled or back to a draft — never for being
  late, since it is how its recipients learn of the campaign;
- a reminder: once the person acknowledged, the campaign is cancelled, or it is past its
  use on the person's date (the day-before-launch rung from the launch day on, any other
  after the launch day);
- a team lead's alert: once nobody in the team is waiting, the campaign is cancelled, the
  person is no longer a lead, or the launch day is over on the lead's date;
- an update, the cancellation, a refresh (also the FAQ button's count of open questions) or
  a report (after the announcement, and after every update and cancellation): only when
  there is nothing to say or nobody to say it to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.counts import is_count_batch
from domain.campaigns.figures import TeamFigures
from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH, CANCEL, REPORT, UPDATE, rung_number
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import Announcement, announcement_for
from domain.campaigns.reports import delivery_figures, note_figures
from domain.campaigns.versions import Note
from domain.people import away
from domain.people.model import Person, Role
from domain.ports import INACTIVE, DueDelivery, Outgoing, Skip, UnitOfWork, active_recipient
from domain.timezones import local_today

# Why a queued campaign message is not sent (recorded with the row).
GONE = Skip("gone")  # the campaign was deleted
CANCELLED = Skip("campaign-cancelled")
NOT_ANNOUNCED = Skip("not-announced")  # unscheduled back to a draft, or not out yet
ACKNOWLEDGED = Skip("acknowledged")
NOT_A_LEAD = Skip("not-a-team-lead")
ALL_ACKNOWLEDGED = Skip("all-acknowledged")
NO_NOTE = Skip("no-such-note")
NOT_RECEIVED = Skip("not-received")  # the announcement to edit never went out
AFTER_LAUNCH = Skip("after-launch")  # a pre-launch reminder or alert that came too late


@dataclass(frozen=True, slots=True)
class Refresh:
    """The original announcement (message ``message_id``), edited to the current state;
    ``buttons_only``: for the FAQ button's count of open questions, its text as it was."""

    announcement: Announcement
    message_id: int
    buttons_only: bool = False

    @property
    def recipient(self) -> Person:
        return self.announcement.recipient


@dataclass(frozen=True, slots=True)
class CampaignReminder:
    recipient: Person
    campaign: Campaign


@dataclass(frozen=True, slots=True)
class Escalation:
    """To a team lead: the people of their team still waiting, after the last reminder."""

    recipient: Person
    campaign: Campaign
    waiting: tuple[Person, ...]


@dataclass(frozen=True, slots=True)
class ChangeNotice:
    """An update, or the cancellation, to someone who got the announcement."""

    recipient: Person
    campaign: Campaign
    note: Note


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """To the campaign's creator, once the announcement has reached everyone it could; to
    the author of an update or the cancellation (``note``), once that has."""

    recipient: Person
    campaign: Campaign
    total: TeamFigures
    note: Note | None = None


async def _loaded(uow: UnitOfWork, due: DueDelivery) -> tuple[Campaign, Person] | Skip:
    """The row's campaign and its (active) recipient, or why not."""
    campaign = await uow.campaigns.get(due.ref_id)
    if campaign is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    return campaign, person


def _not_out(campaign: Campaign) -> Skip:
    return CANCELLED if campaign.status is Status.CANCELLED else NOT_ANNOUNCED


async def announcement(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Announcement | Skip:
    """The announcement, while the campaign is scheduled or announced. The first scheduled
    one to go out marks the campaign announced. One that comes due late (the bot was down)
    still goes, even after launch: it is how its recipients learn of the campaign at all."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    campaign, person = loaded
    if campaign.status not in (Status.SCHEDULED, Status.ANNOUNCED):
        return _not_out(campaign)
    if campaign.status is Status.SCHEDULED:
        campaign = campaign.with_(status=Status.ANNOUNCED, announced_at=now).as_sent()
        await uow.campaigns.save(campaign, now=now)
    return await announcement_for(uow, campaign, person, now)


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> CampaignReminder | Skip:
    """Only while the campaign is announced, only to someone who has not acknowledged, and
    never late: the day-before-launch rung not from the launch day on, any other not after
    the launch day (in the person's zone; the bot was down, say)."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    campaign, person = loaded
    if campaign.status is not Status.ANNOUNCED:
        return _not_out(campaign)
    if await uow.campaigns.acknowledged_at(campaign.id, person.id) is not None:
        return ACKNOWLEDGED
    number = rung_number(due.batch)
    rule = campaign.rung_rule(number) if number is not None else None
    if campaign.reminder_outdated(rule, local_today(now, person.timezone)):
        return AFTER_LAUNCH
    if await away.away_now(uow, person, now):
        return away.AWAY
    return CampaignReminder(person, campaign)


async def escalation(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Escalation | Skip:
    """To a team lead, while the campaign is announced and someone in their team it reached
    still has not acknowledged it — and not after the launch day (in the lead's zone)."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    campaign, lead = loaded
    if campaign.status is not Status.ANNOUNCED:
        return _not_out(campaign)
    if Role.TEAM_LEAD not in lead.roles or lead.team_id is None:
        return NOT_A_LEAD
    if campaign.escalation_outdated(local_today(now, lead.timezone)):
        return AFTER_LAUNCH
    if await away.away_now(uow, lead, now):
        return away.AWAY
    team = await delivery_figures(uow, campaign.id, only_team=lead.team_id)
    waiting = team.total.not_acknowledged
    return Escalation(lead, campaign, waiting) if waiting else ALL_ACKNOWLEDGED


async def change(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ChangeNotice | Skip:
    """Update (or cancellation) number N, from the row's batch ``update:N``."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    campaign, person = loaded
    _, _, number = due.batch.partition(":")
    note = await uow.campaigns.note(campaign.id, int(number)) if number.isdigit() else None
    return ChangeNotice(person, campaign, note) if note is not None else NO_NOTE


async def refresh(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Refresh | Skip:
    """The person's original announcement, edited to show the current state (if it was
    sent: the edit needs its message)."""
    campaign = await uow.campaigns.get(due.ref_id)
    if campaign is None:
        return GONE
    person = await uow.people.get(due.person_id)
    if person is None:
        return INACTIVE
    message_id = await uow.outbox.message_id(ANNOUNCE, campaign.id, ANNOUNCE_BATCH, person.id)
    if message_id is None:
        return NOT_RECEIVED
    buttons_only = is_count_batch(due.batch)
    if buttons_only and campaign.status is Status.CANCELLED:
        return CANCELLED  # a cancelled announcement has no buttons to count on
    announcement = await announcement_for(uow, campaign, person, now)
    return Refresh(announcement, message_id, buttons_only=buttons_only)


async def delivery_report(
    uow: UnitOfWork, due: DueDelivery, now: datetime
) -> DeliveryReport | Skip:
    """Who got it and who could not be reached, for the campaign's creator."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    campaign, author = loaded
    number = _note_number(due.batch)
    if number is None:
        result = await delivery_figures(uow, campaign.id)
        return DeliveryReport(author, campaign, result.total)
    note = await uow.campaigns.note(campaign.id, number)
    if note is None:
        return NO_NOTE
    return DeliveryReport(
        author, campaign, (await note_figures(uow, campaign.id, note)).total, note
    )


def _note_number(batch: str) -> int | None:
    """The number of the update a batch ``update:<n>`` carries (None for another batch)."""
    prefix, _, number = batch.partition(":")
    return int(number) if prefix == "update" and number.isdigit() else None


async def queue_delivery_report(
    uow: UnitOfWork, kind: str, ref_id: int, batch: str, now: datetime
) -> bool:
    """An announcement has reached everyone it could: its creator gets the delivery report;
    an update or the cancellation: its author does. Enqueued idempotently, once per batch."""
    if kind not in (ANNOUNCE, UPDATE, CANCEL):
        return False
    campaign = await uow.campaigns.get(ref_id)
    if campaign is None:
        return False
    author_id = campaign.created_by
    number = _note_number(batch)
    if kind != ANNOUNCE:
        note = await uow.campaigns.note(ref_id, number) if number is not None else None
        if note is None:
            return False
        author_id = note.by if note.by is not None else author_id
    author = await uow.people.get(author_id)
    if author is None or not author.active:
        return False
    await uow.outbox.enqueue(REPORT, ref_id, batch, [Outgoing(author.id, author.telegram_id, now)])
    return True
