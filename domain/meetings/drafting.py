"""Drafting a meeting: the organiser's step-by-step wizard, saved at every step.

The step the organiser is on is a :class:`Drafting` flow state saved with the change each step
records, so ``/cancel``, walking away or a restart lose nothing: **Continue** on the draft's
card picks up at the first missing step. Bad input raises and the flow stays on its step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access as campaign_access
from domain.campaigns.audience import picked_region
from domain.campaigns.model import Status as CampaignStatus
from domain.campaigns.model import clean_text
from domain.dates import parse_local_datetime
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.meetings import access
from domain.meetings.flows import TYPED, Drafting, Step
from domain.meetings.model import (
    DURATIONS,
    MAX_PEOPLE,
    MAX_SLOTS,
    MAX_TOPICS,
    MIN_SLOTS,
    REMINDER_PRESETS,
    TOPIC_MAX,
    Kind,
    Meeting,
    Recurrence,
    Status,
    TopicSource,
    check_deadline,
    check_future,
    check_series,
    clean_duration,
    clean_place,
    clean_title,
    parse_repeat_end,
)
from domain.meetings.queries import (
    DraftCard,
    ParticipantsChoice,
    draft_card_of,
    participants_choice,
)
from domain.people.model import Person, Role
from domain.permissions import Action, require
from domain.ports import UnitOfWork
from domain.questions.model import queue_order
from domain.timezones import from_local, local_today, to_local

FOUND_MAX = 8  # people shown for a typed name
PRESENTATION_QUESTIONS = 10
PRESENTATION_COMMENTS = 5
LOW_RATING = 3  # feedback comments rated this or lower go on a presentation's agenda


@dataclass(frozen=True, slots=True)
class Prompt:
    """A step to ask for, with what it shows (the picker, the slots so far, people found)."""

    state: Drafting
    meeting: Meeting
    choice: ParticipantsChoice | None = None
    slots: tuple[datetime, ...] = ()
    found: tuple[Person, ...] = ()
    campaigns: tuple[tuple[int, str], ...] = ()  # presentations: (id, name) to link


@dataclass(frozen=True, slots=True)
class Asked:
    prompt: Prompt
    previous: FlowState | None


Result = Asked | DraftCard


async def _prompt(uow: UnitOfWork, state: Drafting, meeting: Meeting) -> Prompt:
    if state.step in (Step.PARTICIPANTS, Step.PEOPLE):
        choice = await participants_choice(uow, meeting, position=state.position)
        return Prompt(state, meeting, choice=choice)
    if state.step in (Step.SLOTS, Step.DEADLINE):
        slots = tuple(s.starts_at for s in await uow.meetings.slots(meeting.id))
        return Prompt(state, meeting, slots=slots)
    return Prompt(state, meeting)


async def _ask(uow: UnitOfWork, actor: Person, state: Drafting, now: datetime) -> Asked:
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    meeting = await access.load(uow, state.meeting_id)
    return Asked(await _prompt(uow, state, meeting), previous)


async def _advance(
    uow: UnitOfWork, actor: Person, state: Drafting, done: Step, now: datetime
) -> Result:
    """After ``done``: the wizard's next step, or the card when one field was edited."""
    following = state.after(done)
    if following is not None:
        return await _ask(uow, actor, following, now)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, await access.load(uow, state.meeting_id))


async def _draft(uow: UnitOfWork, actor: Person, meeting_id: int) -> Meeting:
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_draft()
    return meeting


async def _state(uow: UnitOfWork, actor: Person, meeting_id: int, step: Step) -> Drafting:
    """The open wizard step on ``meeting_id`` if it is ``step``, else that step alone."""
    state = await flows.current(uow.flows, actor.id, Drafting)
    if state is not None and state.meeting_id == meeting_id:
        return state.to(step)
    return Drafting(meeting_id, step)


# --- starting ------------------------------------------------------------------------------


def _new(actor: Person, now: datetime, **fields: object) -> Meeting:
    return Meeting(
        id=0,
        organiser_id=actor.id,
        title="",
        kind=Kind.OTHER,
        status=Status.DRAFT,
        zone=actor.timezone,
        created_at=now,
    ).with_(**fields)


