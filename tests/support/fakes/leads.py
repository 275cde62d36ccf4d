"""Fakes for the leads feature: leads with their history, disputes, the regulation and the
intake sources, faithful to ``storage/leads/`` (what ``save`` writes, unique keys, orderings:
newest lead first, open disputes oldest first), and a scene.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.campaigns.model import Campaign
from domain.leads.defaults import default_clauses
from domain.leads.model import (
    Dispute,
    DisputeStatus,
    EventKind,
    HistoryEntry,
    Lead,
    LeadStatus,
    NewDispute,
    NewLead,
)
from domain.leads.ports import LeadFilter, LeadSource
from domain.leads.regulation import Clause, Regulation, RegulationStatus, Settings
from domain.people.model import Language, Person
from tests.support.builders.people import (
    NOW,
    a_lead,
    a_marketer,
    a_rep,
    a_team,
    an_admin,
    an_analyst,
)
from tests.support.fakes import FakeUnitOfWork


def _matches(lead: Lead, where: LeadFilter) -> bool:
    return (
        where.assignee_id in (None, lead.assignee_id)
        and where.team_id in (None, lead.team_id)
        and where.status in (None, lead.status)
        and where.source in (None, lead.contact.source)
        and where.campaign_id in (None, lead.contact.campaign_id)
    )


class FakeLeadRepo:
    def __init__(self) -> None:
        self.by_id: dict[int, Lead] = {}
        self.events: list[HistoryEntry] = []
        self.rotation: dict[str, int] = {}

    def put(self, *leads: Lead) -> None:
        for lead in leads:
            self.by_id[lead.id] = lead

    async def add(self, new: NewLead) -> Lead:
        if new.external_id is not None and any(
            (lead.intake_source_id, lead.external_id) == (new.intake_source_id, new.external_id)
            for lead in self.by_id.values()
        ):
            raise ValueError("UNIQUE constraint failed: leads_external")
        lead = Lead(
            id=max(self.by_id, default=0) + 1,
            contact=new.contact,
            status=LeadStatus.UNASSIGNED,
            created_at=new.created_at,
            updated_at=new.created_at,
            created_by=new.created_by,
            duplicate_of=new.duplicate_of,
            intake_source_id=new.intake_source_id,
            external_id=new.external_id,
            import_id=new.import_id,
        )
        self.by_id[lead.id] = lead
        return lead

    async def add_many(self, new: Sequence[NewLead]) -> Sequence[int]:
        return [(await self.add(n)).id for n in new]

    async def get(self, lead_id: int) -> Lead | None:
        return self.by_id.get(lead_id)

    async def many(self, lead_ids: Sequence[int]) -> Sequence[Lead]:
        return [self.by_id[i] for i in sorted(set(lead_ids)) if i in self.by_id]

    async def save(self, lead: Lead) -> None:
        stored = self.by_id.get(lead.id)
        if stored is None:
            return
        self.by_id[lead.id] = replace(
            stored,
            status=lead.status,
            assignee_id=lead.assignee_id,
            team_id=lead.team_id,
            assignment_no=lead.assignment_no,
            reminded_no=lead.reminded_no,
            assigned_at=lead.assigned_at,
            sla_started_at=lead.sla_started_at,
            first_action_at=lead.first_action_at,
            loss_reason=lead.loss_reason,
            updated_at=lead.updated_at,
        )

    async def mark_duplicates(self, pairs: Mapping[int, int]) -> None:
        for lead_id, original in pairs.items():
            self.by_id[lead_id] = replace(self.by_id[lead_id], duplicate_of=original)

    async def discard_import(self, import_id: str) -> int:
        doomed = {i for i, lead in self.by_id.items() if lead.import_id == import_id}
        self.events = [e for e in self.events if e.lead_id not in doomed]
        for lead_id in doomed:
            del self.by_id[lead_id]
        return len(doomed)

    async def by_external_id(self, source_id: int, external_id: str) -> Lead | None:
        return next(
            (
                lead
                for lead in self.by_id.values()
                if (lead.intake_source_id, lead.external_id) == (source_id, external_id)
            ),
            None,
        )

    async def recent_by_contact(
        self, *, phones: Sequence[str], emails: Sequence[str], since: datetime
    ) -> Mapping[str, int]:
        found: dict[str, int] = {}
        for lead in sorted(self.by_id.values(), key=lambda lead: lead.id):
            if lead.created_at < since:
                continue
            for key, wanted in ((lead.contact.phone, phones), (lead.contact.email, emails)):
                if key is not None and key in wanted:
                    found.setdefault(key, lead.id)
        return found

    async def unassigned_of_import(self, import_id: str) -> Sequence[Lead]:
        return [
            lead
            for _, lead in sorted(self.by_id.items())
            if lead.import_id == import_id and lead.status is LeadStatus.UNASSIGNED
        ]

    async def awaiting_first_action(self, *, started_before: datetime) -> Sequence[Lead]:
        return [
            lead
            for _, lead in sorted(self.by_id.items())
            if lead.status is LeadStatus.NEW
            and lead.sla_started_at is not None
            and lead.sla_started_at <= started_before
            and lead.assignee_id is not None
            and lead.reminded_no < lead.assignment_no
        ]

    async def counts(self, where: LeadFilter) -> Mapping[LeadStatus, int]:
        found: dict[LeadStatus, int] = {}
        for lead in self.by_id.values():
            if _matches(lead, where):
                found[lead.status] = found.get(lead.status, 0) + 1
        return found

    def _newest(self, where: LeadFilter) -> list[Lead]:
        return sorted(
            (lead for lead in self.by_id.values() if _matches(lead, where)),
            key=lambda lead: -lead.id,
        )

    async def page(self, where: LeadFilter, *, offset: int, limit: int) -> Sequence[Lead]:
        return self._newest(where)[offset : offset + limit]

    async def search(
        self, where: LeadFilter, *, name: str, phone: str | None, limit: int
    ) -> Sequence[Lead]:
        forms = {name, name[:1].upper() + name[1:]}
        return [
            lead
            for lead in self._newest(where)
            if any(lead.contact.name.startswith(f) for f in forms)
            or (phone is not None and lead.contact.phone == phone)
        ][:limit]

    async def sources(self, where: LeadFilter) -> Sequence[str]:
        return sorted({lead.contact.source for lead in self._newest(where) if lead.contact.source})

    async def campaign_ids(self, where: LeadFilter) -> Sequence[int]:
        ids = {lead.contact.campaign_id for lead in self._newest(where)}
        return sorted((i for i in ids if i is not None), reverse=True)

    async def assigned_to_since(self, person_id: int, since: datetime) -> int:
        kinds = (EventKind.ASSIGNED, EventKind.REASSIGNED, EventKind.OVERTURNED)
        return len(
            {
                e.lead_id
                for e in self.events
                if e.kind in kinds and e.at >= since and e.details.get("rep") == person_id
            }
        )

    async def export(self, where: LeadFilter) -> Sequence[Lead]:
        return sorted(self._newest(where), key=lambda lead: lead.id)

    async def record(self, entry: HistoryEntry) -> None:
        self.events.append(entry)

    async def record_many(self, entries: Sequence[HistoryEntry]) -> None:
        self.events.extend(entries)

    async def history(self, lead_id: int) -> Sequence[HistoryEntry]:
        return [e for e in self.events if e.lead_id == lead_id]

    async def histories(self, lead_ids: Sequence[int]) -> Mapping[int, Sequence[HistoryEntry]]:
        found: dict[int, list[HistoryEntry]] = {}
        for entry in self.events:
            if entry.lead_id in lead_ids:
                found.setdefault(entry.lead_id, []).append(entry)
        return found

    async def last_in_rotation(self, scope: str) -> int | None:
        return self.rotation.get(scope)

    async def rotate(self, scope: str, person_id: int) -> None:
        self.rotation[scope] = person_id

    # --- for tests -------------------------------------------------------------------------------

    def kinds_of(self, lead_id: int) -> list[EventKind]:
        return [e.kind for e in self.events if e.lead_id == lead_id]


class FakeDisputeRepo:
    def __init__(self) -> None:
        self.by_id: dict[int, Dispute] = {}

    async def add(self, new: NewDispute) -> Dispute:
        dispute = Dispute(
            id=max(self.by_id, default=0) + 1,
            lead_id=new.lead_id,
            rep_id=new.rep_id,
            team_id=new.team_id,
            version=new.version,
            clause=new.clause,
            status=new.status,
            opened_at=new.opened_at,
        )
        self.by_id[dispute.id] = dispute
        return dispute

    async def get(self, dispute_id: int) -> Dispute | None:
        return self.by_id.get(dispute_id)

    async def save(self, dispute: Dispute) -> None:
        if dispute.id in self.by_id:
            self.by_id[dispute.id] = dispute

    async def pending_for(self, lead_id: int) -> Dispute | None:
        pending = [d for d in self.by_id.values() if d.lead_id == lead_id and d.is_pending]
        return max(pending, key=lambda d: d.id, default=None)

    async def for_lead(self, lead_id: int) -> Sequence[Dispute]:
        return sorted((d for d in self.by_id.values() if d.lead_id == lead_id), key=lambda d: d.id)

    async def with_status(self, status: DisputeStatus) -> Sequence[Dispute]:
        return sorted(
            (d for d in self.by_id.values() if d.status is status),
            key=lambda d: (d.opened_at, d.id),
        )

    async def by_rep_since(self, rep_id: int, since: datetime) -> int:
        return sum(
            1
            for d in self.by_id.values()
            if d.rep_id == rep_id
            and d.opened_at >= since
            and d.status is not DisputeStatus.DECLINED
        )

    async def export(self) -> Sequence[Dispute]:
        return sorted(self.by_id.values(), key=lambda d: d.id)


class FakeRegulationRepo:
    def __init__(self) -> None:
        self.versions_: dict[int, Regulation] = {}
        self.acks: dict[tuple[int, int], datetime] = {}

    async def current(self) -> Regulation | None:
        published = [r for r in self.versions_.values() if not r.is_draft]
        return max(published, key=lambda r: r.version, default=None)

    async def get(self, version: int) -> Regulation | None:
        return self.versions_.get(version)

    async def draft(self) -> Regulation | None:
        return next((r for r in self.versions_.values() if r.is_draft), None)

    async def versions(self) -> Sequence[Regulation]:
        published = [replace(r, clauses=()) for r in self.versions_.values() if not r.is_draft]
        return sorted(published, key=lambda r: -r.version)

    async def add(self, regulation: Regulation, *, created_by: int | None, now: datetime) -> None:
        if regulation.version in self.versions_:
            raise ValueError("UNIQUE constraint failed: regulation_versions.version")
        self.versions_[regulation.version] = replace(regulation, created_at=now)

    async def save_settings(self, version: int, settings: Settings) -> None:
        found = self.versions_[version]
        if found.is_draft:
            self.versions_[version] = replace(found, settings=settings)

    async def save_clause(self, version: int, clause: Clause) -> None:
        found = self.versions_[version]
        kept = tuple(c for c in found.clauses if c.number != clause.number)
        clauses = tuple(sorted((*kept, clause), key=lambda c: (c.position, c.number)))
        self.versions_[version] = replace(found, clauses=clauses)

    async def remove_clause(self, version: int, number: str) -> None:
        found = self.versions_[version]
        clauses = tuple(c for c in found.clauses if c.number != number)
        self.versions_[version] = replace(found, clauses=clauses)

    async def publish(self, version: int, *, summary: str, by: int, at: datetime) -> None:
        found = self.versions_[version]
        if found.is_draft:
            self.versions_[version] = replace(
                found,
                status=RegulationStatus.PUBLISHED,
                summary=summary,
                published_by=by,
                published_at=at,
            )

    async def used_numbers(self) -> Sequence[str]:
        return sorted({c.number for r in self.versions_.values() for c in r.clauses})

    async def acknowledge(self, version: int, person_id: int, *, at: datetime) -> bool:
        if (version, person_id) in self.acks:
            return False
        self.acks[(version, person_id)] = at
        return True

    async def acknowledged(self, version: int) -> set[int]:
        return {pid for (v, pid) in self.acks if v == version}


class FakeLeadSourceRepo:
    def __init__(self) -> None:
        self.by_id: dict[int, LeadSource] = {}
        self.hashes: dict[int, str] = {}

    async def add(
        self, *, name: str, token_hash: str, created_by: int, now: datetime
    ) -> LeadSource:
        if token_hash in self.hashes.values():
            raise ValueError("UNIQUE constraint failed: lead_sources.token_hash")
        source = LeadSource(max(self.by_id, default=0) + 1, name, created_by, now)
        self.by_id[source.id] = source
        self.hashes[source.id] = token_hash
        return source

    async def get(self, source_id: int) -> LeadSource | None:
        return self.by_id.get(source_id)

    async def by_token_hash(self, token_hash: str) -> LeadSource | None:
        return next((self.by_id[i] for i, h in self.hashes.items() if h == token_hash), None)

    async def all(self) -> Sequence[LeadSource]:
        return sorted(self.by_id.values(), key=lambda s: s.id)

    async def revoke(self, source_id: int, *, at: datetime) -> bool:
        source = self.by_id.get(source_id)
        if source is None or source.revoked_at is not None:
            return False
        self.by_id[source_id] = replace(source, revoked_at=at)
        return True


class CampaignsById:
    """The campaigns repository as leads use it: by id, and the list for the form."""

    def __init__(self, *campaigns: Campaign) -> None:
        self.by_id = {c.id: c for c in campaigns}

    async def get(self, campaign_id: int) -> Campaign | None:
        return self.by_id.get(campaign_id)

    async def all(self, *, include_cancelled: bool = True) -> Sequence[Campaign]:
        return sorted(self.by_id.values(), key=lambda c: c.id)


def v1(language: Language = Language.EN, *, at: datetime = NOW) -> Regulation:
    return Regulation(
        1, RegulationStatus.PUBLISHED, Settings(), default_clauses(language), published_at=at
    )


@dataclass
class Scene:
    """A company: an admin, a marketer, an analyst, a team lead and three reps of team 1 (one
    of them in team 2), with regulation v1. Every test arranges its leads."""

    uow: FakeUnitOfWork
    admin: Person
    marketer: Person
    analyst: Person
    lead: Person
    reps: list[Person]

    @property
    def leads(self) -> FakeLeadRepo:
        repo = self.uow.leads
        assert isinstance(repo, FakeLeadRepo)
        return repo

    @property
    def disputes(self) -> FakeDisputeRepo:
        repo = self.uow.disputes
        assert isinstance(repo, FakeDisputeRepo)
        return repo

    @property
    def regulation(self) -> FakeRegulationRepo:
        repo = self.uow.regulation
        assert isinstance(repo, FakeRegulationRepo)
        return repo

    @property
    def sources(self) -> FakeLeadSourceRepo:
        repo = self.uow.lead_sources
        assert isinstance(repo, FakeLeadSourceRepo)
        return repo


def a_scene(*campaigns: Campaign) -> Scene:
    admin, marketer, analyst = an_admin(1), a_marketer(2), an_analyst(3)
    lead = a_lead(4, team=1)
    reps = [a_rep(10, team=1, name="Anton"), a_rep(11, team=1, name="Vera"), a_rep(12, team=2)]
    uow = FakeUnitOfWork(
        leads=FakeLeadRepo(),
        disputes=FakeDisputeRepo(),
        regulation=FakeRegulationRepo(),
        lead_sources=FakeLeadSourceRepo(),
        campaigns=CampaignsById(*campaigns),
    )
    uow.people.put(admin, marketer, analyst, lead, *reps)
    uow.teams.put(a_team(1, "Москва", region="Центр"), a_team(2, "Казань", region="Поволжье"))
    uow.regulation.versions_[1] = v1()
    return Scene(uow, admin, marketer, analyst, lead, reps)
