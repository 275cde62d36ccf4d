"""Multi-step flows: the typed state of the step a person is on.

A person has at most one open flow (the campaign wizard, a question being typed, a briefing
answer …). Its state is a small frozen dataclass declared by the feature, with a ``kind`` that
names it in storage; the feature's use cases decide the transitions and save the next state in
the same unit of work as the change the step records, so a step and its effect are never out
of step. Storage keeps the state as JSON (``storage/flows.py``), so a restart, or a person who
walks away, continues where they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Protocol, TypeVar


class FlowState(Protocol):
    """What every flow state has: the name it is stored under."""

    kind: ClassVar[str]


S = TypeVar("S", bound=FlowState)


def as_state(state: FlowState | None, cls: type[S]) -> S | None:
    """``state`` if it is a ``cls``, else None (the person is in another flow, or none)."""
    return state if isinstance(state, cls) else None


class FlowRepo(Protocol):
    """Each person's one open multi-step flow, as a typed state."""

    async def get(self, person_id: int) -> FlowState | None:
        """The open flow, or None (also for a state this version of the bot cannot read)."""
        ...

    async def save(self, person_id: int, state: FlowState, *, now: datetime) -> None: ...
    async def delete(self, person_id: int) -> bool: ...


async def begin(
    flows: FlowRepo, person_id: int, state: FlowState, *, now: datetime
) -> FlowState | None:
    """Make ``state`` the person's open flow (a person has one; a new one replaces the old)
    and return the flow it replaced, if any, so the person can be told what they left."""
    previous = await flows.get(person_id)
    await flows.save(person_id, state, now=now)
    return previous


async def current(flows: FlowRepo, person_id: int, cls: type[S]) -> S | None:
    """The person's open flow if it is a ``cls``."""
    return as_state(await flows.get(person_id), cls)


@dataclass(frozen=True, slots=True)
class LostFlow:
    """A stored flow this version of the bot cannot continue (a state from an older release,
    or one whose fields changed): the person is told the step was lost, rather than stuck."""

    kind: ClassVar[str] = "lost"
    stored_kind: str
