"""In-memory fakes of the domain's ports, for fast unit tests of the use cases.

``FakeUnitOfWork`` holds one fake repository per port. The shared ones (outbox, audit log,
flows) and people's are always there; a feature's repository is there when the test passes
it (``FakeUnitOfWork(campaigns=FakeCampaignRepo())``), so a test shows what it relies on. Each
feature keeps its fakes in ``tests/support/fakes/<feature>.py``, beside the port it fakes.

Like the SQL unit of work, ``async with uow:`` keeps changes only when the block exits
cleanly: a block that raises rolls every repository back to how it was.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any

from tests.support.fakes.people import FakeInviteRepo, FakePeopleRepo, FakeTeamRepo
from tests.support.fakes.shared import FakeAuditLog, FakeFlowRepo, FakeOutbox

__all__ = [
    "FakeAuditLog",
    "FakeFlowRepo",
    "FakeInviteRepo",
    "FakeOutbox",
    "FakePeopleRepo",
    "FakeTeamRepo",
    "FakeUnitOfWork",
]

_PORTS = (
    "people",
    "teams",
    "invites",
    "audit",
    "flows",
    "outbox",
    "campaigns",
    "briefings",
    "feedback",
    "questions",
    "leads",
    "disputes",
    "regulation",
    "lead_sources",
    "meetings",
    "kpis",
)


class FakeUnitOfWork:
    def __init__(self, **repos: Any) -> None:
        unknown = set(repos) - set(_PORTS)
        if unknown:
            raise TypeError(f"no such repositories: {sorted(unknown)}")
        self.people = repos.pop("people", None) or FakePeopleRepo()
        self.teams = repos.pop("teams", None) or FakeTeamRepo()
        self.invites = repos.pop("invites", None) or FakeInviteRepo()
        self.audit = repos.pop("audit", None) or FakeAuditLog()
        self.flows = repos.pop("flows", None) or FakeFlowRepo()
        self.outbox = repos.pop("outbox", None) or FakeOutbox()
        self._features = repos
        self._snapshot: dict[str, Any] | None = None
        self.commits = 0

    def __getattr__(self, name: str) -> Any:
        features = self.__dict__.get("_features", {})
        if name in features:
            return features[name]
        if name in _PORTS:
            raise AttributeError(f"this test's unit of work has no {name} repository")
        raise AttributeError(name)

    def _repos(self) -> dict[str, Any]:
        shared = {name: getattr(self, name) for name in _PORTS[:6]}
        return {**shared, **self._features}

    async def __aenter__(self) -> FakeUnitOfWork:
        self._snapshot = {
            name: copy.deepcopy(repo.__dict__) for name, repo in self._repos().items()
        }
        return self

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Like SQL's SAVEPOINT: a block that raises is undone, the rest stands."""
        snapshot = {name: copy.deepcopy(repo.__dict__) for name, repo in self._repos().items()}
        try:
            yield
        except BaseException:
            for name, repo in self._repos().items():
                repo.__dict__.clear()
                repo.__dict__.update(snapshot[name])
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        snapshot, self._snapshot = self._snapshot, None
        if exc_type is None:
            self.commits += 1
            return
        assert snapshot is not None
        for name, repo in self._repos().items():
            repo.__dict__.clear()
            repo.__dict__.update(snapshot[name])
