"""What meetings need from storage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from domain.meetings.agenda import Topic, TopicSource
from domain.meetings.model import Meeting
from domain.meetings.outcomes import ActionItem, Decision
from domain.meetings.participants import Participant, Rsvp
from domain.meetings.polls import Answer, Slot, SlotVote


class MeetingRepo(Protocol):
    # --- meetings ------------------------------------------------------------------------------
    async def add(self, meeting: Meeting) -> Meeting:
        """Store a new meeting (its ``id`` is ignored) and return it with its id."""
        ...

    async def get(self, meeting_id: int) -> Meeting | None: ...
    async def save(self, meeting: Meeting, *, now: datetime) -> None: ...
    async def delete_draft(self, meeting_id: int) -> None: ...
    async def drafts_of(self, person_id: int) -> Sequence[Meeting]:
        """The person's unfinished drafts, newest first."""
        ...

    async def upcoming_for(
        self, person_id: int, *, since: datetime, limit: int
    ) -> Sequence[Meeting]:
        """Meetings (polling, undecided or scheduled, starting after ``since`` or not timed
        yet) the person organises or takes part in, polls first, then soonest first."""
        ...

    async def past_for(self, person_id: int, *, before: datetime, limit: int) -> Sequence[Meeting]:
        """Scheduled meetings that started before ``before``, latest first."""
        ...

    async def for_campaign(self, campaign_id: int) -> Sequence[Meeting]:
        """Presentations of a campaign that are not cancelled, soonest first."""
        ...

    async def scheduled_between(self, start: datetime, end: datetime) -> Sequence[Meeting]:
        """Scheduled meetings starting in [start, end)."""
        ...

    async def polls_closing(self, *, by: datetime) -> Sequence[Meeting]:
        """Polling meetings whose deadline has come."""
        ...

    async def series_due(self, *, by: datetime) -> Sequence[Meeting]:
        """Latest occurrences whose series should get its next occurrence now."""
        ...

    async def occurrences(self, series_id: int, *, from_number: int = 1) -> Sequence[Meeting]:
        """A series' occurrences from number ``from_number`` on, in order."""
        ...

    # --- participants ----------------------------------------------------------------------------
    async def add_participants(
        self, meeting_id: int, person_ids: Sequence[int], *, at: datetime
    ) -> list[int]:
        """Add those not there yet; returns the ids that are new."""
        ...

    async def participants(self, meeting_id: int) -> Sequence[Participant]: ...
    async def participants_of(self, meeting_ids: Sequence[int]) -> dict[int, list[Participant]]: ...
    async def participant(self, meeting_id: int, person_id: int) -> Participant | None: ...
    async def participations(
        self, person_id: int, meeting_ids: Sequence[int]
    ) -> dict[int, Participant]:
        """meeting id -> the person's participation, for those of ``meeting_ids`` they are in."""
        ...

    async def set_rsvp(
        self, meeting_id: int, person_id: int, rsvp: Rsvp, *, at: datetime
    ) -> None: ...
    async def set_attended(
        self, meeting_id: int, person_id: int, attended: bool | None
    ) -> None: ...

    # --- the slot poll ---------------------------------------------------------------------------
    async def add_slot(self, meeting_id: int, starts_at: datetime) -> Slot: ...
    async def remove_slot(self, meeting_id: int, slot_id: int) -> bool: ...
    async def slots(self, meeting_id: int) -> Sequence[Slot]:
        """In time order."""
        ...

    async def vote(self, slot_id: int, person_id: int, answer: Answer, *, at: datetime) -> None: ...
    async def votes(self, meeting_id: int) -> Sequence[SlotVote]: ...

    # --- the agenda ------------------------------------------------------------------------------
    async def add_topic(
        self,
        meeting_id: int,
        text: str,
        *,
        source: TopicSource,
        added_by: int | None,
        at: datetime,
        voice_file_id: str | None = None,
    ) -> Topic: ...
    async def topics(self, meeting_id: int) -> Sequence[Topic]:
        """The agenda in order (dropped topics are gone)."""
        ...

    async def topic(self, topic_id: int) -> Topic | None: ...
    async def set_topic_position(self, topic_id: int, position: int) -> None: ...
    async def drop_topic(self, topic_id: int) -> None: ...

    # --- minutes ---------------------------------------------------------------------------------
    async def add_decision(self, meeting_id: int, text: str, *, at: datetime) -> Decision: ...
    async def decisions(self, meeting_id: int) -> Sequence[Decision]: ...
    async def add_action(
        self, meeting_id: int, text: str, *, owner_id: int, due: date, at: datetime
    ) -> ActionItem: ...
    async def action(self, action_id: int) -> ActionItem | None: ...
    async def actions(self, meeting_id: int) -> Sequence[ActionItem]: ...
    async def mark_done(self, action_id: int, *, at: datetime) -> bool:
        """False when it was done already."""
        ...

    async def open_actions_owned(self, person_id: int) -> Sequence[ActionItem]: ...
    async def open_actions_organised(self, person_id: int) -> Sequence[ActionItem]:
        """Open items of the meetings the person organises."""
        ...

    async def open_actions_due_between(self, first: date, last: date) -> Sequence[ActionItem]: ...
