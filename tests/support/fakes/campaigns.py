"""A fake of the campaigns port, faithful to ``storage/campaigns.py``.

Two of its queries join other tables in SQL (``sent_to`` reads the deliveries, and
``reaching_team`` the deliveries and people's teams), so the fake reads the unit of work's
fake outbox and people: :func:`campaigns_uow` wires them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from domain.campaigns.kinds import ANNOUNCE
from domain.campaigns.model import Audience, Campaign, Material, Status
from domain.campaigns.schedule import REMINDER_PRESETS
from domain.campaigns.versions import Note
from domain.people.model import Person, Team
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.meetings import FakeMeetingRepo
from tests.support.fakes.people import FakePeopleRepo, FakeTeamRepo
from tests.support.fakes.questions import FakeQuestionRepo
from tests.support.fakes.shared import FakeOutbox


class _Tables:
    """The other tables the SQL joins: shared with the unit of work, never copied by its
    snapshot (the snapshot of each repository restores its own state)."""

    def __init__(self, outbox: FakeOutbox | None, people: FakePeopleRepo | None) -> None:
        self.outbox = outbox
        self.people = people

    def __deepcopy__(self, memo: dict[int, Any]) -> _Tables:
        return self


class FakeCampaignRepo:
    def __init__(
        self,
        campaigns: Sequence[Campaign] = (),
        *,
        outbox: FakeOutbox | None = None,
        people: FakePeopleRepo | None = None,
    ) -> None:
        self.by_id: dict[int, Campaign] = {c.id: c for c in campaigns}
        self.acks: dict[tuple[int, int], datetime] = {}
        self.notes: dict[tuple[int, int], Note] = {}
        self._material_ids = max((m.id for c in campaigns for m in c.materials), default=0)
        self._tables = _Tables(outbox, people)

    def put(self, *campaigns: Campaign) -> None:
        """Arrange: store these campaigns as they are."""
        for campaign in campaigns:
            self.by_id[campaign.id] = campaign
            self._material_ids = max([self._material_ids, *(m.id for m in campaign.materials)])

    async def get(self, campaign_id: int) -> Campaign | None:
        return self.by_id.get(campaign_id)

    async def add_draft(self, *, created_by: int, now: datetime) -> Campaign:
        campaign = Campaign(
            id=max(self.by_id, default=0) + 1,
            name="",
            product="",
            goal="",
            key_messages=(),
            launch_date=None,
            audience=Audience(),
            protect_content=True,
            status=Status.DRAFT,
            schedule=None,
            reminders=REMINDER_PRESETS["standard"],
            created_by=created_by,
            created_at=now,
        )
        self.by_id[campaign.id] = campaign
        return campaign

    async def save(self, campaign: Campaign, *, now: datetime) -> None:
        stored = self.by_id.get(campaign.id)
        if stored is not None:
            self.by_id[campaign.id] = replace(campaign, materials=stored.materials)

    async def add_material(
        self, campaign_id: int, *, kind: str, file_id: str, file_name: str | None
    ) -> None:
        campaign = self.by_id[campaign_id]  # the SQL's foreign key
        if kind not in ("document", "photo"):  # the SQL's CHECK
            raise ValueError(kind)
        self._material_ids += 1
        material = Material(self._material_ids, kind, file_id, file_name)
        self.by_id[campaign_id] = replace(campaign, materials=(*campaign.materials, material))

    async def remove_material(self, campaign_id: int, material_id: int) -> bool:
        campaign = self.by_id.get(campaign_id)
        if campaign is None or all(m.id != material_id for m in campaign.materials):
            return False
        kept = tuple(m for m in campaign.materials if m.id != material_id)
        self.by_id[campaign_id] = replace(campaign, materials=kept)
        return True

    async def delete_draft(self, campaign_id: int) -> None:
        campaign = self.by_id.get(campaign_id)
        if campaign is None or campaign.status is not Status.DRAFT:
            return
        del self.by_id[campaign_id]
        for table in (self.acks, self.notes):
            for key in [k for k in table if k[0] == campaign_id]:
                del table[key]

    def _newest_first(self, campaigns: Sequence[Campaign]) -> list[Campaign]:
        return sorted(campaigns, key=lambda c: c.id, reverse=True)

    async def all(self, *, include_cancelled: bool = True) -> Sequence[Campaign]:
        return self._newest_first(
            [
                c
                for c in self.by_id.values()
                if include_cancelled or c.status is not Status.CANCELLED
            ]
        )

    def _announce_rows(self) -> list[tuple[int, int, str]]:
        """(campaign id, person id, status) of every announcement delivery."""
        outbox = self._tables.outbox
        if outbox is None:
            raise AssertionError("wire the fake with the outbox: campaigns_uow()")
        return [(r.ref_id, r.person_id, r.status) for r in outbox.queued(ANNOUNCE)]

    async def sent_to(self, person_id: int) -> Sequence[Campaign]:
        ids = {
            cid
            for cid, pid, status in self._announce_rows()
            if pid == person_id and status == "sent"
        }
        return self._newest_first([self.by_id[i] for i in ids if i in self.by_id])

    async def reaching_team(self, team_id: int) -> Sequence[Campaign]:
        people = self._tables.people
        if people is None:
            raise AssertionError("wire the fake with the people: campaigns_uow()")
        ids = set()
        for cid, pid, _ in self._announce_rows():
            person = people.by_id.get(pid)
            if person is not None and person.team_id == team_id:
                ids.add(cid)
        return self._newest_first([self.by_id[i] for i in ids if i in self.by_id])

    async def acknowledge(self, campaign_id: int, person_id: int, *, at: datetime) -> bool:
        if (campaign_id, person_id) in self.acks:
            return False
        self.acks[campaign_id, person_id] = at
        return True

    async def acknowledged_by(self, campaign_id: int) -> set[int]:
        return {pid for cid, pid in self.acks if cid == campaign_id}

    async def acknowledged_at(self, campaign_id: int, person_id: int) -> datetime | None:
        return self.acks.get((campaign_id, person_id))

    async def add_note(self, campaign_id: int, note: Note, *, by: int, at: datetime) -> None:
        if (campaign_id, note.number) in self.notes:  # the SQL's primary key
            raise ValueError(f"update {note.number} of campaign {campaign_id} exists")
        self.notes[campaign_id, note.number] = replace(note, by=by)

    async def note(self, campaign_id: int, number: int) -> Note | None:
        return self.notes.get((campaign_id, number))


def campaigns_uow(
    *people: Person, teams: Sequence[Team] = (), campaigns: Sequence[Campaign] = ()
) -> FakeUnitOfWork:
    """A unit of work with these people, teams and campaigns, its campaign repository wired
    to its outbox and people."""
    outbox = FakeOutbox()
    people_repo = FakePeopleRepo(people)
    return FakeUnitOfWork(
        people=people_repo,
        teams=FakeTeamRepo(teams),
        outbox=outbox,
        campaigns=FakeCampaignRepo(campaigns, outbox=outbox, people=people_repo),
        # The card shows the campaign's presentation to sales, if one is planned.
        meetings=FakeMeetingRepo(),
        # The announcement's FAQ button counts the campaign's open questions.
        questions=FakeQuestionRepo(),
    )
