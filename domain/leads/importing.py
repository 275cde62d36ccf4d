"""Many leads from a CSV or XLSX file: every row checked (off the event loop), the good ones
written a thousand per transaction, duplicates flagged, and the rejected rows reported with
the reason for each. Nothing is half-imported."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain import flows
from domain.errors import DomainError
from domain.flows import FlowState
from domain.leads.flows import AwaitingImport
from domain.leads.intake import DUPLICATE_DAYS, campaigns_by_name, contact_of, default_region
from domain.leads.model import Contact, EventKind, HistoryEntry, NewLead
from domain.leads.parsing import Table
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork, UnitOfWorkFactory

CHUNK = 1000  # rows written per transaction, so other people's work goes on in between


async def start_import(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    """📥: a CSV or XLSX file is awaited. Returns the flow it replaced."""
    require(actor, Action.MANAGE_LEADS)
    return await flows.begin(uow.flows, actor.id, AwaitingImport(), now=now)


@dataclass(frozen=True, slots=True)
class Rejected:
    row: tuple[str, ...]
    reason: str  # a message key
    args: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportReport:
    import_id: str
    imported: int
    duplicates: int
    rejected: tuple[Rejected, ...]
    header: tuple[str, ...]
    teams: tuple[tuple[int, str], ...] = ()  # where the imported leads may go round-robin


@dataclass(frozen=True, slots=True)
class _Row:
    contact: Contact
    key: tuple[str | None, str | None]


def _checked(
    table: Table, region: str, campaigns: Mapping[str, int]
) -> tuple[list[_Row], list[Rejected]]:
    good: list[_Row] = []
    bad: list[Rejected] = []
    for row in table.rows:
        record = table.record(row)
        campaign_id = None
        if record.get("campaign"):
            campaign_id = campaigns.get(record["campaign"].casefold())
            if campaign_id is None:
                bad.append(Rejected(row, "error-import-campaign", {"value": record["campaign"]}))
                continue
        try:
            contact = contact_of(record, region, campaign_id)
        except DomainError as error:
            bad.append(Rejected(row, error.key, error.args_))
            continue
        good.append(_Row(contact, (contact.phone, contact.email)))
    return good, bad


async def import_table(
    uows: UnitOfWorkFactory, *, actor: Person, table: Table, now: datetime
) -> ImportReport:
    """Import a parsed file: check every row first, then write the good ones ``CHUNK`` at a
    time, each chunk its own transaction (other people's work goes on in between). If a chunk
    fails, what this import wrote is removed again: nothing is half-imported. Unlike other use
    cases this one takes the unit-of-work factory, because it spans transactions."""
    async with uows() as uow:
        require(actor, Action.MANAGE_LEADS)
        region = await default_region(uow, actor)
        campaigns = {c.name.casefold(): c.id for c in await campaigns_by_name(uow)}
        teams = tuple((t.id, t.name) for t in await uow.teams.all())
        await uow.flows.delete(actor.id)
    # Checking 10,000 phone numbers is CPU work: off the event loop, like reading the file.
    good, bad = await asyncio.to_thread(_checked, table, region, campaigns)
    import_id = f"{actor.id}.{int(now.timestamp() * 1000)}"
    duplicates = 0
    try:
        for start in range(0, len(good), CHUNK):
            async with uows() as uow:
                duplicates += await _write(uow, good[start : start + CHUNK], actor, import_id, now)
    except BaseException:
        async with uows() as uow:
            await uow.leads.discard_import(import_id)
        raise
    if good:
        async with uows() as uow:
            await uow.audit.record(
                AuditEntry(actor.id, "leads.import", "import", None, now,
                           {"import": import_id, "rows": len(good), "rejected": len(bad)})
            )  # fmt: skip
    return ImportReport(import_id, len(good), duplicates, tuple(bad), table.header, teams)


async def _write(
    uow: UnitOfWork, rows: Sequence[_Row], actor: Person, import_id: str, now: datetime
) -> int:
    since = now - timedelta(days=DUPLICATE_DAYS)
    known = dict(
        await uow.leads.recent_by_contact(
            phones=[r.contact.phone for r in rows if r.contact.phone],
            emails=[r.contact.email for r in rows if r.contact.email],
            since=since,
        )
    )
    news = []
    for row in rows:
        earlier = [known[k] for k in row.key if k and k in known]
        news.append(
            NewLead(row.contact, actor.id, now, min(earlier, default=None), import_id=import_id)
        )
    ids = await uow.leads.add_many(news)
    # A repeat within the file is a duplicate of the file's first row with that contact.
    repeats: dict[int, int] = {}
    first: dict[str, int] = {}
    for lead_id, new, row in zip(ids, news, rows, strict=True):
        for k in row.key:
            if not k:
                continue
            if k in first and new.duplicate_of is None:
                repeats[lead_id] = first[k]
            first.setdefault(k, lead_id)
    if repeats:
        await uow.leads.mark_duplicates(repeats)
    await uow.leads.record_many(
        [
            HistoryEntry(lead_id, now, actor.id, EventKind.IMPORTED,
                         {"duplicate_of": repeats.get(lead_id, new.duplicate_of)})
            for lead_id, new in zip(ids, news, strict=True)
        ]
    )  # fmt: skip
    return sum(1 for lead_id, new in zip(ids, news, strict=True)
               if new.duplicate_of is not None or lead_id in repeats)  # fmt: skip
