"""The meetings repository in memory, faithful to ``storage/meetings/repo.py`` and its parts
(``storage/meetings/*.py``): the same orders, the same windows, participants unique per
meeting, a vote replaced by the next one, dropped topics gone, an action done once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from domain.meetings.agenda import Topic, TopicSource
from domain.meetings.model import Meeting, Status
from domain.meetings.outcomes import ActionItem, Decision
from domain.meetings.participants import Participant, Rsvp
from domain.meetings.polls import Answer, Slot, SlotVote

ACTIVE = (Status.POLLING, Status.UNDECIDED, Status.SCHEDULED)


def _start_key(meeting: Meeting) -> tuple[bool, datetime | None, int]:
    return (meeting.starts_at is not None, meeting.starts_at, meeting.id)


class FakeMeetingRepo:
    def __init__(self) -> None:
        self.by_id: dict[int, Meeting] = {}
        self.participants_by: dict[tuple[int, int], Participant] = {}
        self.slots_by: dict[int, Slot] = {}
        self.votes_by: dict[tuple[int, int], SlotVote] = {}
        self.topics_by: dict[int, Topic] = {}
        self.dropped: set[int] = set()
        self.decisions_by: dict[int, Decision] = {}
        self.actions_by: dict[int, ActionItem] = {}

    def put(self, *meetings: Meeting) -> None:
        for meeting in meetings:
            self.by_id[meeting.id] = meeting

    # --- meetings --------------------------------------------------------------------------------

    async def add(self, meeting: Meeting) -> Meeting:
        stored = replace(meeting, id=max(self.by_id, default=0) + 1)
        self.by_id[stored.id] = stored
        return stored

    async def get(self, meeting_id: int) -> Meeting | None:
        return self.by_id.get(meeting_id)

    async def save(self, meeting: Meeting, *, now: datetime) -> None:
        if meeting.id in self.by_id:
            self.by_id[meeting.id] = replace(meeting, created_at=self.by_id[meeting.id].created_at)

    async def delete_draft(self, meeting_id: int) -> None:
        meeting = self.by_id.get(meeting_id)
        if meeting is not None and meeting.status is Status.DRAFT:
            del self.by_id[meeting_id]

    async def drafts_of(self, person_id: int) -> Sequence[Meeting]:
        found = [m for m in self.by_id.values() if m.organiser_id == person_id and m.is_draft]
        return sorted(found, key=lambda m: -m.id)

    def _involves(self, meeting: Meeting, person_id: int) -> bool:
        return meeting.organiser_id == person_id or (meeting.id, person_id) in self.participants_by

    async def upcoming_for(
        self, person_id: int, *, since: datetime, limit: int
    ) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.status in ACTIVE
            and (m.starts_at is None or m.starts_at > since)
            and self._involves(m, person_id)
        ]
        return sorted(found, key=_start_key)[:limit]

    async def past_for(self, person_id: int, *, before: datetime, limit: int) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.status is Status.SCHEDULED
            and m.starts_at is not None
            and m.starts_at <= before
            and self._involves(m, person_id)
        ]
        return sorted(found, key=lambda m: (m.starts_at, m.id), reverse=True)[:limit]

    async def for_campaign(self, campaign_id: int) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.campaign_id == campaign_id and m.status is not Status.CANCELLED
        ]
        return sorted(found, key=lambda m: (m.starts_at is None, m.starts_at, m.id))

    async def scheduled_between(self, start: datetime, end: datetime) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.status is Status.SCHEDULED
            and m.starts_at is not None
            and start <= m.starts_at < end
        ]
        return sorted(found, key=lambda m: (m.starts_at, m.id))

    async def polls_closing(self, *, by: datetime) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.status is Status.POLLING and m.poll_deadline is not None and m.poll_deadline <= by
        ]
        return sorted(found, key=lambda m: (m.poll_deadline, m.id))

    async def series_due(self, *, by: datetime) -> Sequence[Meeting]:
        found = [
            m for m in self.by_id.values() if m.next_due_at is not None and m.next_due_at <= by
        ]
        return sorted(found, key=lambda m: (m.next_due_at, m.id))

    async def occurrences(self, series_id: int, *, from_number: int = 1) -> Sequence[Meeting]:
        found = [
            m
            for m in self.by_id.values()
            if m.series_id == series_id and m.occurrence >= from_number
        ]
        return sorted(found, key=lambda m: (m.occurrence, m.id))

    # --- participants ----------------------------------------------------------------------------

    async def add_participants(
        self, meeting_id: int, person_ids: Sequence[int], *, at: datetime
    ) -> list[int]:
        if meeting_id not in self.by_id:
            raise ValueError("FOREIGN KEY constraint failed")
        new = []
        for pid in dict.fromkeys(person_ids):
            if (meeting_id, pid) not in self.participants_by:
                self.participants_by[(meeting_id, pid)] = Participant(meeting_id, pid, at)
                new.append(pid)
        return new

    async def participants(self, meeting_id: int) -> Sequence[Participant]:
        return sorted(
            (p for (mid, _), p in self.participants_by.items() if mid == meeting_id),
            key=lambda p: p.person_id,
        )

    async def participants_of(self, meeting_ids: Sequence[int]) -> dict[int, list[Participant]]:
        return {mid: list(await self.participants(mid)) for mid in meeting_ids}

    async def participant(self, meeting_id: int, person_id: int) -> Participant | None:
        return self.participants_by.get((meeting_id, person_id))

    async def participations(
        self, person_id: int, meeting_ids: Sequence[int]
    ) -> dict[int, Participant]:
        return {
            mid: self.participants_by[(mid, person_id)]
            for mid in meeting_ids
            if (mid, person_id) in self.participants_by
        }

    async def set_rsvp(self, meeting_id: int, person_id: int, rsvp: Rsvp, *, at: datetime) -> None:
        key = (meeting_id, person_id)
        if key in self.participants_by:
            self.participants_by[key] = replace(self.participants_by[key], rsvp=rsvp, rsvp_at=at)

    async def set_attended(self, meeting_id: int, person_id: int, attended: bool | None) -> None:
        key = (meeting_id, person_id)
        if key in self.participants_by:
            self.participants_by[key] = replace(self.participants_by[key], attended=attended)

    # --- the slot poll ---------------------------------------------------------------------------

    async def add_slot(self, meeting_id: int, starts_at: datetime) -> Slot:
        for slot in self.slots_by.values():
            if slot.meeting_id == meeting_id and slot.starts_at == starts_at:
                return slot
        slot = Slot(max(self.slots_by, default=0) + 1, meeting_id, starts_at)
        self.slots_by[slot.id] = slot
        return slot

    async def remove_slot(self, meeting_id: int, slot_id: int) -> bool:
        slot = self.slots_by.get(slot_id)
        if slot is None or slot.meeting_id != meeting_id:
            return False
        del self.slots_by[slot_id]
        for key in [k for k in self.votes_by if k[0] == slot_id]:
            del self.votes_by[key]
        return True

    async def slots(self, meeting_id: int) -> Sequence[Slot]:
        found = [s for s in self.slots_by.values() if s.meeting_id == meeting_id]
        return sorted(found, key=lambda s: (s.starts_at, s.id))

    async def vote(self, slot_id: int, person_id: int, answer: Answer, *, at: datetime) -> None:
        if slot_id not in self.slots_by:
            raise ValueError("FOREIGN KEY constraint failed")
        self.votes_by[(slot_id, person_id)] = SlotVote(slot_id, person_id, answer)

    async def votes(self, meeting_id: int) -> Sequence[SlotVote]:
        mine = {s.id for s in self.slots_by.values() if s.meeting_id == meeting_id}
        return sorted(
            (v for v in self.votes_by.values() if v.slot_id in mine),
            key=lambda v: (v.slot_id, v.person_id),
        )

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
    ) -> Topic:
        position = 1 + max(
            (t.position for t in self.topics_by.values() if t.meeting_id == meeting_id), default=0
        )
        topic = Topic(
            max(self.topics_by, default=0) + 1,
            meeting_id,
            position,
            text,
            source,
            added_by,
            at,
            voice_file_id,
        )
        self.topics_by[topic.id] = topic
        return topic

    async def topics(self, meeting_id: int) -> Sequence[Topic]:
        found = [
            t
            for t in self.topics_by.values()
            if t.meeting_id == meeting_id and t.id not in self.dropped
        ]
        return sorted(found, key=lambda t: (t.position, t.id))

    async def topic(self, topic_id: int) -> Topic | None:
        return None if topic_id in self.dropped else self.topics_by.get(topic_id)

    async def set_topic_position(self, topic_id: int, position: int) -> None:
        if topic_id in self.topics_by:
            self.topics_by[topic_id] = replace(self.topics_by[topic_id], position=position)

    async def drop_topic(self, topic_id: int) -> None:
        if topic_id in self.topics_by:
            self.dropped.add(topic_id)

    # --- minutes ---------------------------------------------------------------------------------

    async def add_decision(self, meeting_id: int, text: str, *, at: datetime) -> Decision:
        decision = Decision(max(self.decisions_by, default=0) + 1, meeting_id, text, at)
        self.decisions_by[decision.id] = decision
        return decision

    async def decisions(self, meeting_id: int) -> Sequence[Decision]:
        return sorted(
            (d for d in self.decisions_by.values() if d.meeting_id == meeting_id),
            key=lambda d: d.id,
        )

    async def add_action(
        self, meeting_id: int, text: str, *, owner_id: int, due: date, at: datetime
    ) -> ActionItem:
        item = ActionItem(max(self.actions_by, default=0) + 1, meeting_id, text, owner_id, due, at)
        self.actions_by[item.id] = item
        return item

    async def action(self, action_id: int) -> ActionItem | None:
        return self.actions_by.get(action_id)

    async def actions(self, meeting_id: int) -> Sequence[ActionItem]:
        return sorted(
            (a for a in self.actions_by.values() if a.meeting_id == meeting_id), key=lambda a: a.id
        )

    async def mark_done(self, action_id: int, *, at: datetime) -> bool:
        item = self.actions_by.get(action_id)
        if item is None or item.done_at is not None:
            return False
        self.actions_by[action_id] = replace(item, done_at=at)
        return True

    def _open(self) -> list[ActionItem]:
        return sorted(
            (a for a in self.actions_by.values() if a.is_open), key=lambda a: (a.due, a.id)
        )

    async def open_actions_owned(self, person_id: int) -> Sequence[ActionItem]:
        return [a for a in self._open() if a.owner_id == person_id]

    async def open_actions_organised(self, person_id: int) -> Sequence[ActionItem]:
        return [
            a
            for a in self._open()
            if a.meeting_id in self.by_id and self.by_id[a.meeting_id].organiser_id == person_id
        ]

    async def open_actions_due_between(self, first: date, last: date) -> Sequence[ActionItem]:
        return [a for a in self._open() if first <= a.due <= last]
