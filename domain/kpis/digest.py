"""The weekly digest: last week's scorecard in each person's scope, the trend and the lead
outcomes by source, and the three biggest changes in words.

A sweep decides at run time who is due: the digest's day and time (Monday 09:00 by default,
admins change it) have come in the person's *current* zone this week, they are outside
their quiet hours and not away. It queues one outbox row per person under the week's ISO
number, so each person gets it once a week, whether the bot restarts or the sweep runs
again; a row that waited past its week is skipped, never sent late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from domain.errors import InvalidInput
from domain.kpis.charts import Breakdown, Trend, breakdown_for, trend_for
from domain.kpis.periods import Period, iso_week, previous, week_of
from domain.kpis.ports import Grouping
from domain.kpis.records import DigestSettings
from domain.kpis.scopes import resolve
from domain.kpis.scorecard import Scorecard, card_for
from domain.people.model import Person, is_away
from domain.permissions import Action, require
from domain.ports import AuditEntry, DueDelivery, Outgoing, Skip, UnitOfWork, active_recipient
from domain.timezones import local_today

KIND = "kpi.digest"
REF = 0  # one batch per week for everyone: the row's key is (kind, 0, week, person)
# After downtime the digest still goes out this long after its moment, not later (a digest
# of last week that arrives at the weekend is stale).
CATCH_UP = timedelta(days=3)

WEEK_OVER = Skip("week-over")
AWAY = Skip("away")
OFF = Skip("digest-off")
NOTHING = Skip("nothing-to-report")  # no figure in their scope last week or the week before


def _week_of(person: Person, now: datetime) -> str:
    return iso_week(local_today(now, person.timezone))


def due_moment(settings: DigestSettings, person: Person, now: datetime) -> datetime:
    """This week's digest moment for the person, in their current zone."""
    week = week_of(local_today(now, person.timezone), person.timezone)
    return settings.moment_in(week, person.timezone)


def is_due(settings: DigestSettings, person: Person, now: datetime) -> bool:
    """This week's moment has come in the person's zone, not too long ago, and they were
    with the company then (someone who joins on Tuesday starts with next week's)."""
    moment = due_moment(settings, person, now)
    return person.joined_at <= moment <= now < moment + CATCH_UP


async def queue_due(uow: UnitOfWork, now: datetime) -> int:
    """Sweep: queue this week's digest for everyone whose moment has come, outside their
    quiet hours, who is not away; how many rows were new."""
    settings = await uow.kpis.digest_settings()
    if not settings.enabled:
        return 0
    people = [p for p in await uow.people.active() if is_due(settings, p, now)]
    if not people:
        return 0
    away = await uow.people.away_periods([p.id for p in people], ending_after=now)
    queued = 0
    by_week: dict[str, list[Outgoing]] = {}
    for person in people:
        if (
            person.quiet_hours is not None
            and person.quiet_hours.next_allowed(now, person.timezone) != now
        ):
            continue  # the next sweep after they end queues it
        if is_away([a for a in away if a.person_id == person.id], now):
            continue
        by_week.setdefault(_week_of(person, now), []).append(
            Outgoing(person.id, person.telegram_id, now)
        )
    for batch, items in by_week.items():
        queued_already = await uow.outbox.statuses(KIND, REF, batch)
        fresh = [item for item in items if item.person_id not in queued_already]
        if fresh:
            queued += await uow.outbox.enqueue(KIND, REF, batch, fresh)
    return queued


@dataclass(frozen=True, slots=True)
class Digest:
    recipient: Person
    card: Scorecard
    trend: Trend
    outcomes: Breakdown


async def compose(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Digest | Skip:
    """Last week's figures in the recipient's own scope, while the digest's week lasts."""
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    settings = await uow.kpis.digest_settings()
    if not settings.enabled:
        return OFF
    if due.batch != _week_of(person, now) or now >= due_moment(settings, person, now) + CATCH_UP:
        return WEEK_OVER
    if is_away(await uow.people.away_periods([person.id], ending_after=now), now):
        return AWAY
    teams = list(await uow.teams.all())
    scope = resolve(person, None, teams)
    this_week = week_of(local_today(now, person.timezone), person.timezone)
    window = previous(Period.LAST_WEEK, this_week, person.timezone)
    before = previous(Period.LAST_WEEK, window, person.timezone)
    card = await card_for(uow, person, scope, Period.LAST_WEEK, window, before, teams, now)
    if card.is_empty:
        return NOTHING
    # The trend ends with the week the digest is about, not the one that has just begun.
    trend = await trend_for(uow, person, scope, now - timedelta(days=7))
    outcomes = await breakdown_for(uow, person, scope, Period.LAST_WEEK, Grouping.SOURCE, now)
    return Digest(person, card, trend, outcomes)


# --- settings (admins) ------------------------------------------------------------------------


async def settings(uow: UnitOfWork, *, actor: Person) -> DigestSettings:
    require(actor, Action.CONFIGURE_DIGEST)
    return await uow.kpis.digest_settings()


async def change_settings(
    uow: UnitOfWork,
    *,
    actor: Person,
    now: datetime,
    day: int | None = None,
    at: time | None = None,
    enabled: bool | None = None,
) -> DigestSettings:
    """⚙️ The digest's weekday, local time, or on/off."""
    require(actor, Action.CONFIGURE_DIGEST)
    current = await uow.kpis.digest_settings()
    if day is not None and not 1 <= day <= 7:
        raise InvalidInput()
    changed = DigestSettings(
        day if day is not None else current.day,
        at if at is not None else current.at,
        enabled if enabled is not None else current.enabled,
    )
    await uow.kpis.save_digest_settings(changed, by=actor.id, now=now)
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "kpi.digest_settings",
            "kpi_settings",
            1,
            now,
            {"day": changed.day, "at": changed.at.strftime("%H:%M"), "on": changed.enabled},
        )
    )
    return changed
