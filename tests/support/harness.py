"""Play real people against the real Application through the fake Bot API server.

``Tandem`` starts the bot exactly as production builds it (``bot.app.build_application``),
with settings that point it at the fake server, and stops and restarts it on the same
database and pace clock (give it the virtual one the fake server reads, and the bot's
pacing waits take no real time). ``Player`` wraps a fake Telegram user: every action waits
until the bot has finished processing that update (no sleeps), then the test reads what the
person sees.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.app import Runtime, TandemApp, build_application, runtime_of
from bot.config import Settings
from bot.updates import PerChatUpdateProcessor
from broadcast import PaceClock
from handlers.kit.screens import edits_of
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage, FakeTelegram, FakeUser

TOKEN = "123456789:TEST-token-for-the-fake-server_abcdefghij"
PROCESS_TIMEOUT = 10.0


class Player:
    def __init__(self, tandem: Tandem, user: FakeUser) -> None:
        self.tandem = tandem
        self.user = user

    @property
    def id(self) -> int:
        return int(self.user.user_id)

    async def _act(self, update_id: int) -> list[FakeMessage]:
        await self.tandem.processed(update_id)
        await self.tandem.edits_applied()
        return self.user.new_messages()

    async def send(self, text: str) -> list[FakeMessage]:
        """Send a message; return the new messages the bot sent to this person for it."""
        self.user.mark()
        return await self._act(self.user.send(text))

    async def edit(self, text: str, *, message_id: int | None = None) -> list[FakeMessage]:
        """Edit this person's own message (by default their newest) to read ``text``."""
        target = message_id if message_id is not None else self.user.last_sent_id
        assert target is not None, "this person has sent nothing to edit"
        self.user.mark()
        return await self._act(self.user.edit(target, text))

    async def send_sticker(self) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_sticker())

    async def send_contact(self, phone_number: str, first_name: str) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_contact(phone_number, first_name))

    async def send_location(self, latitude: float, longitude: float) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_location(latitude, longitude))

    async def send_document(
        self, filename: str, content: bytes, mime_type: str = "application/pdf"
    ) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_document(filename, content, mime_type))

    async def send_photo(self, content: bytes) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_photo(content))

    async def send_voice(self, content: bytes) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.send_voice(content))

    async def press(self, label: str, *, message: FakeMessage | None = None) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.press(label, message=message))

    async def press_data(
        self, data: str, *, message: FakeMessage | None = None
    ) -> list[FakeMessage]:
        self.user.mark()
        return await self._act(self.user.press_data(data, message=message))

    @property
    def last(self) -> FakeMessage:
        message = self.user.last_message
        assert message is not None, "the bot has sent this person nothing"
        return message

    @property
    def messages(self) -> list[FakeMessage]:
        return list(self.user.messages)

    @property
    def last_answer(self) -> dict[str, Any]:
        assert self.user.callback_answers, "no callback query was answered"
        return dict(self.user.callback_answers[-1])

    def labels(self) -> list[str]:
        return self.last.labels()


class Tandem:
    def __init__(
        self,
        fake: FakeTelegram,
        database: Path,
        clock: FakeClock,
        *,
        pace_clock: PaceClock | None = None,
        **settings: Any,
    ) -> None:
        self.fake = fake
        self.database = database
        self.clock = clock
        self.pace_clock = pace_clock  # None: real time, as in production
        self.settings_overrides = settings
        self.app: TandemApp | None = None

    @property
    def settings(self) -> Settings:
        values: dict[str, Any] = {
            "bot_token": TOKEN,
            "telegram_api_base_url": self.fake.base_url,
            "database_path": self.database,
            "default_language": "ru",
            "default_timezone": "Europe/Moscow",
        }
        values.update(self.settings_overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    async def start(self) -> None:
        assert self.app is None, "already running"
        app = build_application(self.settings, clock=self.clock, pace_clock=self.pace_clock)
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        self.app = app

    async def stop(self) -> None:
        app, self.app = self.app, None
        if app is None:
            return
        assert app.updater is not None
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @property
    def services(self) -> Runtime:
        """The running bot's database, broadcast engine, sweeps and handler services."""
        assert self.app is not None, "the bot is not running"
        return runtime_of(self.app)

    @property
    def processor(self) -> PerChatUpdateProcessor:
        assert self.app is not None, "the bot is not running"
        processor = self.app.update_processor
        assert isinstance(processor, PerChatUpdateProcessor)
        return processor

    async def edits_applied(self) -> None:
        """Wait for the edits the bot redraws screens with after answering a button."""
        assert self.app is not None, "the bot is not running"
        await asyncio.wait_for(edits_of(self.app.bot).idle(), PROCESS_TIMEOUT)

    async def processed(self, update_id: int) -> None:
        try:
            await asyncio.wait_for(self.processor.expect(update_id), PROCESS_TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"the bot did not finish update {update_id}") from None

    def player(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> Player:
        user = self.fake.user(
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        return Player(self, user)


async def deliver(tandem: Tandem, timeout: float = 20.0) -> None:  # noqa: ASYNC109
    """Let the broadcast engine send everything that is due by the fake clock, and wait."""
    engine = tandem.services.broadcasts
    engine.wake()
    await engine.wait_idle(timeout)


async def sweep_and_deliver(tandem: Tandem, timeout: float = 20.0) -> None:  # noqa: ASYNC109
    """Run the periodic sweeps now (as the JobQueue would), then deliver what is due."""
    await tandem.services.sweeps.run()
    await deliver(tandem, timeout)
