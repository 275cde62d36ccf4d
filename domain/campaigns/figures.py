"""Who got a campaign and who acknowledged it: delivery figures per team and in total,
aggregated from one (recipient, delivery status, acknowledged) row per person — with who has
not acknowledged and who could not be reached, by name. A team lead sees their own team's
only; a regulation's acknowledgements are counted the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.people.model import Person


@dataclass(frozen=True, slots=True)
class TeamFigures:
    team_id: int | None
    recipients: int
    delivered: int
    acknowledged: int
    unreachable: int
    pending: int
    not_acknowledged: tuple[Person, ...]
    unreachable_people: tuple[Person, ...] = ()

    @property
    def acknowledged_percent(self) -> int:
        """Acknowledged, as a share of those it was delivered to."""
        return round(100 * self.acknowledged / self.delivered) if self.delivered else 0


@dataclass(frozen=True, slots=True)
class Figures:
    total: TeamFigures
    teams: tuple[TeamFigures, ...]


def figures(rows: Sequence[tuple[Person, str, bool]], *, only_team: int | None = None) -> Figures:
    """Aggregate (recipient, delivery status, acknowledged) rows per team.

    ``only_team`` keeps one team's rows (what a team lead may see).
    """
    if only_team is not None:
        rows = [row for row in rows if row[0].team_id == only_team]
    by_team: dict[int | None, list[tuple[Person, str, bool]]] = {}
    for row in rows:
        by_team.setdefault(row[0].team_id, []).append(row)

    def tally(team_id: int | None, group: Sequence[tuple[Person, str, bool]]) -> TeamFigures:
        delivered = sum(1 for _, status, _ in group if status == "sent")
        return TeamFigures(
            team_id=team_id,
            recipients=len(group),
            delivered=delivered,
            acknowledged=sum(1 for _, _, acked in group if acked),
            unreachable=sum(1 for _, status, _ in group if status in ("unreachable", "failed")),
            pending=sum(1 for _, status, _ in group if status in ("pending", "sending")),
            not_acknowledged=tuple(
                sorted(
                    (p for p, status, acked in group if status == "sent" and not acked),
                    key=lambda p: p.full_name.lower(),
                )
            ),
            unreachable_people=tuple(
                sorted(
                    (p for p, status, _ in group if status in ("unreachable", "failed")),
                    key=lambda p: p.full_name.lower(),
                )
            ),
        )

    teams = tuple(
        tally(team_id, group)
        for team_id, group in sorted(
            by_team.items(), key=lambda item: (item[0] is None, item[0] or 0)
        )
    )
    return Figures(total=tally(None, rows), teams=teams)