async def start(uow: UnitOfWork, *, actor: Person, now: datetime) -> Asked:
    """/newmeeting: a new draft, and the wizard's first step."""
    require(actor, Action.SCHEDULE_MEETINGS)
    meeting = await uow.meetings.add(_new(actor, now))
    await access.audit(uow, actor, meeting.id, "create", now)
    return await _ask(uow, actor, Drafting(meeting.id, Step.TITLE, wizard=True), now)


async def _link_campaign(
    uow: UnitOfWork, actor: Person, meeting: Meeting, campaign_id: int, now: datetime
) -> Meeting:
    """A presentation of the campaign: its audience, and an agenda pre-filled with its open
    questions (most "me too" first) and its lowest-rated field feedback comments."""
    campaign = await campaign_access.load(uow, campaign_id)
    if campaign.status is CampaignStatus.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    linked = meeting.with_(
        kind=Kind.PRESENTATION,
        campaign_id=campaign.id,
        title=meeting.title or campaign.name,
        audience=meeting.audience if not meeting.audience.is_empty else campaign.audience,
    )
    saved = await access.save(uow, actor, linked, "link_campaign", now)
    for question in queue_order(await uow.questions.open_questions(campaign.id))[
        :PRESENTATION_QUESTIONS
    ]:
        if question.text:
            await uow.meetings.add_topic(
                saved.id,
                question.text[:TOPIC_MAX],
                source=TopicSource.QUESTION,
                added_by=None,
                at=now,
            )
    rated = sorted(
        (f for f in await uow.feedback.for_campaign(campaign.id) if f.comment),
        key=lambda f: (f.rating, f.id),
    )
    for item in [f for f in rated if f.rating <= LOW_RATING][:PRESENTATION_COMMENTS]:
        assert item.comment is not None
        await uow.meetings.add_topic(
            saved.id, item.comment[:TOPIC_MAX], source=TopicSource.FEEDBACK, added_by=None, at=now
        )
    return saved


async def start_presentation(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Asked:
    """**Schedule the presentation** on a campaign's card: a presentation draft, titled and
    addressed like the campaign, its agenda pre-filled; the wizard asks when."""
    require(actor, Action.SCHEDULE_MEETINGS)
    await campaign_access.load(uow, campaign_id)
    meeting = await uow.meetings.add(_new(actor, now))
    await access.audit(uow, actor, meeting.id, "create", now)
    await _link_campaign(uow, actor, meeting, campaign_id, now)
    return await _ask(uow, actor, Drafting(meeting.id, Step.WHEN, wizard=True), now)


def resume_at(meeting: Meeting) -> Drafting:
    step = {"title": Step.TITLE, "time": Step.WHEN, "participants": Step.PARTICIPANTS}
    missing = meeting.missing()
    return Drafting(meeting.id, step[missing[0]] if missing else Step.AGENDA, wizard=True)


async def resume(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """The wizard again, at the first step still missing (Continue)."""
    meeting = await _draft(uow, actor, meeting_id)
    return await _ask(uow, actor, resume_at(meeting), now)


async def ask(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, step: Step, now: datetime
) -> Asked:
    """One field from the draft's card."""
    await _draft(uow, actor, meeting_id)
    return await _ask(uow, actor, Drafting(meeting_id, step), now)


# --- typed steps ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SlotAdded:
    meeting_id: int
    slots: tuple[datetime, ...]
    zone: str


@dataclass(frozen=True, slots=True)
class TopicAdded:
    meeting_id: int
    count: int


@dataclass(frozen=True, slots=True)
class PeopleFound:
    meeting_id: int
    query: str
    found: tuple[Person, ...]


Answered = Result | SlotAdded | TopicAdded | PeopleFound


async def answer(
    uow: UnitOfWork, *, actor: Person, state: Drafting, text: str, now: datetime
) -> Answered:
    """Text typed on a step: record it and move on, or stay on it for more (slots, people,
    topics). Bad input raises and the step stays open."""
    if state.step not in TYPED:
        raise InvalidInput("use-buttons")
    meeting = await _draft(uow, actor, state.meeting_id)
    now_local = to_local(now, actor.timezone)
    step = state.step
    if step is Step.TITLE:
        await access.save(uow, actor, meeting.with_(title=clean_title(text)), "title", now)
        return await _advance(uow, actor, state, Step.TITLE, now)
    if step is Step.TIME:
        typed = parse_local_datetime(text, now_local=now_local)
        starts = check_future(_utc(typed, actor.timezone), now)
        for slot in await uow.meetings.slots(meeting.id):
            await uow.meetings.remove_slot(meeting.id, slot.id)
        changed = meeting.with_(starts_at=starts, poll_deadline=None, zone=actor.timezone)
        await access.save(uow, actor, changed, "time", now)
        return await _advance(uow, actor, state, Step.WHEN, now)
    if step is Step.SLOTS:
        return await _add_slot(uow, actor, meeting, text, now)
    if step is Step.DEADLINE:
        slots = [s.starts_at for s in await uow.meetings.slots(meeting.id)]
        deadline = _utc(parse_local_datetime(text, now_local=now_local), actor.timezone)
        check_deadline(deadline, slots, now)
        changed = meeting.with_(poll_deadline=deadline, starts_at=None, zone=actor.timezone)
        await access.save(uow, actor, changed, "deadline", now)
        return await _advance(uow, actor, state, Step.WHEN, now)
    if step is Step.DURATION:
        changed = meeting.with_(duration=clean_duration(text))
        await access.save(uow, actor, changed, "duration", now)
        return await _advance(uow, actor, state, Step.DURATION, now)
    if step is Step.PLACE:
        await access.save(uow, actor, meeting.with_(place=clean_place(text)), "place", now)
        return await _advance(uow, actor, state, Step.PLACE, now)
    if step is Step.REPEAT_END:
        until, count = parse_repeat_end(text, today=local_today(now, actor.timezone))
        first = await _first_moment(uow, meeting)
        if first is not None:
            check_series(meeting.recurrence, first, meeting.zone, until=until, count=count)
        changed = meeting.with_(repeat_until=until, repeat_count=count)
        await access.save(uow, actor, changed, "repeat", now)
        return await _advance(uow, actor, state, Step.REPEAT, now)
    if step is Step.PEOPLE:
        return await _find_people(uow, meeting, text)
    return await _add_topic(uow, actor, meeting, text, now)


def _utc(wall_clock: datetime, zone: str) -> datetime:
    return from_local(wall_clock, zone)


async def _first_moment(uow: UnitOfWork, meeting: Meeting) -> datetime | None:
    if meeting.starts_at is not None:
        return meeting.starts_at
    slots = await uow.meetings.slots(meeting.id)
    return slots[0].starts_at if slots else None


async def _add_slot(
    uow: UnitOfWork, actor: Person, meeting: Meeting, text: str, now: datetime
) -> SlotAdded:
    existing = await uow.meetings.slots(meeting.id)
    if len(existing) >= MAX_SLOTS:
        raise InvalidInput("error-poll-too-many", maximum=MAX_SLOTS)
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    moment = check_future(_utc(typed, actor.timezone), now)
    if any(s.starts_at == moment for s in existing):
        raise InvalidInput("error-poll-slot-twice")
    await uow.meetings.add_slot(meeting.id, moment)
    await access.save(uow, actor, meeting.with_(starts_at=None, zone=actor.timezone), "slot", now)
    slots = tuple(s.starts_at for s in await uow.meetings.slots(meeting.id))
    return SlotAdded(meeting.id, slots, actor.timezone)


async def _find_people(uow: UnitOfWork, meeting: Meeting, text: str) -> PeopleFound:
    query = " ".join(text.split()).casefold()
    if len(query) < 2:
        raise InvalidInput("error-meeting-name-short")
    found = [
        p
        for p in await uow.people.active()
        if query in p.full_name.casefold() or query == (p.username or "").casefold()
    ]
    found.sort(key=lambda p: p.full_name.casefold())
    return PeopleFound(meeting.id, text.strip(), tuple(found[:FOUND_MAX]))


async def _add_topic(
    uow: UnitOfWork, actor: Person, meeting: Meeting, text: str, now: datetime
) -> TopicAdded:
    topics = await uow.meetings.topics(meeting.id)
    if len(topics) >= MAX_TOPICS:
        raise InvalidInput("error-agenda-full", limit=MAX_TOPICS)
    await uow.meetings.add_topic(
        meeting.id,
        clean_text(text, limit=TOPIC_MAX),
        source=TopicSource.ORGANISER,
        added_by=actor.id,
        at=now,
    )
    return TopicAdded(meeting.id, len(topics) + 1)


async def add_topics(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, texts: Sequence[str], now: datetime
) -> int:
    """Topics the organiser prepared elsewhere (the KPIs' draft agenda), added to a sent
    meeting's agenda in order, as many as it still holds; how many were added. Participants
    see them with the next reminder."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_changeable(now)
    room = MAX_TOPICS - len(await uow.meetings.topics(meeting.id))
    added = 0
    for text in [t.strip()[:TOPIC_MAX] for t in texts if t.strip()][: max(room, 0)]:
        await uow.meetings.add_topic(
            meeting.id, text, source=TopicSource.ORGANISER, added_by=actor.id, at=now
        )
        added += 1
    await access.audit(uow, actor, meeting.id, "add_topics", now)
    return added


# --- button steps --------------------------------------------------------------------------


async def choose_kind(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, kind: Kind, now: datetime
) -> Result | Asked:
    """The kind; a presentation then asks which campaign it presents."""
    meeting = await _draft(uow, actor, meeting_id)
    state = await _state(uow, actor, meeting_id, Step.KIND)
    if kind is Kind.PRESENTATION and meeting.campaign_id is None:
        campaigns = tuple(
            (c.id, c.name) for c in await uow.campaigns.all(include_cancelled=False) if c.name
        )[:10]
        if not campaigns:
            raise InvalidInput("error-meeting-no-campaigns")
        await access.save(uow, actor, meeting.with_(kind=kind), "kind", now)
        previous = await flows.begin(uow.flows, actor.id, state, now=now)
        prompt = Prompt(state, await access.load(uow, meeting_id), campaigns=campaigns)
        return Asked(prompt, previous)
    changed = meeting.with_(
        kind=kind, campaign_id=meeting.campaign_id if kind is Kind.PRESENTATION else None
    )
    await access.save(uow, actor, changed, "kind", now)
    return await _advance(uow, actor, state, Step.KIND, now)


async def choose_campaign(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, campaign_id: int, now: datetime
) -> Result:
    meeting = await _draft(uow, actor, meeting_id)
    if await uow.campaigns.get(campaign_id) is None:
        raise NotFound()
    await _link_campaign(uow, actor, meeting, campaign_id, now)
    state = await _state(uow, actor, meeting_id, Step.KIND)
    return await _advance(uow, actor, state, Step.KIND, now)


async def choose_when(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, poll: bool, now: datetime
) -> Asked:
    """A typed time, or a poll of candidate slots."""
    await _draft(uow, actor, meeting_id)
    state = await _state(uow, actor, meeting_id, Step.SLOTS if poll else Step.TIME)
    return await _ask(uow, actor, state, now)


async def finish_slots(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """Done with the slots: at least two; then the vote's deadline."""
    await _draft(uow, actor, meeting_id)
    if len(await uow.meetings.slots(meeting_id)) < MIN_SLOTS:
        raise InvalidInput("error-poll-too-few", minimum=MIN_SLOTS)
    state = await _state(uow, actor, meeting_id, Step.DEADLINE)
    return await _ask(uow, actor, state, now)


async def choose_duration(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, minutes: int, now: datetime
) -> Result:
    meeting = await _draft(uow, actor, meeting_id)
    if minutes not in DURATIONS:
        raise InvalidInput()
    await access.save(uow, actor, meeting.with_(duration=minutes), "duration", now)
    state = await _state(uow, actor, meeting_id, Step.DURATION)
    return await _advance(uow, actor, state, Step.DURATION, now)


async def skip_place(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Result:
    meeting = await _draft(uow, actor, meeting_id)
    await access.save(uow, actor, meeting.with_(place=""), "place", now)
    state = await _state(uow, actor, meeting_id, Step.PLACE)
    return await _advance(uow, actor, state, Step.PLACE, now)


async def choose_repeat(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, recurrence: Recurrence, now: datetime
) -> Result | Asked:
    """No recurrence moves on; weekly or fortnightly asks when the series ends."""
    meeting = await _draft(uow, actor, meeting_id)
    changed = meeting.with_(recurrence=recurrence, repeat_until=None, repeat_count=None)
    await access.save(uow, actor, changed, "recurrence", now)
    if recurrence is Recurrence.NONE:
        state = await _state(uow, actor, meeting_id, Step.REPEAT)
        return await _advance(uow, actor, state, Step.REPEAT, now)
    state = await _state(uow, actor, meeting_id, Step.REPEAT_END)
    return await _ask(uow, actor, state, now)


async def toggle_participants(
    uow: UnitOfWork,
    *,
    actor: Person,
    meeting_id: int,
    now: datetime,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
    person_id: int | None = None,
    region_of: int | None = None,
) -> ParticipantsChoice:
    """Tick or untick all reps, a team, a role, a region's teams or a named person (none of
    them: the picker as it stands, its roles opened under "more")."""
    meeting = await _draft(uow, actor, meeting_id)
    people = meeting.people
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    audience = meeting.audience.toggled(
        all_reps=all_reps, team_id=team_id, role=role, region=await picked_region(uow, region_of)
    )
    if person_id is not None:
        person = await uow.people.get(person_id)
        if person is None or not person.active:
            raise NotFound()
        people = people ^ {person_id}
        if len(people) > MAX_PEOPLE:
            raise InvalidInput("error-meeting-people-max", limit=MAX_PEOPLE)
    saved = meeting
    if (audience, people) != (meeting.audience, meeting.people):
        saved = await access.save(
            uow, actor, meeting.with_(audience=audience, people=people), "participants", now
        )
    state = await flows.current(uow.flows, actor.id, Drafting)
    position = state.position if state is not None and state.meeting_id == meeting_id else None
    return await participants_choice(uow, saved, position=position)


async def find_people(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """➕ People: waiting for a name to look for."""
    await _draft(uow, actor, meeting_id)
    state = await _state(uow, actor, meeting_id, Step.PEOPLE)
    return await _ask(uow, actor, state, now)


async def finish_participants(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> Result:
    meeting = await _draft(uow, actor, meeting_id)
    if meeting.audience_is_empty:
        raise InvalidInput("error-meeting-no-participants")
    state = await _state(uow, actor, meeting_id, Step.PARTICIPANTS)
    return await _advance(uow, actor, state, Step.PARTICIPANTS, now)


async def finish_agenda(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> DraftCard:
    meeting = await _draft(uow, actor, meeting_id)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, meeting)


async def set_reminders(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, preset: str, now: datetime
) -> Meeting:
    """24 h and 1 h, one of them, or none: for this meeting (and a series' next ones)."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_open()
    if preset not in REMINDER_PRESETS:
        raise InvalidInput()
    return await access.save(
        uow, actor, meeting.with_(reminders=REMINDER_PRESETS[preset]), "reminders", now
    )


async def card(uow: UnitOfWork, *, actor: Person, meeting_id: int) -> DraftCard:
    meeting = await _draft(uow, actor, meeting_id)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, meeting)


async def discard(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> None:
    meeting = await _draft(uow, actor, meeting_id)
    await uow.meetings.delete_draft(meeting.id)
    await access.audit(uow, actor, meeting.id, "discard", now)
    await uow.flows.delete(actor.id)
