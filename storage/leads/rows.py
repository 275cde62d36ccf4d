"""A lead's row and what every part of the leads repository shares: the row turned into a
:class:`~domain.leads.model.Lead`, the insert of a new one, and the per-scope tallies of
leads by status (``lead_tallies``: everyone's, a team's, a rep's) kept in step with every
write, so the lists' counts never scan the leads.

:class:`storage.leads.repo.SqlLeadRepo` inherits :class:`LeadTable` through its parts (the
history in :mod:`storage.leads.history`, bulk import in :mod:`storage.leads.intake`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import aiosqlite

from domain.leads.model import Contact, Lead, LeadStatus, LossReason, NewLead
from storage.db import fetch_all, from_db, from_db_opt, to_db

CHUNK = 500  # ids bound per "IN (…)", well under SQLite's limit on bound parameters


def opt(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None


def lead_of(row: aiosqlite.Row) -> Lead:
    return Lead(
        id=row["id"],
        contact=Contact(
            name=row["name"],
            phone=row["phone"],
            email=row["email"],
            company=row["company"],
            region=row["region"],
            source=row["source"],
            campaign_id=row["campaign_id"],
            comment=row["comment"],
        ),
        status=LeadStatus(row["status"]),
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        created_by=row["created_by"],
        assignee_id=row["assignee_id"],
        team_id=row["team_id"],
        assignment_no=row["assignment_no"],
        reminded_no=row["reminded_no"],
        assigned_at=from_db_opt(row["assigned_at"]),
        sla_started_at=from_db_opt(row["sla_started_at"]),
        first_action_at=from_db_opt(row["first_action_at"]),
        loss_reason=LossReason(row["loss_reason"]) if row["loss_reason"] else None,
        duplicate_of=row["duplicate_of"],
        intake_source_id=row["intake_source_id"],
        external_id=row["external_id"],
        import_id=row["import_id"],
    )


def marks(count: int) -> str:
    return ",".join("?" * count)


def tally_scopes(team_id: int | None, assignee_id: int | None) -> list[str]:
    """The tallies a lead counts in."""
    scopes = ["all"]
    if team_id is not None:
        scopes.append(f"team:{team_id}")
    if assignee_id is not None:
        scopes.append(f"rep:{assignee_id}")
    return scopes


class LeadTable:
    """The connection every part of the leads repository writes and reads through (the
    caller owns the transaction)."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _many(self, sql: str, args: Sequence[object]) -> list[Lead]:
        return [lead_of(row) for row in await fetch_all(self._conn, sql, args)]

    @staticmethod
    def _values(new: NewLead) -> tuple[object, ...]:
        c = new.contact
        stamp = to_db(new.created_at)
        return (
            c.name, c.phone, c.email, c.company, c.region, c.source, c.campaign_id, c.comment,
            new.created_by, stamp, stamp, new.duplicate_of, new.intake_source_id,
            new.external_id, new.import_id,
        )  # fmt: skip

    _INSERT = (
        "INSERT INTO leads (name, phone, email, company, region, source, campaign_id, comment,"
        " status, created_by, created_at, updated_at, duplicate_of, intake_source_id,"
        " external_id, import_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unassigned', ?, ?, ?, ?, ?, ?, ?)"
    )

    async def _tally(self, changes: Mapping[tuple[str, str], int]) -> None:
        rows = [(scope, status, n) for (scope, status), n in changes.items() if n]
        if rows:
            await self._conn.executemany(
                "INSERT INTO lead_tallies (scope, status, n) VALUES (?, ?, ?)"
                " ON CONFLICT (scope, status) DO UPDATE SET n = lead_tallies.n + excluded.n",
                rows,
            )
