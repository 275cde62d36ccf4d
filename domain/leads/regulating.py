"""/regulation: read the current version (everyone), read earlier ones, and — admins and
analysts — edit a draft of the next version and publish it.

Publishing sends the summary of changes to every rep, team lead and marketer with a one-tap
acknowledgement, and the figures of who has read it are the campaigns' acknowledgement
figures (:func:`domain.campaigns.figures.figures`) over the same outbox rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns.figures import Figures, figures
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads import kinds
from domain.leads.defaults import default_clauses
from domain.leads.flows import ClauseEdit, PublishSummary, SettingEdit, StepGone
from domain.leads.regulation import (
    SUMMARY_MAX,
    Clause,
    ClauseKind,
    Regulation,
    RegulationStatus,
    Setting,
    Settings,
    clean_body,
    clean_title,
    next_number,
)
from domain.people.model import Language, Person, Role
from domain.permissions import Action, can, require
from domain.ports import AuditEntry, Outgoing, UnitOfWork

READERS = (Role.REP, Role.TEAM_LEAD, Role.MARKETER)


async def seed(uow: UnitOfWork, *, language: Language, now: datetime) -> bool:
    """A company without a regulation gets version 1 from the defaults; True if seeded."""
    if await uow.regulation.current() is not None or await uow.regulation.draft() is not None:
        return False
    first = Regulation(
        1,
        RegulationStatus.PUBLISHED,
        Settings(),
        default_clauses(language),
        summary="",
        created_at=now,
        published_at=now,
    )
    await uow.regulation.add(first, created_by=None, now=now)
    return True


async def current(uow: UnitOfWork) -> Regulation:
    regulation = await uow.regulation.current()
    if regulation is None:
        raise NotFound()
    return regulation


@dataclass(frozen=True, slots=True)
class RegulationView:
    regulation: Regulation
    may_edit: bool
    has_draft: bool
    versions: Sequence[int]  # every published version, newest first
    acknowledged: bool  # the viewer has acknowledged this version


async def view(uow: UnitOfWork, *, actor: Person, version: int | None = None) -> RegulationView:
    require(actor, Action.VIEW_REGULATION)
    regulation = await current(uow) if version is None else await uow.regulation.get(version)
    if regulation is None or regulation.is_draft:
        raise NotFound()
    versions = [r.version for r in await uow.regulation.versions()]
    acked = actor.id in await uow.regulation.acknowledged(regulation.version)
    draft = await uow.regulation.draft()
    return RegulationView(
        regulation, can(actor, Action.EDIT_REGULATION), draft is not None, versions, acked
    )


async def draft(uow: UnitOfWork, *, actor: Person, now: datetime) -> Regulation:
    """The draft of the next version, made from the current one if there is none yet.
    Opening it leaves any step in progress."""
    require(actor, Action.EDIT_REGULATION)
    await uow.flows.delete(actor.id)
    found = await uow.regulation.draft()
    if found is not None:
        return found
    base = await current(uow)
    new = base.with_(
        version=base.version + 1,
        status=RegulationStatus.DRAFT,
        summary="",
        created_at=now,
        published_at=None,
        published_by=None,
    )
    await uow.regulation.add(new, created_by=actor.id, now=now)
    return new


async def _draft(uow: UnitOfWork, actor: Person) -> Regulation:
    require(actor, Action.EDIT_REGULATION)
    found = await uow.regulation.draft()
    if found is None:
        raise StepGone()
    return found


async def start_clause(
    uow: UnitOfWork,
    *,
    actor: Person,
    kind: ClauseKind | None,
    number: str | None,
    now: datetime,
) -> tuple[ClauseEdit, FlowState | None]:
    """➕ a clause of a kind, or ✏️ an existing one: its title is awaited."""
    regulation = await _draft(uow, actor)
    if number is not None:
        clause = regulation.clause(number)
        state = ClauseEdit(clause.kind, clause.number)
    elif kind is not None:
        state = ClauseEdit(kind)
    else:
        raise InvalidInput()
    return state, await flows.begin(uow.flows, actor.id, state, now=now)


@dataclass(frozen=True, slots=True)
class ClauseStep:
    state: ClauseEdit | None  # None: saved
    clause: Clause | None = None
    regulation: Regulation | None = None


async def type_clause(uow: UnitOfWork, *, actor: Person, text: str, now: datetime) -> ClauseStep:
    """The title, then the text, of the clause being added or changed."""
    regulation = await _draft(uow, actor)
    state = await flows.current(uow.flows, actor.id, ClauseEdit)
    if state is None:
        raise StepGone()
    if state.title is None:
        following = ClauseEdit(state.clause_kind, state.number, clean_title(text))
        await uow.flows.save(actor.id, following, now=now)
        return ClauseStep(following)
    body = clean_body(text)
    if state.number is not None:
        old = regulation.clause(state.number)
        clause = Clause(old.number, old.kind, state.title, body, old.position)
    else:
        number = next_number(state.clause_kind, await uow.regulation.used_numbers())
        position = max((c.position for c in regulation.clauses), default=0) + 1
        clause = Clause(number, state.clause_kind, state.title, body, position)
    await uow.regulation.save_clause(regulation.version, clause)
    await uow.flows.delete(actor.id)
    saved = await uow.regulation.get(regulation.version)
    return ClauseStep(None, clause, saved)


async def retire_clause(
    uow: UnitOfWork, *, actor: Person, number: str, now: datetime
) -> Regulation:
    """Remove a clause from the draft (its number is never given again)."""
    regulation = await _draft(uow, actor)
    regulation.clause(number)
    await uow.regulation.remove_clause(regulation.version, number)
    found = await uow.regulation.get(regulation.version)
    assert found is not None
    return found


async def start_setting(
    uow: UnitOfWork, *, actor: Person, setting: Setting, now: datetime
) -> tuple[Regulation, SettingEdit, FlowState | None]:
    regulation = await _draft(uow, actor)
    state = SettingEdit(setting)
    return regulation, state, await flows.begin(uow.flows, actor.id, state, now=now)


async def type_setting(uow: UnitOfWork, *, actor: Person, text: str, now: datetime) -> Regulation:
    regulation = await _draft(uow, actor)
    state = await flows.current(uow.flows, actor.id, SettingEdit)
    if state is None:
        raise StepGone()
    settings = regulation.settings.changed(state.setting, text)
    await uow.regulation.save_settings(regulation.version, settings)
    await uow.flows.delete(actor.id)
    return regulation.with_(settings=settings)


async def start_publish(
    uow: UnitOfWork, *, actor: Person, now: datetime
) -> tuple[Regulation, FlowState | None]:
    """🚀 Publish: the summary of changes is awaited."""
    regulation = await _draft(uow, actor)
    if not regulation.grounds(ClauseKind.DISPUTE):
        raise InvalidInput("error-regulation-no-grounds")
    return regulation, await flows.begin(uow.flows, actor.id, PublishSummary(), now=now)


@dataclass(frozen=True, slots=True)
class Published:
    regulation: Regulation
    readers: int


async def publish(uow: UnitOfWork, *, actor: Person, summary: str, now: datetime) -> Published:
    """The draft becomes the current version; its summary goes to every rep, team lead and
    marketer with a one-tap acknowledgement."""
    regulation = await _draft(uow, actor)
    if await flows.current(uow.flows, actor.id, PublishSummary) is None:
        raise StepGone()
    if not regulation.grounds(ClauseKind.DISPUTE):
        raise InvalidInput("error-regulation-no-grounds")
    text = clean_body(summary, limit=SUMMARY_MAX)
    await uow.regulation.publish(regulation.version, summary=text, by=actor.id, at=now)
    readers = {p.id: p for role in READERS for p in await uow.people.with_role(role)}
    items = []
    for person in readers.values():
        moment = now
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(now, person.timezone)
        items.append(Outgoing(person.id, person.telegram_id, moment))
    await uow.outbox.enqueue(kinds.REGULATION, regulation.version, kinds.PUBLISH_BATCH, items)
    await uow.flows.delete(actor.id)
    await uow.audit.record(
        AuditEntry(actor.id, "regulation.publish", "regulation", regulation.version, now,
                   {"to": len(items)})
    )  # fmt: skip
    published = await uow.regulation.get(regulation.version)
    assert published is not None
    return Published(published, len(items))


async def acknowledge(uow: UnitOfWork, *, actor: Person, version: int, now: datetime) -> Regulation:
    """✅ Read: once per person and version (pressing again is harmless)."""
    require(actor, Action.VIEW_REGULATION)
    regulation = await uow.regulation.get(version)
    if regulation is None or regulation.is_draft:
        raise NotFound()
    await uow.regulation.acknowledge(version, actor.id, at=now)
    return regulation


@dataclass(frozen=True, slots=True)
class ReadFigures:
    regulation: Regulation
    figures: Figures


async def read_figures(uow: UnitOfWork, *, actor: Person, version: int) -> ReadFigures:
    """Who has acknowledged a version, per team (the campaigns' figures)."""
    require(actor, Action.EDIT_REGULATION)
    regulation = await uow.regulation.get(version)
    if regulation is None or regulation.is_draft:
        raise NotFound()
    statuses = await uow.outbox.statuses(kinds.REGULATION, version, kinds.PUBLISH_BATCH)
    acked = await uow.regulation.acknowledged(version)
    people = await uow.people.many(list(statuses))
    rows = [(p, statuses[p.id], p.id in acked) for p in people]
    return ReadFigures(regulation, figures(rows))
