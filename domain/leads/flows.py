"""The leads feature's multi-step flows: the /newlead form, a file awaited for import, a
dispute's evidence, a return's comment, an analyst's ruling, regulation edits, searching and
naming an intake source.

Each state is what the person has chosen so far; the use cases move from one state to the
next and save it in the same unit of work as the change it records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import ClassVar

from domain.errors import DomainError
from domain.leads.model import Verdict
from domain.leads.regulation import ClauseKind, Setting


class StepGone(DomainError):
    """A button or a message for a step the person has already left."""

    key = "button-expired"


class FormField(StrEnum):
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    COMPANY = "company"
    REGION = "region"
    SOURCE = "source"
    CAMPAIGN = "campaign"
    COMMENT = "comment"
    ASSIGN = "assign"  # every field given: where does the lead go?


FORM_ORDER = tuple(FormField)
OPTIONAL = frozenset(FORM_ORDER[2:8])


@dataclass(frozen=True, slots=True)
class LeadForm:
    """/newlead: the fields typed so far; ``waiting`` is the one asked now."""

    kind: ClassVar[str] = "leads.new"
    waiting: FormField = FormField.NAME
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    company: str | None = None
    region: str | None = None
    source: str | None = None
    campaign_id: int | None = None
    comment: str | None = None

    def given(self, value: str | int | None) -> LeadForm:
        """The answer to the waiting field, and the next field asked."""
        following = FORM_ORDER[FORM_ORDER.index(self.waiting) + 1]
        name = "campaign_id" if self.waiting is FormField.CAMPAIGN else self.waiting.value
        changes: dict[str, object] = {name: value}
        return replace(self, waiting=following, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class AwaitingImport:
    """A CSV or XLSX file of leads is awaited."""

    kind: ClassVar[str] = "leads.import"


@dataclass(frozen=True, slots=True)
class DisputeEvidence:
    """A dispute is open: a note, photo, voice note or document may follow."""

    kind: ClassVar[str] = "leads.evidence"
    dispute_id: int


@dataclass(frozen=True, slots=True)
class ReturnComment:
    """A return for "another reason": its comment is awaited."""

    kind: ClassVar[str] = "leads.return"
    lead_id: int


class Target(StrEnum):
    SAME = "same"  # back to the rep who disputed
    ROTATION = "rr"  # round-robin in the lead's team
    REP = "rep"  # a rep the analyst picks


@dataclass(frozen=True, slots=True)
class Ruling:
    """An analyst's verdict being made: the clause it cites, where an overturned lead goes;
    a typed remark confirms it."""

    kind: ClassVar[str] = "leads.ruling"
    dispute_id: int
    verdict: Verdict
    clause: str
    target: Target = Target.SAME
    rep_id: int | None = None


@dataclass(frozen=True, slots=True)
class ClauseEdit:
    """A clause of the draft being added (``number`` None) or changed: its title, then its
    text."""

    kind: ClassVar[str] = "leads.clause"
    clause_kind: ClauseKind
    number: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class SettingEdit:
    kind: ClassVar[str] = "leads.setting"
    setting: Setting


@dataclass(frozen=True, slots=True)
class PublishSummary:
    """Publishing the draft: its summary of changes is awaited."""

    kind: ClassVar[str] = "leads.publish"


@dataclass(frozen=True, slots=True)
class SearchLeads:
    kind: ClassVar[str] = "leads.search"


@dataclass(frozen=True, slots=True)
class SourceName:
    """A new intake source: its name is awaited."""

    kind: ClassVar[str] = "leads.source"
