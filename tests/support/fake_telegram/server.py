"""An in-process fake of the Telegram Bot API HTTP server, for tests.

It speaks the real protocol (so PTB's real HTTP stack is exercised), keeps chat state, and
rejects what Telegram rejects, with Telegram's status codes and descriptions.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import math
import mimetypes
import struct
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

from .html_entities import utf16_len
from .models import FakeMessage, Injection, RequestRecord, StoredFile, UploadedFile
from .users import FakeUser
from .validation import (
    ApiError,
    Params,
    bad_request,
    check_caption_length,
    check_text_length,
    format_text,
    normalize_params,
    validate_reply_markup,
)

__all__ = ["SEND_METHODS", "FakeTelegram"]

Handler = Callable[[Params], Awaitable[Any]]

SEND_METHODS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "sendVoice",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
    }
)

BLOCKED = "Forbidden: bot was blocked by the user"
NOT_STARTED = "Forbidden: bot can't initiate conversation with a user"
_QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    420: "Flood",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_DEFAULT_UPDATE_TYPES_EXCLUDED = frozenset(
    {"chat_member", "message_reaction", "message_reaction_count"}
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_FILE_PREFIX = {
    "document": "BQACAgIAAxkBAAI",
    "photo": "AgACAgIAAxkBAAI",
    "voice": "AwACAgIAAxkBAAI",
}
_FILE_DIR = {"document": "documents", "photo": "photos", "voice": "voice"}
_CONTENT_KEYS = (
    "text",
    "entities",
    "caption",
    "caption_entities",
    "document",
    "photo",
    "voice",
    "location",
)
_MAX_UPLOAD = 50 * 1024 * 1024
_MAX_DOWNLOAD = 20 * 1024 * 1024

CommandKey = tuple[str, int | None, int | None, str]


@dataclass
class _Poll:
    event: asyncio.Event = field(default_factory=asyncio.Event)
    superseded: bool = False


@dataclass
class _Query:
    user: FakeUser
    answered: bool = False


def _photo_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG (else a plausible default)."""
    if len(data) >= 24 and data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        if width > 0 and height > 0:
            return int(width), int(height)
    return 800, 600


