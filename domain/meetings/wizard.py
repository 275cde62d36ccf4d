"""The organiser's step-by-step wizard for a meeting draft, saved at every step.

The step the organiser is on is a :class:`Drafting` flow state saved with the change each step
records, so ``/cancel``, walking away or a restart lose nothing: **Continue** on the draft's
card picks up at the first missing step. Bad input raises and the flow stays on its step. This
module is the wizard's frame (asking a step, moving on once it is recorded, the draft it works
on); the steps are use cases in :mod:`domain.meetings.drafting` (starting, typed text, the
simple fields, the card), :mod:`domain.meetings.scheduling` (a time or a poll, and a series),
:mod:`domain.meetings.audience` (participants) and :mod:`domain.meetings.presentations` (the
kind, and the campaign a presentation presents).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.flows import FlowState
from domain.meetings import access
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import Kind, Meeting, Status
from domain.meetings.queries import (
    DraftCard,
    ParticipantsChoice,
    draft_card_of,
    participants_choice,
)
from domain.people.model import Person
from domain.ports import UnitOfWork


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


async def ask_step(uow: UnitOfWork, actor: Person, state: Drafting, now: datetime) -> Asked:
    """Put the organiser on ``state``'s step and say what it asks."""
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    meeting = await access.load(uow, state.meeting_id)
    return Asked(await _prompt(uow, state, meeting), previous)


async def advance(
    uow: UnitOfWork, actor: Person, state: Drafting, done: Step, now: datetime
) -> Result:
    """After ``done``: the wizard's next step, or the card when one field was edited."""
    following = state.after(done)
    if following is not None:
        return await ask_step(uow, actor, following, now)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, await access.load(uow, state.meeting_id))


async def load_draft(uow: UnitOfWork, actor: Person, meeting_id: int) -> Meeting:
    """The actor's draft ``meeting_id``: refused when it is not theirs or no longer a draft."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_draft()
    return meeting


async def step_state(uow: UnitOfWork, actor: Person, meeting_id: int, step: Step) -> Drafting:
    """The open wizard step on ``meeting_id`` if it is ``step``, else that step alone."""
    state = await flows.current(uow.flows, actor.id, Drafting)
    if state is not None and state.meeting_id == meeting_id:
        return state.to(step)
    return Drafting(meeting_id, step)


def new_draft(actor: Person, now: datetime, **fields: object) -> Meeting:
    """A draft by ``actor`` (not stored yet), in their zone."""
    return Meeting(
        id=0,
        organiser_id=actor.id,
        title="",
        kind=Kind.OTHER,
        status=Status.DRAFT,
        zone=actor.timezone,
        created_at=now,
    ).with_(**fields)
