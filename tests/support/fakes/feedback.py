"""Fakes of field feedback's port, and of the campaign reads its use cases make."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.campaigns.model import Campaign, Status
from domain.feedback.model import (
    Attachment,
    Feedback,
    FeedbackSettings,
    KeyReaction,
    MediaKind,
    NewFeedback,
    Reaction,
    SentPrompt,
)


class FakeFeedbackRepo:
    """The feedback tables in memory. Whom a campaign reached is read from the announcement's
    delivery rows in SQL; here a test arranges it with :meth:`reach` (the builders'
    ``announced_to`` does both)."""

    def __init__(self) -> None:
        self.saved_settings: dict[int, FeedbackSettings] = {}
        self.reached_at: dict[int, dict[int, datetime]] = {}
        self.by_id: dict[int, Feedback] = {}
        self.origins: dict[int, int | None] = {}
        self.prompts_sent: dict[tuple[int, int, int], SentPrompt] = {}
        self._media_ids = 0

    def prompted(
        self, campaign_id: int, person_id: int, message_id: int, day: int, at: datetime
    ) -> None:
        """Arrange: the day-``day`` prompt went out to this person at ``at`` as that message
        (in SQL, the prompt's delivery row)."""
        self.prompts_sent[(person_id, campaign_id, message_id)] = SentPrompt(day, at)

    async def sent_prompt(
        self, person_id: int, campaign_id: int, message_id: int
    ) -> SentPrompt | None:
        return self.prompts_sent.get((person_id, campaign_id, message_id))

    def reach(self, campaign_id: int, person_id: int, at: datetime) -> None:
        """Arrange: the campaign's announcement reached this person at ``at``."""
        self.reached_at.setdefault(campaign_id, {})[person_id] = at

    def put(self, *items: Feedback) -> None:
        """Arrange: store these submissions as they are."""
        for item in items:
            self.by_id[item.id] = item
            self.origins.setdefault(item.id, None)

    async def settings(self, campaign_id: int) -> FeedbackSettings:
        return self.saved_settings.get(campaign_id, FeedbackSettings(campaign_id))

    async def save_settings(self, settings: FeedbackSettings, *, by: int, now: datetime) -> None:
        self.saved_settings[settings.campaign_id] = settings

    async def reached(self, campaign_id: int) -> dict[int, datetime]:
        return dict(self.reached_at.get(campaign_id, {}))

    async def add(self, new: NewFeedback) -> Feedback:
        item = Feedback(
            id=max(self.by_id, default=0) + 1,
            campaign_id=new.campaign_id,
            person_id=new.person_id,
            team_id=new.team_id,
            anonymous=new.anonymous,
            source=new.source,
            rating=new.rating,
            comment=None,
            created_at=new.at,
            updated_at=new.at,
        )
        self.by_id[item.id] = item
        self.origins[item.id] = new.origin
        return item

    async def get(self, feedback_id: int) -> Feedback | None:
        return self.by_id.get(feedback_id)

    async def by_origin(self, person_id: int, campaign_id: int, origin: int) -> Feedback | None:
        return next(
            (
                f
                for f in self.by_id.values()
                if (f.person_id, f.campaign_id, self.origins[f.id])
                == (person_id, campaign_id, origin)
            ),
            None,
        )

    def _change(self, feedback_id: int, now: datetime, **changes: object) -> None:
        if feedback_id in self.by_id:
            item = self.by_id[feedback_id]
            self.by_id[feedback_id] = replace(item, updated_at=now, **changes)  # type: ignore[arg-type]

    async def set_rating(self, feedback_id: int, rating: int, *, now: datetime) -> None:
        self._change(feedback_id, now, rating=rating)

    async def set_comment(self, feedback_id: int, comment: str, *, now: datetime) -> None:
        self._change(feedback_id, now, comment=comment)

    async def add_attachment(
        self, feedback_id: int, kind: MediaKind, file_id: str, *, now: datetime
    ) -> None:
        self._media_ids += 1
        added = Attachment(self._media_ids, kind, file_id, now)
        self._change(feedback_id, now, attachments=(*self.by_id[feedback_id].attachments, added))

    async def set_reaction(
        self, feedback_id: int, index: int, message: str, reaction: Reaction, *, now: datetime
    ) -> None:
        kept = [r for r in self.by_id[feedback_id].reactions if r.index != index]
        reactions = sorted([*kept, KeyReaction(index, message, reaction)], key=lambda r: r.index)
        self._change(feedback_id, now, reactions=tuple(reactions))

    async def for_campaign(
        self, campaign_id: int, *, team_id: int | None = None
    ) -> Sequence[Feedback]:
        found = [
            f
            for f in self.by_id.values()
            if f.campaign_id == campaign_id and (team_id is None or f.team_id == team_id)
        ]
        return sorted(found, key=lambda f: (f.created_at, f.id), reverse=True)

    async def counts(
        self, campaign_ids: Sequence[int], *, team_id: int | None = None
    ) -> dict[int, int]:
        found: dict[int, int] = {}
        for f in self.by_id.values():
            if f.campaign_id in campaign_ids and (team_id is None or f.team_id == team_id):
                found[f.campaign_id] = found.get(f.campaign_id, 0) + 1
        return found


class FakeCampaignReads:
    """The campaign port as far as feedback reads it (``get``, ``all``, ``reaching_team``),
    over campaigns a test puts there. Which teams an announcement went to is a join of the
    delivery rows and people in SQL; here the builders' ``announced_to`` arranges it."""

    def __init__(self, campaigns: Sequence[Campaign] = ()) -> None:
        self.by_id: dict[int, Campaign] = {c.id: c for c in campaigns}
        self.teams_reached: dict[int, set[int]] = {}

    def put(self, *campaigns: Campaign) -> None:
        for campaign in campaigns:
            self.by_id[campaign.id] = campaign

    async def get(self, campaign_id: int) -> Campaign | None:
        return self.by_id.get(campaign_id)

    async def all(self, *, include_cancelled: bool = True) -> Sequence[Campaign]:
        return [
            c
            for _, c in sorted(self.by_id.items(), reverse=True)
            if include_cancelled or c.status is not Status.CANCELLED
        ]

    async def reaching_team(self, team_id: int) -> Sequence[Campaign]:
        return [c for c in await self.all() if team_id in self.teams_reached.get(c.id, set())]