class FakeTelegram:
    """A fake Telegram Bot API server on 127.0.0.1 (random port), in the test's event loop.

    Point PTB at it with ``base_url=f"{fake.base_url}/bot"`` and
    ``base_file_url=f"{fake.base_url}/file/bot"``.

    Rate limits (``global_rate_per_sec``, ``per_chat_rate_per_sec``) and the ``at`` of every
    recorded request follow ``monotonic``: real time by default; a test that paces the bot on
    a virtual clock passes that clock's ``monotonic``, so both sides share one timeline.
    """

    def __init__(
        self,
        token: str,
        *,
        bot_id: int = 777000111,
        bot_username: str = "tandem_test_bot",
        bot_first_name: str = "Tandem",
        global_rate_per_sec: float = 30,
        per_chat_rate_per_sec: float | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.global_rate_per_sec = global_rate_per_sec
        self.per_chat_rate_per_sec = per_chat_rate_per_sec
        self.monotonic = monotonic
        self.requests: list[RequestRecord] = []
        self.users: dict[int, FakeUser] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}

        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None
        self._closing = False
        self._injections: list[Injection] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._sent_updates: dict[int, dict[str, Any]] = {}  # every update ever queued, by id
        self._confirmed = 0  # every update id <= this was acknowledged by an offset
        self._filtered: set[int] = set()  # dropped because of allowed_updates
        self._allowed_updates: frozenset[str] | None = None
        self._polls: list[_Poll] = []
        self._fetch_changed = asyncio.Event()
        self._messages: dict[int, dict[int, FakeMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_counter = 0
        self._queries: dict[str, _Query] = {}
        self._query_counter = 0
        self._media_group_counter = 0
        self._send_times: deque[tuple[float, int]] = deque()
        self._commands: dict[CommandKey, list[dict[str, str]]] = {}
        self._methods: dict[str, tuple[str, Handler]] = {}
        for name, handler in self._method_table().items():
            self._methods[name.lower()] = (name, handler)

    # ===================================================================================
    # lifecycle
    # ===================================================================================
    async def start(self) -> None:
        if self._runner is not None:
            return
        app = web.Application(client_max_size=_MAX_UPLOAD + 5 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=0.5
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self._base_url = f"http://{host}:{port}"

    async def close(self) -> None:
        """Release pending long polls (they answer with no updates) and stop the server."""
        self._closing = True
        for poll in self._polls:
            poll.event.set()
        if self._runner is not None:
            await asyncio.sleep(0)
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``; available after start()."""
        if self._base_url is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._base_url

    @property
    def bot_base_url(self) -> str:
        """The value for PTB's ``base_url``."""
        return f"{self.base_url}/bot"

    @property
    def bot_base_file_url(self) -> str:
        """The value for PTB's ``base_file_url``."""
        return f"{self.base_url}/file/bot"

    # ===================================================================================
    # test-facing API
    # ===================================================================================
    def user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> FakeUser:
        """Create (or return the existing) user; the private chat id is the user id."""
        existing = self.users.get(user_id)
        if existing is not None:
            return existing
        created = FakeUser(
            self,
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self.users[user_id] = created
        return created

    def inject(
        self,
        method: str,
        status: int,
        *,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
        after: int = 0,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (for ``chat_id`` only, if given) fail
        with ``status`` without doing anything; ``after``: the first ``after`` matching calls
        go through (a 5xx on part 2 of a message)."""
        if status == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            base = _DEFAULT_DESCRIPTIONS.get(status, "Error")
            if status == 429:
                description = f"{base}: retry after {retry_after}"
            elif 400 <= status < 500 and status not in (401, 404, 409):
                description = f"{base}: injected error"
            else:
                description = base
        self._injections.append(
            Injection(method.lower(), status, description, retry_after, times, chat_id, after)
        )

    def stall(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """The next ``times`` calls of ``method`` are done (a message is delivered) but
        answered only after ``seconds``: a client that stops waiting sooner times out on a
        send that did happen, as with a slow Telegram."""
        self._injections.append(
            Injection(method.lower(), 200, "", None, times, chat_id, stall=seconds)
        )

    def clear_injections(self) -> None:
        self._injections.clear()

    def client_errors(self) -> list[RequestRecord]:
        """4xx answers a correct bot would not have caused (excludes injected ones, 429s and
        403s for users who blocked or never started the bot)."""
        return [
            r
            for r in self.requests
            if 400 <= r.status < 500
            and not r.injected
            and r.status != 429
            and not (r.status == 403 and r.description in (BLOCKED, NOT_STARTED))
        ]

    def sent_count(self, method: str | None = None) -> int:
        """Successful calls of ``method`` (case-insensitive), or of all sending methods."""
        if method is None:
            return sum(1 for r in self.requests if r.ok and r.method in SEND_METHODS)
        wanted = method.lower()
        return sum(1 for r in self.requests if r.ok and r.method.lower() == wanted)

    def calls(self, method: str) -> list[RequestRecord]:
        """Every recorded call of ``method`` (case-insensitive), in order."""
        wanted = method.lower()
        return [r for r in self.requests if r.method.lower() == wanted]

    def commands(
        self,
        scope_type: str = "default",
        *,
        chat_id: int | None = None,
        language_code: str = "",
        user_id: int | None = None,
    ) -> list[tuple[str, str]]:
        """The (command, description) list set for that scope and language."""
        stored = self._commands.get((scope_type, chat_id, user_id, language_code), [])
        return [(c["command"], c["description"]) for c in stored]

    def menu_button(self, chat_id: int | None = None) -> dict[str, Any]:
        return self.menu_buttons.get(chat_id, {"type": "default"})

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued and not yet acknowledged by the bot."""
        return [u for u in self._updates if u["update_id"] > self._confirmed]

    def enqueue_update(self, payload: dict[str, Any]) -> int:
        """Queue a raw update (without update_id); returns the assigned update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        update = {"update_id": update_id, **copy.deepcopy(payload)}
        self._updates.append(update)
        self._sent_updates[update_id] = update
        for poll in self._polls:
            poll.event.set()
        return update_id

    def take_update(self, update_id: int) -> dict[str, Any]:
        """As if the bot had fetched ``update_id`` and confirmed it, then died before doing
        anything with it: the update leaves the queue; its JSON is returned."""
        self._acknowledge(update_id + 1)
        return copy.deepcopy(self._sent_updates[update_id])

    def lose_confirmations(self, from_update_id: int) -> None:
        """As if the offsets that confirmed ``from_update_id`` and later never reached
        Telegram: it sends those updates again."""
        self._confirmed = min(self._confirmed, from_update_id - 1)
        queued = {u["update_id"] for u in self._updates}
        again = [
            copy.deepcopy(u)
            for uid, u in sorted(self._sent_updates.items())
            if uid >= from_update_id and uid not in queued
        ]
        self._updates = sorted([*self._updates, *again], key=lambda u: u["update_id"])
        for poll in self._polls:
            poll.event.set()

    async def wait_fetched(self, update_id: int, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has called getUpdates with an offset > update_id."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (self._confirmed >= update_id or update_id in self._filtered):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"the bot did not fetch update {update_id} within {timeout}s "
                    f"(acknowledged up to {self._confirmed}; pending: "
                    f"{[u['update_id'] for u in self.pending_updates]})"
                )
            event = self._fetch_changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def file_bytes(self, file_id: str) -> bytes:
        return self._files[file_id].data

    def message(self, chat_id: int, message_id: int) -> FakeMessage:
        found = self._messages.get(chat_id, {}).get(message_id)
        if found is None:
            raise AssertionError(f"no message {message_id} in chat {chat_id}")
        return found

    # ===================================================================================
    # HTTP layer
    # ===================================================================================
    @staticmethod
    def _error_body(
        status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return body

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        data: dict[str, Any] = dict(request.query)
        if request.method not in ("POST", "PUT") and not request.can_read_body:
            return normalize_params(data)
        ctype = request.content_type
        if ctype == "application/json":
            raw = await request.read()
            if raw.strip():
                try:
                    body = json.loads(raw)
                except ValueError:
                    raise bad_request("can't parse JSON request body") from None
                if not isinstance(body, dict):
                    raise bad_request("JSON request body must be an object")
                data.update(body)
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    data[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                elif isinstance(value, str):
                    data[key] = value
                else:
                    data[key] = bytes(value).decode("utf-8", "replace")
        else:
            await request.read()
        return normalize_params(data)

    def _record(
        self,
        method: str,
        params: dict[str, Any],
        status: int,
        description: str | None,
        *,
        injected: bool = False,
        result: Any = None,
    ) -> None:
        self.requests.append(
            RequestRecord(
                method=method,
                params=params,
                status=status,
                description=description,
                injected=injected,
                at=self.monotonic(),
                result=result,
            )
        )

    def _take_injection(self, method_key: str, params: dict[str, Any]) -> Injection | None:
        for injection in self._injections:
            if injection.method != method_key:
                continue
            if injection.chat_id is not None and params.get("chat_id") != injection.chat_id:
                continue
            if injection.skip > 0:
                injection.skip -= 1
                return None
            injection.remaining -= 1
            if injection.remaining <= 0:
                self._injections.remove(injection)
            return injection
        return None

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method_raw = request.match_info["method"]
        if request.match_info["token"] != self.token:
            self._record(method_raw, {}, 401, "Unauthorized")
            return web.json_response(self._error_body(401, "Unauthorized"), status=401)
        entry = self._methods.get(method_raw.lower())
        try:
            params = await self._read_params(request)
        except ApiError as err:
            self._record(method_raw, {}, err.status, err.description)
            return web.json_response(
                self._error_body(err.status, err.description), status=err.status
            )
        if entry is None:
            self._record(method_raw, params, 404, "Not Found")
            return web.json_response(self._error_body(404, "Not Found"), status=404)
        name, handler = entry
        injection = self._take_injection(name.lower(), params)
        if injection is not None and injection.stall > 0:
            result = await handler(Params(params))
            self._record(name, params, 200, None, result=result)
            await asyncio.sleep(injection.stall)
            return web.json_response({"ok": True, "result": result})
        if injection is not None:
            parameters = (
                {"retry_after": injection.retry_after}
                if injection.retry_after is not None
                else None
            )
            self._record(name, params, injection.status, injection.description, injected=True)
            return web.json_response(
                self._error_body(injection.status, injection.description, parameters),
                status=injection.status,
            )
        try:
            result = await handler(Params(params))
        except ApiError as err:
            self._record(name, params, err.status, err.description)
            return web.json_response(
                self._error_body(err.status, err.description, err.parameters), status=err.status
            )
        self._record(name, params, 200, None, result=result)
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(self._error_body(401, "Unauthorized"), status=401)
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(self._error_body(404, "Not Found"), status=404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    # ===================================================================================
    # shared state helpers
    # ===================================================================================
    @staticmethod
    def _now() -> int:
        return int(time.time())

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _resolve_mention(self, user_id: int) -> dict[str, Any] | None:
        found = self.users.get(user_id)
        return None if found is None else found.to_json()

    def _chat_messages(self, chat_id: int) -> list[FakeMessage]:
        return sorted(self._messages.get(chat_id, {}).values(), key=lambda m: m.message_id)

    def _new_message_id(self, chat_id: int) -> int:
        value = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = value + 1
        return value

    def _find_message(self, chat_id: int, message_id: int | None) -> FakeMessage | None:
        if message_id is None:
            return None
        found = self._messages.get(chat_id, {}).get(message_id)
        return None if found is None or found.deleted else found

    def _chat(self, params: Params, name: str = "chat_id", *, sending: bool = True) -> FakeUser:
        """The user whose private chat ``name`` designates; 400/403 like Telegram."""
        value = params.data.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad_request("chat not found")
        found = self.users.get(value)
        if found is None:
            raise bad_request("chat not found")
        if sending:
            if found.blocked:
                raise ApiError(403, BLOCKED)
            if not found.started:
                raise ApiError(403, NOT_STARTED)
        return found

    def _check_rate(self, chat_id: int | None, count: int = 1) -> None:
        """429 when this send would go over the bot's limit, or its chat's (``None``: an edit,
        which counts for the bot as a whole only)."""
        now = self.monotonic()
        while self._send_times and self._send_times[0][0] <= now - 1.0:
            self._send_times.popleft()
        limits: list[tuple[float, list[float]]] = [
            (self.global_rate_per_sec, [t for t, _ in self._send_times])
        ]
        if self.per_chat_rate_per_sec is not None and chat_id is not None:
            limits.append(
                (self.per_chat_rate_per_sec, [t for t, c in self._send_times if c == chat_id])
            )
        for limit, times in limits:
            if not times or len(times) + count <= limit:
                continue  # fits (an oversized batch is let through an empty window)
            # This many of the window's sends must expire before this one fits.
            must_expire = math.ceil(len(times) + count - limit)
            if must_expire > len(times):
                retry = 1
            else:
                retry = max(1, math.ceil(times[must_expire - 1] + 1.0 - now))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})

    def _note_sent(self, chat_id: int | None, count: int = 1) -> None:
        now = self.monotonic()
        for _ in range(count):
            self._send_times.append((now, chat_id))

    def _reply_target(self, params: Params, chat_id: int) -> FakeMessage | None:
        reply = params.get_json("reply_parameters")
        allow = params.get_bool("allow_sending_without_reply")
        target_chat = chat_id
        message_id: int | None
        if isinstance(reply, dict):
            raw_id = reply.get("message_id")
            message_id = raw_id if isinstance(raw_id, int) else None
            if message_id is None:
                raise bad_request("message to be replied not found")
            allow = allow or bool(reply.get("allow_sending_without_reply"))
            if isinstance(reply.get("chat_id"), int):
                target_chat = reply["chat_id"]
        elif reply is not None:
            raise bad_request("can't parse reply parameters JSON object")
        else:
            message_id = params.get_int("reply_to_message_id")
            if message_id is None:
                return None
        found = self._find_message(target_chat, message_id)
        if found is None and not allow:
            raise bad_request("message to be replied not found")
        return found

    def _add_bot_message(
        self,
        user: FakeUser,
        content: dict[str, Any],
        params: Params,
        *,
        html: str | None,
        markup: dict[str, Any] | None,
        reply_to: FakeMessage | None,
        extra: dict[str, Any] | None = None,
    ) -> FakeMessage:
        message_id = self._new_message_id(user.id)
        raw: dict[str, Any] = {
            "message_id": message_id,
            "from": self._bot_user(),
            "chat": user.chat_json(),
            "date": self._now(),
        }
        if extra:
            raw.update(extra)
        raw.update(copy.deepcopy(content))
        if reply_to is not None:
            quoted = copy.deepcopy(reply_to.raw)
            quoted.pop("reply_to_message", None)
            raw["reply_to_message"] = quoted
        protect = params.get_bool("protect_content")
        if protect:
            raw["has_protected_content"] = True
        inline = self._inline_markup(markup)
        if inline is not None:
            raw["reply_markup"] = inline
        message = FakeMessage(
            message_id=message_id,
            chat_id=user.id,
            raw=raw,
            from_bot=True,
            html=html,
            parse_mode=params.get_str("parse_mode"),
            markup=markup,
            protect_content=protect,
            params=dict(params.data),
        )
        self._messages.setdefault(user.id, {})[message_id] = message
        user._on_bot_message(message)
        return message

    @staticmethod
    def _inline_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
        """What Message.reply_markup shows: only a non-empty inline keyboard."""
        if markup is None or "inline_keyboard" not in markup:
            return None
        rows = [list(row) for row in markup["inline_keyboard"] if row]
        if not rows:
            return None
        return {"inline_keyboard": copy.deepcopy(rows)}

    # --- files ---------------------------------------------------------------------------
    def _store_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        duration: int | None = None,
    ) -> StoredFile:
        self._file_counter += 1
        n = self._file_counter
        if kind == "document":
            ext = ""
            if file_name and "." in file_name:
                ext = "." + file_name.rsplit(".", 1)[1]
            elif mime_type:
                ext = mimetypes.guess_extension(mime_type) or ""
        elif kind == "photo":
            ext = ".jpg"
        else:
            ext = ".oga"
        token = uuid.uuid4().hex
        stored = StoredFile(
            file_id=f"{_FILE_PREFIX[kind]}{n:05d}{token[:24]}",
            file_unique_id=f"AgAD{n:05d}{token[24:32]}",
            kind=kind,
            data=data,
            file_path=f"{_FILE_DIR[kind]}/file_{n}{ext}",
            file_name=file_name,
            mime_type=mime_type,
        )
        if duration is not None:
            stored.meta["duration"] = duration
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        if kind == "photo":
            width, height = _photo_size(data)
            scale = min(1.0, 90 / max(width, height))
            thumb = StoredFile(
                file_id=f"{_FILE_PREFIX[kind]}{n:05d}{token[:23]}t",
                file_unique_id=f"AQAD{n:05d}{token[24:32]}",
                kind=kind,
                data=data,
                file_path=f"{_FILE_DIR[kind]}/file_{n}_s{ext}",
            )
            self._files[thumb.file_id] = thumb
            self._files_by_path[thumb.file_path] = thumb
            sizes = [
                {
                    "file_id": thumb.file_id,
                    "file_unique_id": thumb.file_unique_id,
                    "file_size": len(data),
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                },
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": len(data),
                    "width": width,
                    "height": height,
                },
            ]
            stored.meta["sizes"] = sizes
            thumb.meta["sizes"] = sizes
        return stored

    def _file_json(self, stored: StoredFile) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
        }
        if stored.kind == "document":
            if stored.file_name is not None:
                data["file_name"] = stored.file_name
            if stored.mime_type is not None:
                data["mime_type"] = stored.mime_type
        elif stored.kind == "voice":
            data["duration"] = int(stored.meta.get("duration", 1))
            data["mime_type"] = stored.mime_type or "audio/ogg"
        return data

    @staticmethod
    def _photo_json(stored: StoredFile) -> list[dict[str, Any]]:
        return copy.deepcopy(list(stored.meta["sizes"]))

    def _input_file(self, params: Params, name: str, kind: str, value: Any = None) -> StoredFile:
        """Resolve an InputFile parameter: an upload, attach://<part>, or a known file_id."""
        if value is None:
            value = params.data.get(name)
        if value is None or value == "":
            raise bad_request(f"there is no {name} in the request")
        if isinstance(value, str) and value.startswith("attach://"):
            part = params.data.get(value[len("attach://") :])
            if not isinstance(part, UploadedFile):
                raise bad_request(f"{name} not found: there is no {value} in the request")
            value = part
        if isinstance(value, UploadedFile):
            if not value.data:
                raise bad_request("file must be non-empty")
            if len(value.data) > _MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            if kind == "photo" and len(value.data) > 10 * 1024 * 1024:
                raise bad_request("PHOTO_INVALID_DIMENSIONS")
            mime = value.content_type
            if kind == "document" and (not mime or mime == "application/octet-stream"):
                guessed = mimetypes.guess_type(value.filename or "")[0]
                mime = guessed or mime
            if kind == "voice":
                mime = "audio/ogg"
            duration = params.get_int("duration") if kind == "voice" else None
            return self._store_file(
                kind,
                value.data,
                file_name=value.filename if kind == "document" else None,
                mime_type=mime if kind != "photo" else None,
                duration=duration if duration is not None else (1 if kind == "voice" else None),
            )
        if not isinstance(value, str):
            raise bad_request("wrong file identifier/HTTP URL specified")
        if value.lower().startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        stored = self._files.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise bad_request(
                f"can't use file of type {stored.kind.capitalize()} as {kind.capitalize()}"
            )
        return stored

    def _media_content(self, stored: StoredFile) -> dict[str, Any]:
        if stored.kind == "photo":
            return {"photo": self._photo_json(stored)}
        return {stored.kind: self._file_json(stored)}

    def _caption(self, params: Params) -> tuple[str, list[dict[str, Any]]]:
        caption, entities = format_text(
            params, "caption", "caption_entities", resolve_user=self._resolve_mention
        )
        check_caption_length(caption)
        return caption, entities

    @staticmethod
    def _with_caption(
        content: dict[str, Any], caption: str, entities: list[dict[str, Any]]
    ) -> dict[str, Any]:
        if caption:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        return content

    # --- updates produced by users -------------------------------------------------------
    def _user_message(
        self,
        user: FakeUser,
        content: dict[str, Any],
        *,
        reply_to: FakeMessage | None = None,
    ) -> int:
        user.started = True
        message_id = self._new_message_id(user.id)
        raw: dict[str, Any] = {
            "message_id": message_id,
            "from": user.to_json(),
            "chat": user.chat_json(),
            "date": self._now(),
            **content,
        }
        if reply_to is not None:
            quoted = copy.deepcopy(reply_to.raw)
            quoted.pop("reply_to_message", None)
            raw["reply_to_message"] = quoted
        message = FakeMessage(message_id=message_id, chat_id=user.id, raw=raw, from_bot=False)
        self._messages.setdefault(user.id, {})[message_id] = message
        user.last_sent_id = message_id
        return self.enqueue_update({"message": raw})

    def _user_edit(self, user: FakeUser, message_id: int, content: dict[str, Any]) -> int:
        """The user edits their own text message: Telegram sends it again as edited_message."""
        message = self._find_message(user.id, message_id)
        if message is None or message.from_bot or "text" not in message.raw:
            raise AssertionError(f"user {user.id} has no text message {message_id} to edit")
        raw = {key: value for key, value in message.raw.items() if key != "entities"}
        raw.update(content)
        raw["edit_date"] = self._now()
        message.raw = raw
        return self.enqueue_update({"edited_message": raw})

    def _callback_query(self, user: FakeUser, message_raw: dict[str, Any], data: str) -> int:
        self._query_counter += 1
        query_id = f"{user.id}{self._query_counter:06d}"
        self._queries[query_id] = _Query(user)
        payload = {
            "callback_query": {
                "id": query_id,
                "from": user.to_json(),
                "message": message_raw,
                "chat_instance": f"-{abs(user.id) * 7919 + self.bot_id}",
                "data": data,
            }
        }
        return self.enqueue_update(payload)

    def _my_chat_member(self, user: FakeUser, *, old: str, new: str) -> int:
        def member(status: str) -> dict[str, Any]:
            data: dict[str, Any] = {"user": self._bot_user(), "status": status}
            if status == "kicked":
                data["until_date"] = 0
            return data

        payload = {
            "my_chat_member": {
                "chat": user.chat_json(),
                "from": user.to_json(),
                "date": self._now(),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            }
        }
        return self.enqueue_update(payload)

    # ===================================================================================
    # Bot API methods
    # ===================================================================================
    def _method_table(self) -> dict[str, Handler]:
        return {
            "getMe": self._get_me,
            "logOut": self._true,
            "close": self._true,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "setMyDescription": self._set_my_description,
            "getMyDescription": self._get_my_description,
            "setMyShortDescription": self._set_my_short_description,
            "getMyShortDescription": self._get_my_short_description,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "editMessageCaption": self._edit_message_caption,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "sendVoice": self._send_voice,
            "sendMediaGroup": self._send_media_group,
            "copyMessage": self._copy_message,
            "forwardMessage": self._forward_message,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "getFile": self._get_file,
        }

    async def _true(self, params: Params) -> Any:
        return True

    async def _get_me(self, params: Params) -> Any:
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # --- updates -------------------------------------------------------------------------
    def _acknowledge(self, offset: int) -> None:
        before = self._confirmed
        if offset > 0:
            newest = self._next_update_id - 1
            self._confirmed = max(self._confirmed, min(offset - 1, newest))
        elif offset < 0:
            keep = self._updates[offset:]
            if keep:
                self._confirmed = max(self._confirmed, keep[0]["update_id"] - 1)
            elif self._updates:
                self._confirmed = max(self._confirmed, self._updates[-1]["update_id"])
        self._updates = [u for u in self._updates if u["update_id"] > self._confirmed]
        if self._confirmed != before:
            event, self._fetch_changed = self._fetch_changed, asyncio.Event()
            event.set()

    def _deliverable(self) -> list[dict[str, Any]]:
        allowed = self._allowed_updates
        result: list[dict[str, Any]] = []
        kept: list[dict[str, Any]] = []
        dropped = False
        for update in self._updates:
            kind = next((k for k in update if k != "update_id"), "")
            ok = kind not in _DEFAULT_UPDATE_TYPES_EXCLUDED if allowed is None else kind in allowed
            if ok:
                result.append(update)
                kept.append(update)
            else:
                self._filtered.add(update["update_id"])
                dropped = True
        if dropped:
            self._updates = kept
            event, self._fetch_changed = self._fetch_changed, asyncio.Event()
            event.set()
        return result

    async def _get_updates(self, params: Params) -> Any:
        offset = params.get_int("offset") or 0
        limit = params.get_int("limit")
        limit = 100 if limit is None or limit <= 0 else min(limit, 100)
        timeout = max(0.0, params.get_float("timeout") or 0.0)
        allowed = params.get_json("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise bad_request("can't parse allowed_updates JSON array")
            self._allowed_updates = frozenset(allowed) if allowed else None
        self._acknowledge(offset)

        poll = _Poll()
        for other in self._polls:
            other.superseded = True
            other.event.set()
        self._polls.append(poll)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                if poll.superseded:
                    # A client that abandoned this poll (PTB stopping its updater) closes the
                    # connection; give the cancellation a moment to arrive so that only a real
                    # second poller is reported as a conflict.
                    await asyncio.sleep(0.05)
                    raise ApiError(409, _CONFLICT)
                available = self._deliverable()
                if available or self._closing:
                    return copy.deepcopy(available[:limit])
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return []
                poll.event.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(poll.event.wait(), remaining)
        finally:
            self._polls.remove(poll)

    async def _delete_webhook(self, params: Params) -> Any:
        if params.get_bool("drop_pending_updates") and self._updates:
            self._acknowledge(self._updates[-1]["update_id"] + 1)
        return True

    async def _get_webhook_info(self, params: Params) -> Any:
        return {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending_updates),
        }

    # --- commands, menu, descriptions ----------------------------------------------------
    def _command_key(self, params: Params) -> CommandKey:
        scope = params.get_json("scope", "can't parse BotCommandScope JSON object")
        if scope is None:
            scope = {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
            raise bad_request("can't parse BotCommandScope JSON object")
        scope_type = str(scope["type"])
        chat_id: int | None = None
        user_id: int | None = None
        if scope_type in ("chat", "chat_administrators", "chat_member"):
            chat_id = self._chat(Params(scope), sending=False).id
        if scope_type == "chat_member":
            raw_user = scope.get("user_id")
            if not isinstance(raw_user, int) or raw_user not in self.users:
                raise bad_request("user not found")
            user_id = raw_user
        language = params.get_str("language_code") or ""
        if language and not (2 <= len(language) <= 3 and language.isalpha()):
            raise bad_request("invalid language code specified")
        return scope_type, chat_id, user_id, language

    async def _set_my_commands(self, params: Params) -> Any:
        commands = params.get_json("commands", "can't parse commands JSON object")
        if commands is None:
            raise bad_request('parameter "commands" is required')
        if not isinstance(commands, list) or not all(isinstance(c, dict) for c in commands):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        cleaned: list[dict[str, str]] = []
        for item in commands:
            command = item.get("command")
            description = item.get("description")
            if (
                not isinstance(command, str)
                or not 1 <= len(command) <= 32
                or not all(
                    ch.isascii() and (ch.islower() or ch.isdigit() or ch == "_") for ch in command
                )
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not description.strip():
                raise bad_request("command description is empty")
            if len(description) > 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": command, "description": description})
        key = self._command_key(params)
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, params: Params) -> Any:
        return copy.deepcopy(self._commands.get(self._command_key(params), []))

    async def _delete_my_commands(self, params: Params) -> Any:
        self._commands.pop(self._command_key(params), None)
        return True

    async def _set_chat_menu_button(self, params: Params) -> Any:
        chat_id = self._chat(params, sending=False).id if params.has("chat_id") else None
        button = params.get_json("menu_button", "can't parse menu button JSON object")
        if button is None:
            button = {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            raise bad_request("can't parse menu button JSON object")
        if button["type"] == "web_app":
            web_app = button.get("web_app")
            url = web_app.get("url") if isinstance(web_app, dict) else None
            if not isinstance(button.get("text"), str) or not button["text"].strip():
                raise bad_request("BUTTON_TEXT_EMPTY")
            if not isinstance(url, str) or not url.startswith("https://"):
                raise bad_request("BUTTON_URL_INVALID")
        self.menu_buttons[chat_id] = button
        return True

    async def _get_chat_menu_button(self, params: Params) -> Any:
        chat_id = self._chat(params, sending=False).id if params.has("chat_id") else None
        return copy.deepcopy(self.menu_button(chat_id))

    def _set_description(self, params: Params, field_name: str, limit: int) -> Any:
        value = params.get_str(field_name) or ""
        if len(value) > limit:
            raise bad_request(f"{field_name.replace('_', ' ')} is too long")
        self.descriptions[(field_name, params.get_str("language_code") or "")] = value
        return True

    async def _set_my_description(self, params: Params) -> Any:
        return self._set_description(params, "description", 512)

    async def _set_my_short_description(self, params: Params) -> Any:
        return self._set_description(params, "short_description", 120)

    async def _get_my_description(self, params: Params) -> Any:
        lang = params.get_str("language_code") or ""
        return {"description": self.descriptions.get(("description", lang), "")}

    async def _get_my_short_description(self, params: Params) -> Any:
        lang = params.get_str("language_code") or ""
        return {"short_description": self.descriptions.get(("short_description", lang), "")}

    # --- sending -------------------------------------------------------------------------
    async def _send_message(self, params: Params) -> Any:
        user = self._chat(params)
        text, entities = format_text(params, "text", "entities", resolve_user=self._resolve_mention)
        check_text_length(text)
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=False)
        reply_to = self._reply_target(params, user.id)
        self._check_rate(user.id)
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        self._note_sent(user.id)
        message = self._add_bot_message(
            user,
            content,
            params,
            html=params.get_str("text"),
            markup=markup,
            reply_to=reply_to,
        )
        return copy.deepcopy(message.raw)

    async def _send_file(self, params: Params, kind: str) -> Any:
        user = self._chat(params)
        caption, entities = self._caption(params)
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=False)
        reply_to = self._reply_target(params, user.id)
        stored = self._input_file(params, kind, kind)
        self._check_rate(user.id)
        content = self._with_caption(self._media_content(stored), caption, entities)
        self._note_sent(user.id)
        message = self._add_bot_message(
            user,
            content,
            params,
            html=params.get_str("caption"),
            markup=markup,
            reply_to=reply_to,
        )
        return copy.deepcopy(message.raw)

    async def _send_document(self, params: Params) -> Any:
        return await self._send_file(params, "document")

    async def _send_photo(self, params: Params) -> Any:
        return await self._send_file(params, "photo")

    async def _send_voice(self, params: Params) -> Any:
        return await self._send_file(params, "voice")

    async def _send_media_group(self, params: Params) -> Any:
        user = self._chat(params)
        media = params.get_json("media", "can't parse media JSON object")
        if media is None:
            raise bad_request('parameter "media" is required')
        if not isinstance(media, list) or not all(isinstance(m, dict) for m in media):
            raise bad_request("can't parse media JSON object")
        if not 2 <= len(media) <= 10:
            raise bad_request("media group must include 2-10 items")
        kinds = {m.get("type") for m in media}
        for kind in kinds:
            if kind not in ("photo", "document", "video", "audio"):
                raise bad_request(f"can't parse InputMedia: unsupported type {kind!r}")
            if kind in ("video", "audio"):
                raise bad_request(f"media type {kind!r} is not supported by the fake server")
        if "document" in kinds and len(kinds) > 1:
            raise bad_request("document can't be mixed with other media types")
        reply_to = self._reply_target(params, user.id)
        prepared: list[tuple[StoredFile, str, list[dict[str, Any]], dict[str, Any]]] = []
        for item in media:
            item_params = Params(normalize_params({k: v for k, v in item.items() if k != "media"}))
            caption, entities = self._caption(item_params)
            stored = self._input_file(params, "media", str(item["type"]), value=item.get("media"))
            prepared.append((stored, caption, entities, item))
        self._check_rate(user.id, len(prepared))
        self._media_group_counter += 1
        group_id = f"{13_000_000_000_000_000 + self._media_group_counter}"
        results: list[dict[str, Any]] = []
        self._note_sent(user.id, len(prepared))
        for stored, caption, entities, item in prepared:
            content = self._with_caption(self._media_content(stored), caption, entities)
            caption_raw = item.get("caption")
            item_mode = item.get("parse_mode")
            message = self._add_bot_message(
                user,
                content,
                params,
                html=caption_raw if isinstance(caption_raw, str) else None,
                markup=None,
                reply_to=reply_to,
                extra={"media_group_id": group_id},
            )
            message.parse_mode = item_mode if isinstance(item_mode, str) else None
            results.append(copy.deepcopy(message.raw))
        return results

    def _source_message(self, params: Params, what: str) -> FakeMessage:
        source_chat = self._chat(params, "from_chat_id", sending=False)
        message_id = params.get_int("message_id")
        if message_id is None:
            raise bad_request("message_id is empty")
        found = self._find_message(source_chat.id, message_id)
        if found is None:
            raise bad_request(f"message to {what} not found")
        return found

    async def _copy_message(self, params: Params) -> Any:
        user = self._chat(params)
        source = self._source_message(params, "copy")
        content = {k: copy.deepcopy(v) for k, v in source.raw.items() if k in _CONTENT_KEYS}
        html = source.html
        if "text" not in content and "caption" in params.data:
            caption, entities = self._caption(params)
            content.pop("caption", None)
            content.pop("caption_entities", None)
            self._with_caption(content, caption, entities)
            html = params.get_str("caption")
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=False)
        reply_to = self._reply_target(params, user.id)
        self._check_rate(user.id)
        self._note_sent(user.id)
        message = self._add_bot_message(
            user, content, params, html=html, markup=markup, reply_to=reply_to
        )
        return {"message_id": message.message_id}

    async def _forward_message(self, params: Params) -> Any:
        user = self._chat(params)
        source = self._source_message(params, "forward")
        content = {k: copy.deepcopy(v) for k, v in source.raw.items() if k in _CONTENT_KEYS}
        origin = source.raw.get("forward_origin") or {
            "type": "user",
            "sender_user": copy.deepcopy(source.raw["from"]),
            "date": source.raw["date"],
        }
        self._check_rate(user.id)
        self._note_sent(user.id)
        message = self._add_bot_message(
            user,
            content,
            params,
            html=source.html,
            markup=None,
            reply_to=None,
            extra={"forward_origin": copy.deepcopy(origin)},
        )
        return copy.deepcopy(message.raw)

    # --- editing -------------------------------------------------------------------------
    def _message_to_edit(self, params: Params) -> tuple[FakeUser, FakeMessage]:
        if params.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        user = self._chat(params)
        message_id = params.get_int("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        found = self._find_message(user.id, message_id)
        if found is None:
            raise bad_request("message to edit not found")
        if not found.from_bot:
            raise bad_request("message can't be edited")
        return user, found

    def _apply_edit(
        self,
        user: FakeUser,
        message: FakeMessage,
        params: Params,
        new_raw: dict[str, Any],
        markup: dict[str, Any] | None,
    ) -> Any:
        inline = self._inline_markup(markup)
        if inline is not None:
            new_raw["reply_markup"] = inline
        else:
            new_raw.pop("reply_markup", None)
        compared = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(new_raw.get(k) == message.raw.get(k) for k in compared):
            raise bad_request(_NOT_MODIFIED)
        # Editing floods like sending: edits count toward the bot's overall rate.
        self._check_rate(None)
        self._note_sent(None)
        message.history.append(copy.deepcopy(message.raw))
        new_raw["edit_date"] = self._now()
        message.raw = new_raw
        message.markup = markup
        message.edit_count += 1
        message.params = dict(params.data)
        user._on_edit(message)
        return copy.deepcopy(message.raw)

    async def _edit_message_text(self, params: Params) -> Any:
        user, message = self._message_to_edit(params)
        if "text" not in message.raw:
            raise bad_request("there is no text in the message to edit")
        text, entities = format_text(params, "text", "entities", resolve_user=self._resolve_mention)
        check_text_length(text)
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=True)
        new_raw = copy.deepcopy(message.raw)
        new_raw["text"] = text
        new_raw.pop("entities", None)
        if entities:
            new_raw["entities"] = entities
        result = self._apply_edit(user, message, params, new_raw, markup)
        message.html = params.get_str("text")
        message.parse_mode = params.get_str("parse_mode")
        return result

    async def _edit_message_caption(self, params: Params) -> Any:
        user, message = self._message_to_edit(params)
        if "text" in message.raw or not any(
            k in message.raw for k in ("document", "photo", "voice")
        ):
            raise bad_request("there is no caption in the message to edit")
        caption, entities = self._caption(params)
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=True)
        new_raw = copy.deepcopy(message.raw)
        new_raw.pop("caption", None)
        new_raw.pop("caption_entities", None)
        self._with_caption(new_raw, caption, entities)
        result = self._apply_edit(user, message, params, new_raw, markup)
        message.html = params.get_str("caption")
        message.parse_mode = params.get_str("parse_mode")
        return result

    async def _edit_message_reply_markup(self, params: Params) -> Any:
        user, message = self._message_to_edit(params)
        markup = validate_reply_markup(params.data.get("reply_markup"), inline_only=True)
        return self._apply_edit(user, message, params, copy.deepcopy(message.raw), markup)

    async def _delete_message(self, params: Params) -> Any:
        user = self._chat(params, sending=False)
        message_id = params.get_int("message_id")
        found = self._find_message(user.id, message_id)
        if found is None:
            raise bad_request("message to delete not found")
        found.deleted = True
        user._notify()
        return True

    async def _delete_messages(self, params: Params) -> Any:
        user = self._chat(params, sending=False)
        ids = params.get_json("message_ids", "can't parse message identifiers JSON array")
        if (
            not isinstance(ids, list)
            or not 1 <= len(ids) <= 100
            or not all(isinstance(i, int) for i in ids)
        ):
            raise bad_request("message identifiers are invalid")
        for message_id in ids:
            found = self._find_message(user.id, message_id)
            if found is not None:
                found.deleted = True
        user._notify()
        return True

    # --- callbacks, actions, chats, files ------------------------------------------------
    async def _answer_callback_query(self, params: Params) -> Any:
        query_id = params.get_str("callback_query_id") or ""
        query = self._queries.get(query_id)
        if query is None or query.answered:
            raise bad_request(_QUERY_TOO_OLD)
        text = params.get_str("text")
        if text is not None and utf16_len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        url = params.get_str("url")
        if url:
            raise bad_request("URL_INVALID")
        query.answered = True
        answer: dict[str, Any] = {
            "callback_query_id": query_id,
            "text": text,
            "show_alert": params.get_bool("show_alert"),
            "url": url,
            "cache_time": params.get_int("cache_time"),
        }
        query.user.callback_answers.append(answer)
        query.user._notify()
        return True

    async def _send_chat_action(self, params: Params) -> Any:
        user = self._chat(params)
        action = params.get_str("action")
        if action not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        user.chat_actions.append(action)
        return True

    async def _get_chat(self, params: Params) -> Any:
        user = self._chat(params, sending=False)
        return {
            **user.chat_json(),
            "accent_color_id": user.id % 7,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        }

    async def _get_file(self, params: Params) -> Any:
        file_id = params.get_str("file_id") or ""
        stored = self._files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > _MAX_DOWNLOAD:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }
