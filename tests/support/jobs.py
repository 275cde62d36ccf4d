"""What a job costs a person on their phone: the buttons they pressed and the messages the bot
left in their chat for it.

``count_job(player)`` brackets one job (inviting a team, giving feedback, saying "me too")::

    async with count_job(marketer) as job:
        await marketer.press("📝 Брифинг поля")
        ...
    assert job.taps == 7 and job.messages_left == 1

``taps`` counts the person's button presses (callback queries, forged ones too), ``typed``
what they sent (texts, photos, voice …), ``messages_left`` the bot's messages in their chat at
the end minus those at the start: a prompt the bot deleted once answered, or a screen edited in
place, adds nothing; an old screen the bot removed counts against the job. ``sent`` counts
every bot message that appeared meanwhile, deleted or not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player


@dataclass
class Job:
    player: Player
    _first_update: int
    _messages_before: int
    _sent_before: int
    _last_update: int | None = None
    _messages_after: int | None = None
    _sent_after: int | None = None
    _updates: list[dict[str, Any]] = field(default_factory=list)

    def _from_player(self, kind: str) -> int:
        return sum(
            1
            for update in self._updates
            if kind in update and update[kind].get("from", {}).get("id") == self.player.id
        )

    @property
    def taps(self) -> int:
        """Buttons the person pressed during the job."""
        return self._from_player("callback_query")

    @property
    def typed(self) -> int:
        """Messages the person sent during the job (text, photos, voice, documents …)."""
        return self._from_player("message")

    @property
    def messages_left(self) -> int:
        """The bot's messages in the person's chat after the job, less those before it."""
        assert self._messages_after is not None, "the job is still running"
        return self._messages_after - self._messages_before

    @property
    def sent(self) -> int:
        """Every message the bot sent the person during the job, deleted since or not."""
        assert self._sent_after is not None, "the job is still running"
        return self._sent_after - self._sent_before

    @property
    def left(self) -> list[FakeMessage]:
        """The bot's messages of the job still in the chat, oldest first."""
        sent = self.player.user._sent_log[self._sent_before : self._sent_after]
        return [message for message in sent if not message.deleted]

    def __repr__(self) -> str:
        return (
            f"<Job of {self.player.user.first_name}: {self.taps} taps, {self.typed} typed,"
            f" {self.messages_left} messages left, {self.sent} sent>"
        )


@asynccontextmanager
async def count_job(player: Player) -> AsyncIterator[Job]:
    """Count the taps and the messages left in ``player``'s chat for the job in the block."""
    fake = player.tandem.fake
    user = player.user
    job = Job(player, fake._next_update_id, len(user.messages), len(user._sent_log))
    yield job
    await player.tandem.edits_applied()
    job._last_update = fake._next_update_id
    job._updates = [
        fake._sent_updates[update_id]
        for update_id in range(job._first_update, job._last_update)
        if update_id in fake._sent_updates
    ]
    job._messages_after = len(user.messages)
    job._sent_after = len(user._sent_log)
