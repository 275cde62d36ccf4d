"""A meeting's participants: who was invited and when, their answer (yes, maybe or no) and,
once the meeting is held, whether they attended; the answers grouped by team with names
sorted, as the organiser's card shows them; and how far ahead someone who joins a targeted
team late is still invited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.people.model import Person

LATE_JOIN_HORIZON = timedelta(days=7)  # late joiners are invited to meetings this close


class Rsvp(StrEnum):
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


@dataclass(frozen=True, slots=True)
class Participant:
    meeting_id: int
    person_id: int
    invited_at: datetime
    rsvp: Rsvp | None = None
    rsvp_at: datetime | None = None
    attended: bool | None = None

    @property
    def declined(self) -> bool:
        return self.rsvp is Rsvp.NO


@dataclass(frozen=True, slots=True)
class RsvpGroup:
    team_id: int | None
    yes: tuple[Person, ...]
    maybe: tuple[Person, ...]
    no: tuple[Person, ...]
    waiting: tuple[Person, ...]

    @property
    def total(self) -> int:
        return len(self.yes) + len(self.maybe) + len(self.no) + len(self.waiting)


def rsvp_groups(
    participants: Sequence[Participant], people: Mapping[int, Person]
) -> tuple[RsvpGroup, tuple[RsvpGroup, ...]]:
    """The whole meeting's answers and each team's, names sorted."""

    def group(team_id: int | None, rows: Sequence[Participant]) -> RsvpGroup:
        def named(rsvp: Rsvp | None) -> tuple[Person, ...]:
            found = [people[r.person_id] for r in rows if r.rsvp is rsvp and r.person_id in people]
            return tuple(sorted(found, key=lambda p: p.full_name.lower()))

        return RsvpGroup(team_id, named(Rsvp.YES), named(Rsvp.MAYBE), named(Rsvp.NO), named(None))

    by_team: dict[int | None, list[Participant]] = {}
    for row in participants:
        person = people.get(row.person_id)
        by_team.setdefault(person.team_id if person else None, []).append(row)
    teams = tuple(
        group(team_id, rows)
        for team_id, rows in sorted(by_team.items(), key=lambda i: (i[0] is None, i[0] or 0))
    )
    return group(None, participants), teams


def sorted_people(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=lambda p: p.full_name.lower())
