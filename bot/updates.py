"""Concurrent update processing that keeps each chat's updates in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from storage import inbox


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` updates at once, but one at a time per chat.

    People in different chats are served in parallel (a slow screen for one admin does not
    hold up a rep), while two quick taps by one person are handled in the order sent, so a
    flow never sees its steps out of order.

    Each update is handled as the inbox's current one (``storage.inbox.handling``), so the
    change it makes is marked applied in the same transaction, and ``on_done`` records its end.

    ``expect`` lets a caller await the end of a given update: tests use it to know when the
    bot has finished with what a user sent, without sleeping.
    """

    def __init__(
        self,
        max_concurrent_updates: int = 64,
        *,
        on_done: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._on_done = on_done
        # chat id -> (lock, number of updates holding or waiting for it)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._waiters: dict[int, list[asyncio.Future[None]]] = {}

    @staticmethod
    def _key(update: object) -> int:
        if isinstance(update, Update):
            if update.effective_chat is not None:
                return update.effective_chat.id
            if update.effective_user is not None:
                return update.effective_user.id
        return 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key(update)
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        update_id = update.update_id if isinstance(update, Update) else None
        try:
            async with lock:
                if update_id is None:
                    await coroutine
                else:
                    with inbox.handling(update_id):
                        await coroutine
                    if self._on_done is not None:
                        await self._on_done(update_id)
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)
            if isinstance(update, Update):
                self._finish(update.update_id)

    def _finish(self, update_id: int) -> None:
        waiters = self._waiters.pop(update_id, None)
        if waiters is None:
            return
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def expect(self, update_id: int) -> asyncio.Future[None]:
        """A future that resolves when ``update_id`` has been processed. Register it before
        the update can arrive."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(update_id, []).append(future)
        return future

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        for waiters in self._waiters.values():
            for waiter in waiters:
                if not waiter.done():
                    waiter.cancel()
        self._waiters.clear()
