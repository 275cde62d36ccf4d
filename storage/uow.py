"""The unit of work: every repository over one transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiosqlite

from storage.briefings import SqlBriefingRepo
from storage.campaigns import SqlCampaignRepo
from storage.db import Database
from storage.deliveries import SqlDeliveryRepo
from storage.feedback import SqlFeedbackRepo
from storage.flows import SqlFlowRepo
from storage.invites import SqlAuditLog, SqlInviteRepo
from storage.people import SqlPeopleRepo, SqlTeamRepo
from storage.questions import SqlQuestionRepo


class SqlUnitOfWork:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.people = SqlPeopleRepo(conn)
        self.teams = SqlTeamRepo(conn)
        self.invites = SqlInviteRepo(conn)
        self.audit = SqlAuditLog(conn)
        self.flows = SqlFlowRepo(conn)
        self.campaigns = SqlCampaignRepo(conn)
        # The broadcast engine's outbox, as the domain sees it (enqueue, read, withdraw).
        self.outbox = SqlDeliveryRepo(conn)
        self.briefings = SqlBriefingRepo(conn)
        self.feedback = SqlFeedbackRepo(conn)
        self.questions = SqlQuestionRepo(conn)


@asynccontextmanager
async def unit_of_work(db: Database) -> AsyncIterator[SqlUnitOfWork]:
    """``async with unit_of_work(db) as uow:`` commits on success, rolls back on error."""
    async with db.transaction() as conn:
        yield SqlUnitOfWork(conn)
