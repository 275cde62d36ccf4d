"""The unit of work: every repository over one transaction."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from types import TracebackType

import aiosqlite

from storage import inbox
from storage.briefings import SqlBriefingRepo
from storage.campaigns import SqlCampaignRepo
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.feedback import SqlFeedbackRepo
from storage.flows import FlowCodec, SqlFlowRepo
from storage.invites import SqlAuditLog, SqlInviteRepo
from storage.kpis.repo import SqlKpiRepo
from storage.leads.disputes import SqlDisputeRepo
from storage.leads.regulation import SqlRegulationRepo
from storage.leads.repo import SqlLeadRepo
from storage.leads.sources import SqlLeadSourceRepo
from storage.meetings.repo import SqlMeetingRepo
from storage.people import SqlPeopleRepo, SqlTeamRepo
from storage.questions import SqlQuestionRepo


class SqlUnitOfWork:
    """``async with SqlUnitOfWork(db, codec) as uow:`` opens one transaction; it commits when
    the block exits cleanly and rolls back when it raises. Repositories never commit. While an
    update is handled, a transaction that changed anything also marks the update applied in
    the inbox (see :mod:`storage.inbox`)."""

    people: SqlPeopleRepo
    teams: SqlTeamRepo
    invites: SqlInviteRepo
    audit: SqlAuditLog
    flows: SqlFlowRepo
    campaigns: SqlCampaignRepo
    outbox: SqlDeliveryRepo
    briefings: SqlBriefingRepo
    feedback: SqlFeedbackRepo
    questions: SqlQuestionRepo
    _conn: aiosqlite.Connection
    _changes_before: int
    leads: SqlLeadRepo
    disputes: SqlDisputeRepo
    regulation: SqlRegulationRepo
    lead_sources: SqlLeadSourceRepo
    meetings: SqlMeetingRepo
    kpis: SqlKpiRepo

    def __init__(self, db: Database, codec: FlowCodec | None = None) -> None:
        self._db = db
        self._codec = codec or FlowCodec()
        self._transaction: AbstractAsyncContextManager[aiosqlite.Connection] | None = None

    async def __aenter__(self) -> SqlUnitOfWork:
        if self._transaction is not None:
            raise RuntimeError("a unit of work is entered once")
        self._transaction = self._db.transaction()
        conn = await self._transaction.__aenter__()
        self._conn = conn
        self._changes_before = conn.total_changes
        self.people = SqlPeopleRepo(conn)
        self.teams = SqlTeamRepo(conn)
        self.invites = SqlInviteRepo(conn)
        self.audit = SqlAuditLog(conn)
        self.flows = SqlFlowRepo(conn, self._codec)
        self.campaigns = SqlCampaignRepo(conn)
        # The broadcast engine's outbox, as the domain sees it (enqueue, read, withdraw).
        self.outbox = SqlDeliveryRepo(conn)
        self.briefings = SqlBriefingRepo(conn)
        self.feedback = SqlFeedbackRepo(conn)
        self.questions = SqlQuestionRepo(conn)
        self.leads = SqlLeadRepo(conn)
        self.disputes = SqlDisputeRepo(conn)
        self.regulation = SqlRegulationRepo(conn)
        self.lead_sources = SqlLeadSourceRepo(conn)
        self.meetings = SqlMeetingRepo(conn)
        self.kpis = SqlKpiRepo(conn)
        return self

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """SAVEPOINT … RELEASE inside this unit of work; ROLLBACK TO it if the block raises,
        and the transaction goes on."""
        if self._transaction is None:
            raise RuntimeError("a savepoint is taken inside the unit of work")
        return _Savepoint(self._db)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._transaction is not None
        if exc_type is None and self._conn.total_changes != self._changes_before:
            # The change an update made and the record that it was made commit together.
            await inbox.mark_applied(self._conn, datetime.now(UTC))
        await self._transaction.__aexit__(exc_type, exc, tb)


class _Savepoint:
    """One savepoint on the database's connection (the unit of work holds its transaction;
    SQLite allows the same name nested: ROLLBACK TO and RELEASE take the innermost)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def __aenter__(self) -> None:
        await self._db.raw.execute("SAVEPOINT item")

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            await self._db.raw.execute("ROLLBACK TO item")
        await self._db.raw.execute("RELEASE item")


def unit_of_work(db: Database, codec: FlowCodec | None = None) -> SqlUnitOfWork:
    """``async with unit_of_work(db) as uow:`` commits on success, rolls back on error."""
    return SqlUnitOfWork(db, codec)
