"""A fake Telegram Bot API server (real HTTP protocol) with a user-simulation API, for tests.

Usage::

    async with FakeTelegram(TOKEN) as fake:
        # PTB: base_url=f"{fake.base_url}/bot", base_file_url=f"{fake.base_url}/file/bot"
        ann = fake.user(1, "Ann")
        await fake.wait_fetched(ann.send("/start"))
        reply = await ann.wait_message()
        ann.press("Yes")
        assert fake.client_errors() == []

Semantics worth knowing:

* Every FakeMessage is live (edits/deletes update it in place); FakeUser.messages hides
  deleted messages, FakeUser.all_messages keeps them (deleted=True).
* Text and captions are trimmed of leading/trailing whitespace like Telegram does; lengths are
  counted in UTF-16 code units after entity parsing.
* parse_mode "Markdown"/"MarkdownV2" is accepted but not parsed (text kept verbatim).
* editMessageText/Caption without reply_markup removes the inline keyboard, as on Telegram.
* Rate limits count delivered messages (a media group counts one per item).
"""

from .html_entities import EntityParseError, parse_html, utf16_len
from .models import Button, FakeMessage, RequestRecord, StoredFile, UploadedFile
from .server import SEND_METHODS, FakeTelegram
from .users import FakeUser

__all__ = [
    "SEND_METHODS",
    "Button",
    "EntityParseError",
    "FakeMessage",
    "FakeTelegram",
    "FakeUser",
    "RequestRecord",
    "StoredFile",
    "UploadedFile",
    "parse_html",
    "utf16_len",
]
