"""The unit of work: every repository over one transaction."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from types import TracebackType

import aiosqlite

from storage.briefings import SqlBriefingRepo
from storage.campaigns import SqlCampaignRepo
from storage.db import Database
from storage.deliveries import SqlDeliveryRepo
from storage.feedback import SqlFeedbackRepo
from storage.flows import FlowCodec, SqlFlowRepo
from storage.invites import SqlAuditLog, SqlInviteRepo
from storage.meetings import SqlMeetingRepo
from storage.people import SqlPeopleRepo, SqlTeamRepo
from storage.questions import SqlQuestionRepo


class SqlUnitOfWork:
    """``async with SqlUnitOfWork(db, codec) as uow:`` opens one transaction; it commits when
    the block exits cleanly and rolls back when it raises. Repositories never commit."""

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
    meetings: SqlMeetingRepo

    def __init__(self, db: Database, codec: FlowCodec | None = None) -> None:
        self._db = db
        self._codec = codec or FlowCodec()
        self._transaction: AbstractAsyncContextManager[aiosqlite.Connection] | None = None

    async def __aenter__(self) -> SqlUnitOfWork:
        if self._transaction is not None:
            raise RuntimeError("a unit of work is entered once")
        self._transaction = self._db.transaction()
        conn = await self._transaction.__aenter__()
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
        self.meetings = SqlMeetingRepo(conn)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._transaction is not None
        await self._transaction.__aexit__(exc_type, exc, tb)


def unit_of_work(db: Database, codec: FlowCodec | None = None) -> SqlUnitOfWork:
    """``async with unit_of_work(db) as uow:`` commits on success, rolls back on error."""
    return SqlUnitOfWork(db, codec)
