"""A simulated Telegram user talking to the bot through the fake server."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .html_entities import utf16_len
from .models import FakeMessage

if TYPE_CHECKING:
    from .server import FakeTelegram

__all__ = ["FakeUser"]

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


class FakeUser:
    """A user with a private chat with the bot (chat id == user id).

    Every ``send*``/``press*`` method enqueues exactly one Update and returns its update_id.

    Message views: ``messages`` lists the bot's messages currently in the chat (deleted ones are
    removed from it; ``all_messages`` keeps them, with ``deleted=True``). ``wait_message`` /
    ``new_messages`` walk, with a per-user cursor, every message the bot sent to this chat in
    sending order, including ones deleted since. Messages are live objects: edits show up in
    them.
    """

    def __init__(
        self,
        fake: FakeTelegram,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> None:
        self.fake = fake
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.started = False  # True once the user has sent the bot anything
        self.last_sent_id: int | None = None  # the id of this user's newest own message
        self.blocked = False
        self.callback_answers: list[dict[str, Any]] = []
        self.chat_actions: list[str] = []
        self._sent_log: list[FakeMessage] = []  # bot messages, in sending order
        self._edit_log: list[FakeMessage] = []  # one entry per edit
        self._cursor = 0
        self._edit_cursor = 0
        self._answer_cursor = 0
        self._changed = asyncio.Event()

    # --- identity ----------------------------------------------------------------------
    @property
    def user_id(self) -> int:
        return self.id

    @property
    def chat_id(self) -> int:
        return self.id

    def to_json(self) -> dict[str, Any]:
        """The Bot API User object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        if self.language_code is not None:
            data["language_code"] = self.language_code
        return data

    def chat_json(self) -> dict[str, Any]:
        """The Bot API Chat object of the private chat."""
        data: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        return data

    def __repr__(self) -> str:
        return f"<FakeUser {self.id} {self.first_name!r}>"

    # --- acting as the user --------------------------------------------------------------
    def _check_can_send(self) -> None:
        if self.blocked:
            raise AssertionError(f"{self!r} has blocked the bot; call unblock() first")

    @staticmethod
    def _text_content(text: str) -> dict[str, Any]:
        """A text message's fields; a leading /command gets a bot_command entity."""
        content: dict[str, Any] = {"text": text}
        match = _COMMAND_RE.match(text)
        if match:
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}
            ]
        return content

    def send(self, text: str, *, reply_to: FakeMessage | None = None) -> int:
        """Send a text message; a leading /command gets a bot_command entity."""
        self._check_can_send()
        return self.fake._user_message(self, self._text_content(text), reply_to=reply_to)

    def edit(self, message_id: int, text: str) -> int:
        """Edit one of this user's own earlier text messages (Telegram's Edit): enqueues an
        edited_message update and returns its update_id."""
        self._check_can_send()
        return self.fake._user_edit(self, message_id, self._text_content(text))

    def send_sticker(self, emoji: str = "👍") -> int:
        self._check_can_send()
        sticker = {
            "file_id": f"sticker-{self.id}-{emoji}",
            "file_unique_id": f"u-sticker-{self.id}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.fake._user_message(self, {"sticker": sticker})

    def send_contact(self, phone_number: str, first_name: str) -> int:
        self._check_can_send()
        contact = {"phone_number": phone_number, "first_name": first_name}
        return self.fake._user_message(self, {"contact": contact})

    def send_document(
        self,
        filename: str,
        content: bytes,
        mime_type: str = "application/pdf",
        caption: str | None = None,
    ) -> int:
        self._check_can_send()
        stored = self.fake._store_file("document", content, file_name=filename, mime_type=mime_type)
        payload: dict[str, Any] = {"document": self.fake._file_json(stored)}
        if caption is not None:
            payload["caption"] = caption
        return self.fake._user_message(self, payload)

    def send_photo(self, content: bytes, caption: str | None = None) -> int:
        self._check_can_send()
        stored = self.fake._store_file("photo", content)
        payload: dict[str, Any] = {"photo": self.fake._photo_json(stored)}
        if caption is not None:
            payload["caption"] = caption
        return self.fake._user_message(self, payload)

    def send_voice(self, content: bytes, duration: int = 3) -> int:
        self._check_can_send()
        stored = self.fake._store_file("voice", content, mime_type="audio/ogg", duration=duration)
        return self.fake._user_message(self, {"voice": self.fake._file_json(stored)})

    def send_location(self, latitude: float, longitude: float) -> int:
        self._check_can_send()
        location = {"latitude": latitude, "longitude": longitude}
        return self.fake._user_message(self, {"location": location})

    def press(self, label: str, *, message: FakeMessage | None = None) -> int:
        """Press the inline button labelled exactly ``label``.

        Looks in ``message`` if given, else in the newest bot message of this chat that has such
        a button. Enqueues a callback_query update and returns its update_id.
        """
        self._check_can_send()
        if message is None:
            for candidate in reversed(self.messages):
                if label in candidate.labels():
                    message = candidate
                    break
            else:
                available = {m.message_id: m.labels() for m in self.messages if m.buttons}
                raise AssertionError(
                    f"no bot message in chat {self.id} has an inline button {label!r}; "
                    f"buttons by message id: {available!r}"
                )
        if message.deleted:
            raise AssertionError(f"{message!r} was deleted; its buttons can't be pressed")
        button = message.button(label)
        if button.callback_data is None:
            raise AssertionError(f"button {label!r} is not a callback button: {button.raw!r}")
        return self.fake._callback_query(self, copy.deepcopy(message.raw), button.callback_data)

    def press_data(self, data: str, message: FakeMessage | None = None) -> int:
        """Send a callback_query with arbitrary (possibly forged) data.

        Attached to ``message``, else to the newest bot message, else to a message the bot can't
        access (``date`` 0, i.e. PTB's InaccessibleMessage).
        """
        self._check_can_send()
        if message is None:
            current = self.messages
            message = current[-1] if current else None
        if message is not None:
            raw = copy.deepcopy(message.raw)
        else:
            raw = {"chat": self.chat_json(), "message_id": 999_999, "date": 0}
        return self.fake._callback_query(self, raw, data)

    def block(self) -> int:
        """Block the bot: sends to this user now fail with 403. Enqueues a my_chat_member
        update (member -> kicked) and returns its update_id."""
        self.blocked = True
        return self.fake._my_chat_member(self, old="member", new="kicked")

    def unblock(self) -> int:
        """Unblock the bot; enqueues a my_chat_member update (kicked -> member)."""
        self.blocked = False
        return self.fake._my_chat_member(self, old="kicked", new="member")

    # --- what the user sees --------------------------------------------------------------
    @property
    def all_messages(self) -> list[FakeMessage]:
        """Every bot message of this chat, deleted ones included, by message id."""
        return [m for m in self.fake._chat_messages(self.id) if m.from_bot]

    @property
    def messages(self) -> list[FakeMessage]:
        """The bot's messages currently in the chat (deleted ones removed), by message id."""
        return [m for m in self.all_messages if not m.deleted]

    @property
    def last_message(self) -> FakeMessage:
        current = self.messages
        if not current:
            raise AssertionError(f"the bot has no message in chat {self.id}")
        return current[-1]

    def texts(self) -> list[str]:
        return [m.text for m in self.messages]

    def mark(self) -> None:
        """Move the wait_message / wait_edit / wait_answer cursors to now."""
        self._cursor = len(self._sent_log)
        self._edit_cursor = len(self._edit_log)
        self._answer_cursor = len(self.callback_answers)

    def new_messages(self) -> list[FakeMessage]:
        """Bot messages sent since the cursor; moves the cursor past them."""
        fresh = self._sent_log[self._cursor :]
        self._cursor = len(self._sent_log)
        return fresh

    async def wait_message(self, timeout: float = 5.0) -> FakeMessage:  # noqa: ASYNC109
        """The next bot message sent to this chat after the cursor (waits for it)."""
        await self._wait_for(lambda: self._cursor < len(self._sent_log), timeout, "message")
        message = self._sent_log[self._cursor]
        self._cursor += 1
        return message

    async def wait_messages(self, count: int, timeout: float = 5.0) -> list[FakeMessage]:  # noqa: ASYNC109
        """The next ``count`` bot messages after the cursor."""
        await self._wait_for(
            lambda: len(self._sent_log) - self._cursor >= count, timeout, f"{count} messages"
        )
        fresh = self._sent_log[self._cursor : self._cursor + count]
        self._cursor += count
        return fresh

    async def wait_edit(
        self,
        message: FakeMessage | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> FakeMessage:
        """The next edit (after the edit cursor) of ``message``, or of any bot message."""

        def find() -> int | None:
            for index in range(self._edit_cursor, len(self._edit_log)):
                if message is None or self._edit_log[index] is message:
                    return index
            return None

        await self._wait_for(lambda: find() is not None, timeout, "edit")
        index = find()
        assert index is not None
        self._edit_cursor = index + 1
        return self._edit_log[index]

    async def wait_answer(self, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """The next answerCallbackQuery params for this user's queries (after the cursor)."""
        await self._wait_for(
            lambda: self._answer_cursor < len(self.callback_answers), timeout, "callback answer"
        )
        answer = self.callback_answers[self._answer_cursor]
        self._answer_cursor += 1
        return answer

    async def _wait_for(self, ready: Callable[[], bool], timeout: float, what: str) -> None:  # noqa: ASYNC109
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not ready():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for a bot {what} in chat {self.id}; "
                    f"bot messages so far: {self._sent_log!r}; "
                    f"already consumed: {self._cursor}; "
                    f"callback answers: {self.callback_answers!r}"
                )
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    # --- hooks for the server ------------------------------------------------------------
    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    def _on_bot_message(self, message: FakeMessage) -> None:
        self._sent_log.append(message)
        self._notify()

    def _on_edit(self, message: FakeMessage) -> None:
        self._edit_log.append(message)
        self._notify()
