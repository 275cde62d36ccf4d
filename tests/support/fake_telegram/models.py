"""Plain data objects of the fake Telegram server."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Button",
    "FakeMessage",
    "Injection",
    "RequestRecord",
    "StoredFile",
    "UploadedFile",
]


@dataclass(frozen=True)
class Button:
    """One inline keyboard button as the bot sent it."""

    text: str
    callback_data: str | None = None
    url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:
        return f"UploadedFile({self.filename!r}, {self.content_type!r}, {len(self.data)} bytes)"


@dataclass
class StoredFile:
    """A file known to the fake (uploaded by the bot or sent by a user)."""

    file_id: str
    file_unique_id: str
    kind: str  # "document", "photo", "voice"
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. the PhotoSize list of a photo

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class RequestRecord:
    """One Bot API call the bot made, and how the fake answered it."""

    method: str
    params: dict[str, Any]
    status: int
    description: str | None
    injected: bool
    at: float
    result: Any = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class Injection:
    method: str  # lower-case
    status: int
    description: str
    retry_after: int | None
    remaining: int
    chat_id: int | None
    skip: int = 0  # let this many matching calls through first
    stall: float = 0.0  # > 0: do the call, but answer only after this many (real) seconds


@dataclass(eq=False)
class FakeMessage:
    """A message in a fake chat.

    The object is live: the fake updates it in place when the bot edits or deletes the message,
    so ``text``, ``buttons`` and ``edited`` always show the current state. ``raw`` is the Bot API
    Message JSON exactly as the fake returns it.
    """

    message_id: int
    chat_id: int
    raw: dict[str, Any]
    from_bot: bool
    html: str | None = None  # the text/caption parameter exactly as the bot sent it
    parse_mode: str | None = None
    markup: dict[str, Any] | None = None  # the reply_markup as sent (any keyboard type)
    protect_content: bool = False
    deleted: bool = False
    edit_count: int = 0
    params: dict[str, Any] = field(default_factory=dict, repr=False)
    history: list[dict[str, Any]] = field(default_factory=list, repr=False)

    # --- content -------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """Plain text after entity parsing; for media messages, the caption ("" if none)."""
        value = self.raw.get("text", self.raw.get("caption", ""))
        return str(value)

    @property
    def caption(self) -> str | None:
        value = self.raw.get("caption")
        return None if value is None else str(value)

    @property
    def entities(self) -> list[dict[str, Any]]:
        value = self.raw.get("entities", self.raw.get("caption_entities", []))
        return list(value)

    @property
    def kind(self) -> str:
        """ "text", "document", "photo", "voice", "location" or "other"."""
        for kind in ("text", "document", "photo", "voice", "location"):
            if kind in self.raw:
                return kind
        return "other"

    @property
    def edited(self) -> bool:
        return self.edit_count > 0

    @property
    def reply_to_message_id(self) -> int | None:
        reply = self.raw.get("reply_to_message")
        return None if reply is None else int(reply["message_id"])

    @property
    def media_group_id(self) -> str | None:
        value = self.raw.get("media_group_id")
        return None if value is None else str(value)

    # --- files ---------------------------------------------------------------------------
    @property
    def document_file_id(self) -> str | None:
        doc = self.raw.get("document")
        return None if doc is None else str(doc["file_id"])

    @property
    def document_file_name(self) -> str | None:
        doc = self.raw.get("document")
        return None if doc is None or "file_name" not in doc else str(doc["file_name"])

    @property
    def file_name(self) -> str | None:
        return self.document_file_name

    @property
    def photo_file_id(self) -> str | None:
        """file_id of the largest photo size."""
        sizes = self.raw.get("photo")
        return None if not sizes else str(sizes[-1]["file_id"])

    @property
    def voice_file_id(self) -> str | None:
        voice = self.raw.get("voice")
        return None if voice is None else str(voice["file_id"])

    @property
    def file_id(self) -> str | None:
        return self.document_file_id or self.photo_file_id or self.voice_file_id

    # --- keyboards -----------------------------------------------------------------------
    @property
    def buttons(self) -> list[list[Button]]:
        """The current inline keyboard, row by row (empty if there is none)."""
        markup = self.raw.get("reply_markup") or {}
        rows: list[list[Button]] = []
        for row in markup.get("inline_keyboard", []):
            rows.append(
                [
                    Button(
                        text=str(b.get("text", "")),
                        callback_data=b.get("callback_data"),
                        url=b.get("url"),
                        raw=dict(b),
                    )
                    for b in row
                ]
            )
        return rows

    def labels(self) -> list[str]:
        """All inline button texts, flattened row by row."""
        return [b.text for row in self.buttons for b in row]

    def button(self, label: str) -> Button:
        for row in self.buttons:
            for b in row:
                if b.text == label:
                    return b
        raise AssertionError(
            f"message {self.message_id} has no inline button {label!r}; "
            f"available: {self.labels()!r}"
        )

    @property
    def keyboard(self) -> list[list[str]]:
        """Labels of a reply keyboard (ReplyKeyboardMarkup) sent with the message, if any."""
        if not self.markup or "keyboard" not in self.markup:
            return []
        rows: list[list[str]] = []
        for row in self.markup["keyboard"]:
            rows.append([b if isinstance(b, str) else str(b.get("text", "")) for b in row])
        return rows

    def __repr__(self) -> str:
        flags = []
        if self.edited:
            flags.append("edited")
        if self.deleted:
            flags.append("deleted")
        extra = f" [{', '.join(flags)}]" if flags else ""
        labels = f" buttons={self.labels()!r}" if self.buttons else ""
        return (
            f"<FakeMessage #{self.message_id} chat={self.chat_id} {self.kind}"
            f" {self.text!r}{labels}{extra}>"
        )
