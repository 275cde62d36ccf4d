"""The agenda that writes itself: 24 hours before each occurrence of a recurring joint
meeting, its organiser gets a draft agenda built from the data — the shared indicators and
the biggest changes since the last occurrence, disputes awaiting a verdict and overturned
this week, the open questions with most "me too", the lowest-rated feedback and overdue
action items. They keep, drop or move items up with buttons and send it: the kept items join
the meeting's agenda (through the meetings feature's own use case), so participants get them
with the reminder.

A sweep decides at run time which meetings are due; the draft is stored once per occurrence
and its message queued under one key, so it is made and sent once, across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.errors import InvalidInput, NotFound
from domain.kpis.indicators import Measure
from domain.kpis.periods import Period, Window, week_of
from domain.kpis.records import AgendaDraft, AgendaItem, AgendaStatus, Arg, ItemKind
from domain.kpis.scopes import resolve
from domain.kpis.scorecard import card_for
from domain.meetings import access as meeting_access
from domain.meetings.drafting import add_topics
from domain.meetings.model import Meeting, Status
from domain.meetings.queries import previous_occurrence
from domain.people.model import Person
from domain.ports import DueDelivery, Outgoing, Skip, UnitOfWork, active_recipient
from domain.timezones import local_today

KIND = "kpi.agenda"
BATCH = "draft"
LEAD_TIME = timedelta(hours=24)
DEFAULT_SPAN = timedelta(days=7)  # "since the last occurrence" for a series' first one
TOP_QUESTIONS = 3
LOW_RATINGS = 3
OVERDUE = 5
OVERTURNED = 3

GONE = Skip("gone")
NOT_SCHEDULED = Skip("not-scheduled")
STARTED = Skip("meeting-started")
SENT = Skip("agenda-sent")


def is_joint_series(meeting: Meeting) -> bool:
    """The meetings that get a draft agenda: a recurring meeting, scheduled."""
    return meeting.is_series and meeting.status is Status.SCHEDULED


def _args(**values: Arg) -> tuple[tuple[str, Arg], ...]:
    return tuple(values.items())


def _pct(value: float | None) -> int | None:
    return None if value is None else round(100 * value)


async def build(
    uow: UnitOfWork, meeting: Meeting, organiser: Person, now: datetime
) -> tuple[AgendaItem, ...]:
    """The draft's items, in the organiser's scope, from the data as it is ``now``."""
    assert meeting.starts_at is not None
    teams = list(await uow.teams.all())
    scope = resolve(organiser, None, teams)
    last = await previous_occurrence(uow, meeting)
    since = last.starts_at if last is not None and last.starts_at is not None else None
    start = since if since is not None and since < now else now - DEFAULT_SPAN
    tz = organiser.timezone
    window = Window(start, now, local_today(start, tz), local_today(now, tz))
    before = Window(
        start - (now - start), start, local_today(start - (now - start), tz), local_today(start, tz)
    )
    card = await card_for(uow, organiser, scope, Period.LAST_WEEK, window, before, teams, now)
    items: list[AgendaItem] = [
        AgendaItem(
            ItemKind.INDICATOR,
            _args(
                measure=measure.value,
                now=_pct(card.main.now.value(measure)),
                before=_pct(card.main.before.value(measure)),
            ),
        )
        for measure in (Measure.QUALITY, Measure.HANDLING)
    ]
    for moved in card.biggest_changes():
        if moved.team is None and moved.measure in (Measure.QUALITY, Measure.HANDLING):
            continue  # already said above
        items.append(
            AgendaItem(
                ItemKind.CHANGE,
                _args(
                    measure=moved.measure.value,
                    team=moved.team,
                    now=moved.change.now,
                    before=moved.change.before,
                ),
            )
        )
    kpis = uow.kpis
    waiting = await kpis.disputes_waiting(scope.main)
    if waiting:
        items.append(AgendaItem(ItemKind.DISPUTES_WAITING, _args(count=waiting)))
    this_week = week_of(local_today(now, tz), tz)
    for dispute in await kpis.overturned(this_week, scope.main, OVERTURNED):
        items.append(
            AgendaItem(ItemKind.OVERTURNED, _args(lead=dispute.lead, clause=dispute.clause))
        )
    for question in await kpis.top_questions(scope.main, TOP_QUESTIONS):
        items.append(
            AgendaItem(
                ItemKind.QUESTION,
                _args(text=question.text[:300], votes=question.votes, campaign=question.campaign),
            )
        )
    for rating in await kpis.lowest_ratings(window, scope.main, LOW_RATINGS):
        items.append(
            AgendaItem(
                ItemKind.FEEDBACK,
                _args(rating=rating.rating, comment=rating.comment[:300], campaign=rating.campaign),
            )
        )
    for action in await kpis.overdue_actions(scope.main, local_today(now, tz), OVERDUE):
        items.append(
            AgendaItem(
                ItemKind.ACTION,
                _args(text=action.text[:300], owner=action.owner, due=action.due.isoformat()),
            )
        )
    return tuple(items)


async def draft_due(uow: UnitOfWork, now: datetime) -> int:
    """Sweep: a draft agenda for every recurring meeting starting within 24 hours that has
    none yet, queued to its organiser (outside their quiet hours); how many were drafted."""
    meetings = [
        m
        for m in await uow.meetings.scheduled_between(now, now + LEAD_TIME + timedelta(seconds=1))
        if is_joint_series(m)
    ]
    done = await uow.kpis.agendas_of([m.id for m in meetings])
    drafted = 0
    for meeting in meetings:
        if meeting.id in done:
            continue
        organiser = await uow.people.get(meeting.organiser_id)
        if organiser is None or not organiser.active:
            continue
        items = await build(uow, meeting, organiser, now)
        await uow.kpis.save_agenda(AgendaDraft(meeting.id, items, AgendaStatus.DRAFT, now))
        moment = now
        if organiser.quiet_hours is not None:
            moment = organiser.quiet_hours.next_allowed(now, organiser.timezone)
        await uow.outbox.enqueue(
            KIND, meeting.id, BATCH, [Outgoing(organiser.id, organiser.telegram_id, moment)]
        )
        drafted += 1
    return drafted


@dataclass(frozen=True, slots=True)
class AgendaView:
    """The draft as its organiser edits it."""

    recipient: Person
    meeting: Meeting
    draft: AgendaDraft
    added: int = 0  # sent: how many items joined the meeting's agenda


async def compose(uow: UnitOfWork, due: DueDelivery, now: datetime) -> AgendaView | Skip:
    """The draft to its organiser while the meeting is ahead and the draft unsent."""
    meeting = await uow.meetings.get(due.ref_id)
    draft = await uow.kpis.agenda(due.ref_id)
    if meeting is None or draft is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if meeting.status is not Status.SCHEDULED:
        return NOT_SCHEDULED
    if meeting.has_started(now):
        return STARTED
    if draft.status is AgendaStatus.SENT:
        return SENT
    return AgendaView(person, meeting, draft)


async def _editable(
    uow: UnitOfWork, actor: Person, meeting_id: int, now: datetime
) -> tuple[Meeting, AgendaDraft]:
    meeting = await meeting_access.organised(uow, actor=actor, meeting_id=meeting_id)
    draft = await uow.kpis.agenda(meeting.id)
    if draft is None:
        raise NotFound()
    if draft.status is AgendaStatus.SENT:
        raise InvalidInput("error-kpi-agenda-sent")
    meeting.check_changeable(now)
    return meeting, draft


async def open_agenda(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> AgendaView:
    meeting = await meeting_access.organised(uow, actor=actor, meeting_id=meeting_id)
    draft = await uow.kpis.agenda(meeting.id)
    if draft is None:
        raise NotFound()
    return AgendaView(actor, meeting, draft)


def _item(draft: AgendaDraft, index: int) -> AgendaItem:
    if not 0 <= index < len(draft.items):
        raise NotFound()
    return draft.items[index]


async def toggle(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, index: int, now: datetime
) -> AgendaView:
    """Keep ↔ drop one item."""
    meeting, draft = await _editable(uow, actor, meeting_id, now)
    items = list(draft.items)
    items[index] = _item(draft, index).toggled()
    changed = replace(draft, items=tuple(items))
    await uow.kpis.save_agenda(changed)
    return AgendaView(actor, meeting, changed)


async def move_up(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, index: int, now: datetime
) -> AgendaView:
    """Move one item a place up (the first stays first)."""
    meeting, draft = await _editable(uow, actor, meeting_id, now)
    _item(draft, index)
    items = list(draft.items)
    if index > 0:
        items[index - 1], items[index] = items[index], items[index - 1]
    changed = replace(draft, items=tuple(items))
    await uow.kpis.save_agenda(changed)
    return AgendaView(actor, meeting, changed)


async def send(
    uow: UnitOfWork,
    *,
    actor: Person,
    meeting_id: int,
    texts: Sequence[str],
    now: datetime,
) -> AgendaView:
    """📤 Send: the kept items, as worded for the organiser (``texts``, one per kept item, in
    order), join the meeting's agenda; participants get them with the reminder."""
    meeting, draft = await _editable(uow, actor, meeting_id, now)
    if len(texts) != len(draft.kept):
        raise InvalidInput("error-kpi-agenda-changed")
    added = await add_topics(uow, actor=actor, meeting_id=meeting.id, texts=texts, now=now)
    sent = replace(draft, status=AgendaStatus.SENT, sent_at=now)
    await uow.kpis.save_agenda(sent)
    return AgendaView(actor, meeting, sent, added)
