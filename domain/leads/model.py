"""Leads and disputes: what they are, the state machine a lead moves through, and the pure
rules about them.

A lead's life: it comes in (``unassigned``), is given to a rep (``new``: the first-action
clock runs), who takes it (``taken``) and records outcomes (``contacted`` → ``meeting`` →
``won`` / ``lost``), or disputes it (``disputed``: an analyst rules — ``disqualified`` when
the dispute is upheld, ``new`` again when it is overturned), or returns it (``unassigned``,
and round-robin gives it to the next rep). Every move is one :class:`Event` in
:data:`TRANSITIONS`; :func:`transition` is the only way a status changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.errors import InvalidInput

NAME_MAX = 120
FIELD_MAX = 200
COMMENT_MAX = 1000
NOTE_MAX = 1000


class LeadStatus(StrEnum):
    UNASSIGNED = "unassigned"
    NEW = "new"
    TAKEN = "taken"
    DISPUTED = "disputed"
    DISQUALIFIED = "disqualified"
    CONTACTED = "contacted"
    MEETING = "meeting"
    WON = "won"
    LOST = "lost"


class Event(StrEnum):
    ASSIGN = "assign"
    TAKE = "take"
    DISPUTE = "dispute"
    RETURN = "return"
    CONTACT = "contact"
    MEET = "meet"
    WIN = "win"
    LOSE = "lose"
    UPHOLD = "uphold"
    OVERTURN = "overturn"
    DECLINE = "decline"  # a team lead declines an over-cap dispute: back to the rep


S = LeadStatus
_WORKING = (S.TAKEN, S.CONTACTED, S.MEETING)
TRANSITIONS: Mapping[tuple[LeadStatus, Event], LeadStatus] = {
    (S.UNASSIGNED, Event.ASSIGN): S.NEW,
    (S.NEW, Event.ASSIGN): S.NEW,  # reassigned before anyone took it
    (S.NEW, Event.TAKE): S.TAKEN,
    (S.NEW, Event.DISPUTE): S.DISPUTED,
    (S.NEW, Event.RETURN): S.UNASSIGNED,
    (S.TAKEN, Event.DISPUTE): S.DISPUTED,
    (S.TAKEN, Event.RETURN): S.UNASSIGNED,
    **{(status, Event.ASSIGN): S.NEW for status in _WORKING},  # a team lead reassigns
    (S.TAKEN, Event.CONTACT): S.CONTACTED,
    (S.TAKEN, Event.MEET): S.MEETING,
    (S.CONTACTED, Event.MEET): S.MEETING,
    **{(status, Event.WIN): S.WON for status in _WORKING},
    **{(status, Event.LOSE): S.LOST for status in _WORKING},
    (S.DISPUTED, Event.UPHOLD): S.DISQUALIFIED,
    (S.DISPUTED, Event.OVERTURN): S.NEW,
    (S.DISPUTED, Event.DECLINE): S.NEW,
}

# What the rep's card offers in each state.
OUTCOMES: Mapping[LeadStatus, tuple[Event, ...]] = {
    S.TAKEN: (Event.CONTACT, Event.MEET, Event.WIN, Event.LOSE),
    S.CONTACTED: (Event.MEET, Event.WIN, Event.LOSE),
    S.MEETING: (Event.WIN, Event.LOSE),
}
CLOSED = frozenset({S.DISQUALIFIED, S.WON, S.LOST})


class InvalidTransition(InvalidInput):
    """The lead is not in a state where that can happen (somebody else acted first)."""

    key = "error-lead-state"


def transition(status: LeadStatus, event: Event) -> LeadStatus:
    """The status after ``event``, or :class:`InvalidTransition`."""
    try:
        return TRANSITIONS[(status, event)]
    except KeyError:
        raise InvalidTransition(status=status.value, event=event.value) from None


class ReturnReason(StrEnum):
    TERRITORY = "territory"
    CANNOT_HANDLE = "cannot"
    AWAY = "away"
    OTHER = "other"


class LossReason(StrEnum):
    NO_BUDGET = "budget"
    COMPETITOR = "competitor"
    NO_RESPONSE = "silent"
    NOT_INTERESTED = "uninterested"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Contact:
    """What a lead says about the customer: the fields of the form, the file or the API."""

    name: str
    phone: str | None = None  # E.164
    email: str | None = None
    company: str | None = None
    region: str | None = None
    source: str | None = None
    campaign_id: int | None = None
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class NewLead:
    contact: Contact
    created_by: int | None
    created_at: datetime
    duplicate_of: int | None = None
    intake_source_id: int | None = None
    external_id: str | None = None
    import_id: str | None = None


@dataclass(frozen=True, slots=True)
class Lead:
    id: int
    contact: Contact
    status: LeadStatus
    created_at: datetime
    updated_at: datetime
    created_by: int | None = None
    assignee_id: int | None = None
    team_id: int | None = None
    assignment_no: int = 0
    reminded_no: int = 0
    assigned_at: datetime | None = None
    sla_started_at: datetime | None = None
    first_action_at: datetime | None = None
    loss_reason: LossReason | None = None
    duplicate_of: int | None = None
    intake_source_id: int | None = None
    external_id: str | None = None
    import_id: str | None = None

    @property
    def name(self) -> str:
        return self.contact.name

    @property
    def awaits_first_action(self) -> bool:
        """Assigned and not yet taken, disputed or returned: the first-action clock runs."""
        return self.status is S.NEW and self.assignee_id is not None

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    def held_by(self, person_id: int) -> bool:
        return self.assignee_id == person_id and self.status is not S.UNASSIGNED

    def moved(self, event: Event, now: datetime, **changes: Any) -> Lead:
        """The lead after ``event`` (its status by the transition table), changed as given."""
        return replace(self, status=transition(self.status, event), updated_at=now, **changes)

    def assigned(
        self, person_id: int, team_id: int | None, now: datetime, event: Event = Event.ASSIGN
    ) -> Lead:
        """Given to a rep (or back to one, after a verdict): a new assignment, whose
        first-action clock starts now."""
        return self.moved(
            event,
            now,
            assignee_id=person_id,
            team_id=team_id,
            assignment_no=self.assignment_no + 1,
            assigned_at=now,
            sla_started_at=now,
            first_action_at=None,
        )


class DisputeStatus(StrEnum):
    APPROVAL = "approval"  # over the cap: waits for the team lead
    OPEN = "open"  # in the analysts' queue
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    DECLINED = "declined"  # the team lead did not approve it


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    VOICE = "voice"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: EvidenceKind
    file_id: str


@dataclass(frozen=True, slots=True)
class NewDispute:
    lead_id: int
    rep_id: int
    team_id: int | None
    version: int
    clause: str
    status: DisputeStatus
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class Dispute:
    id: int
    lead_id: int
    rep_id: int
    team_id: int | None
    version: int
    clause: str
    status: DisputeStatus
    opened_at: datetime
    note: str | None = None
    evidence: Evidence | None = None
    decided_by: int | None = None
    decided_at: datetime | None = None
    verdict_version: int | None = None
    verdict_clause: str | None = None
    remark: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status is DisputeStatus.OPEN

    @property
    def is_pending(self) -> bool:
        return self.status in (DisputeStatus.OPEN, DisputeStatus.APPROVAL)

    def with_(self, **changes: object) -> Dispute:
        return replace(self, **changes)  # type: ignore[arg-type]


class Verdict(StrEnum):
    UPHOLD = "uphold"
    OVERTURN = "overturn"


class EventKind(StrEnum):
    """What a history line says happened."""

    CREATED = "created"
    IMPORTED = "imported"
    ASSIGNED = "assigned"
    REASSIGNED = "reassigned"
    TAKEN = "taken"
    DISPUTED = "disputed"
    EVIDENCE = "evidence"
    APPROVED = "approved"
    DECLINED = "declined"
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    RETURNED = "returned"
    OUTCOME = "outcome"
    UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    lead_id: int
    at: datetime
    actor_id: int | None
    kind: EventKind
    details: Mapping[str, Any]


def clean_field(raw: str | None, *, limit: int = FIELD_MAX) -> str | None:
    """Spaces folded; None when empty; InvalidInput when too long."""
    if raw is None:
        return None
    text = " ".join(str(raw).split())
    if not text:
        return None
    if len(text) > limit:
        raise InvalidInput("error-text-length", limit=limit, length=len(text))
    return text


def clean_note(raw: str | None, *, limit: int = NOTE_MAX) -> str | None:
    if raw is None:
        return None
    text = raw.strip()
    if len(text) > limit:
        raise InvalidInput("error-text-length", limit=limit, length=len(text))
    return text or None
