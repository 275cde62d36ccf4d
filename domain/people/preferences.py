"""Use cases for a person's own settings: language, time zone, quiet hours."""

from __future__ import annotations

from datetime import datetime

from domain.people.model import Language, Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork
from domain.timezones import QuietHours, validate_timezone


async def _reload(uow: UnitOfWork, person: Person) -> Person:
    fresh = await uow.people.get(person.id)
    assert fresh is not None
    return fresh


async def set_language(
    uow: UnitOfWork, actor: Person, language: Language, *, now: datetime
) -> Person:
    require(actor, Action.USE_SETTINGS)
    await uow.people.set_language(actor.id, language.value)
    await uow.audit.record(
        AuditEntry(actor.id, "settings.language", "person", actor.id, now, {"value": language})
    )
    return await _reload(uow, actor)


async def set_timezone(uow: UnitOfWork, actor: Person, raw: str, *, now: datetime) -> Person:
    require(actor, Action.USE_SETTINGS)
    timezone = validate_timezone(raw)
    await uow.people.set_timezone(actor.id, timezone)
    await uow.audit.record(
        AuditEntry(actor.id, "settings.timezone", "person", actor.id, now, {"value": timezone})
    )
    return await _reload(uow, actor)


async def set_quiet_hours(
    uow: UnitOfWork, actor: Person, quiet: QuietHours | None, *, now: datetime
) -> Person:
    require(actor, Action.USE_SETTINGS)
    await uow.people.set_quiet_hours(actor.id, quiet)
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "settings.quiet_hours",
            "person",
            actor.id,
            now,
            {"value": str(quiet) if quiet else None},
        )
    )
    return await _reload(uow, actor)
