"""Telegram's ``parse_mode=HTML`` parser, reimplemented after the behaviour of the Bot API.

The rules follow Telegram's server:

* supported tags (case-insensitive): ``b``/``strong``, ``i``/``em``, ``u``/``ins``,
  ``s``/``strike``/``del``, ``span class="tg-spoiler"``, ``tg-spoiler``, ``a href``, ``code``,
  ``pre`` (optionally wrapping ``<code class="language-x">``), ``blockquote`` (optionally
  ``expandable``) and ``tg-emoji emoji-id``;
* only ``&lt;``, ``&gt;``, ``&amp;``, ``&quot;`` and numeric character references are decoded (the
  ``;`` is optional); any other ``&...`` is kept literally;
* every ``<`` must begin a supported tag: a literal ``<`` has to be written as ``&lt;``;
* offsets and lengths are counted in UTF-16 code units;
* empty entities are dropped, and entities nested inside ``code``/``pre`` are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["EntityParseError", "parse_html", "utf16_len"]

_SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)

_SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# Telegram's is_space(): the NUL byte counts too (it terminates the C string there).
_SPACES = frozenset(" \t\r\n\v\0")

_LINK_SCHEMES = ("http", "https", "tg", "ton")

UserResolver = Callable[[int], "dict[str, Any] | None"]


class EntityParseError(ValueError):
    """Raised for malformed HTML; ``str(err)`` is Telegram's detail message."""


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit Telegram counts in."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass
class _OpenTag:
    name: str
    argument: str
    offset: int  # UTF-16 offset in the output
    out_index: int  # index into the output chunk list


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode a character reference starting at ``text[pos] == '&'``.

    Returns the decoded character and the position after the reference, or None when the ``&``
    has to be kept literally.
    """
    n = len(text)
    end = pos + 1
    if end < n and text[end] == "#":
        end += 1
        value = 0
        if end < n and text[end] in "xX":
            end += 1
            while end < n and text[end] in "0123456789abcdefABCDEF":
                value = value * 16 + int(text[end], 16)
                end += 1
                if value >= 0x10FFFF:
                    return None
        else:
            while end < n and "0" <= text[end] <= "9":
                value = value * 10 + int(text[end])
                end += 1
                if value >= 0x10FFFF:
                    return None
        if value == 0 or end - pos >= 10 or 0xD800 <= value <= 0xDFFF:
            return None
        char = chr(value)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(text[pos + 1 : end])
        if named is None:
            return None
        char = named
    if end < n and text[end] == ";":
        end += 1
    return char, end


def _normalize_link(url: str) -> str | None:
    """Return the URL Telegram would store for a text_link, or None if it drops the link."""
    url = url.strip()
    if not url:
        return None
    scheme, sep, rest = url.partition("://")
    if not sep:
        if ":" in url.split("/", 1)[0] and not url.split(":", 1)[1][:1].isdigit():
            return None  # mailto:, javascript: and the like are not links for Telegram
        scheme, rest = "http", url
        url = "http://" + url
    scheme = scheme.lower()
    if scheme not in _LINK_SCHEMES or not rest:
        return None
    if scheme in ("http", "https"):
        host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if not host or " " in host:
            return None
        if host == rest:
            url += "/"
    return url


def _user_id_from_link(url: str) -> int | None:
    prefix = "tg://user?id="
    if not url.lower().startswith(prefix):
        return None
    raw = url[len(prefix) :]
    if not raw.isdigit():
        return None
    user_id = int(raw)
    return user_id if user_id > 0 else None


def parse_html(
    text: str, *, resolve_user: UserResolver | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """Parse ``text`` like Telegram does for ``parse_mode="HTML"``.

    Returns the plain text and the list of Bot API MessageEntity dicts (offset/length in UTF-16
    code units), sorted by offset then by decreasing length. ``resolve_user`` maps a user id of a
    ``tg://user?id=`` link to the Bot API User dict (None: keep it as a text_link); without it a
    minimal user dict is produced. Raises EntityParseError with Telegram's detail message.
    """
    n = len(text)

    def byte_offset(index: int) -> int:
        return len(text[:index].encode("utf-8", "surrogatepass"))

    def is_space(index: int) -> bool:
        return index >= n or text[index] in _SPACES

    out: list[str] = []
    u16 = 0
    entities: list[dict[str, Any]] = []
    stack: list[_OpenTag] = []
    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            decoded = _decode_entity(text, i)
            if decoded is not None:
                char, i = decoded
                out.append(char)
                u16 += utf16_len(char)
                continue
        if c != "<":
            out.append(c)
            u16 += 2 if ord(c) > 0xFFFF else 1
            i += 1
            continue

        begin = i
        i += 1
        if i < n and text[i] == "/":
            # An end tag.
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {byte_offset(begin)}")
            i += 1
            name_begin = i
            while not is_space(i) and text[i] != ">":
                i += 1
            end_name = text[name_begin:i].lower()
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n or text[i] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {byte_offset(begin)}")
            i += 1
            top = stack.pop()
            if end_name and end_name != top.name:
                raise EntityParseError(
                    f"Unmatched end tag at byte offset {byte_offset(begin)}, "
                    f'expected "</{top.name}>", found "</{end_name}>"'
                )
            length = u16 - top.offset
            if length > 0:
                _close_entity(top, length, "".join(out[top.out_index :]), entities, resolve_user)
            continue

        # A start tag.
        while not is_space(i) and text[i] != ">":
            i += 1
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
        tag = text[begin + 1 : i].lower()
        if tag not in _SUPPORTED_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{tag}" at byte offset {byte_offset(begin)}'
            )
        argument = ""
        while True:
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n:
                raise EntityParseError(
                    f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            if text[i] == ">":
                break
            name_begin = i
            while not is_space(i) and text[i] not in "=>":
                i += 1
            attr_name = text[name_begin:i].lower()
            if not attr_name:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n or text[i] != "=":
                if tag == "blockquote" and attr_name == "expandable":
                    argument = "1"
                    continue
                raise EntityParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag}" at byte offset {byte_offset(begin)}'
                )
            i += 1
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n:
                raise EntityParseError(
                    f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            if text[i] not in "'\"":
                # A name token: letters, digits, periods and hyphens; case-insensitive.
                token_begin = i
                while i < n and ((text[i].isascii() and text[i].isalnum()) or text[i] in ".-"):
                    i += 1
                value = text[token_begin:i].lower()
                if not is_space(i) and text[i] != ">":
                    raise EntityParseError(
                        f"Unexpected end of name token at byte offset {byte_offset(token_begin)}"
                    )
            else:
                quote = text[i]
                i += 1
                chunks: list[str] = []
                while i < n and text[i] != quote:
                    if text[i] == "&":
                        decoded = _decode_entity(text, i)
                        if decoded is not None:
                            chunks.append(decoded[0])
                            i = decoded[1]
                            continue
                    chunks.append(text[i])
                    i += 1
                if i >= n:
                    raise EntityParseError(
                        f"Unclosed start tag at byte offset {byte_offset(begin)}"
                    )
                i += 1
                value = "".join(chunks)
            if tag == "a" and attr_name == "href":
                argument = value
            elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                argument = value[len("tg-") :]
            elif tag == "tg-emoji" and attr_name == "emoji-id":
                argument = value
            elif tag == "blockquote" and attr_name == "expandable":
                argument = "1"
        i += 1  # the closing '>'
        if tag == "span" and argument != "spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(begin)}'
            )
        if tag == "tg-emoji" and not (argument.isdigit() and int(argument) > 0):
            raise EntityParseError("Invalid custom emoji identifier specified")
        stack.append(_OpenTag(tag, argument, u16, len(out)))

    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')

    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    entities = _drop_nested_in_code(entities)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_entity(
    top: _OpenTag,
    length: int,
    inner_text: str,
    entities: list[dict[str, Any]],
    resolve_user: UserResolver | None,
) -> None:
    offset = top.offset
    last = entities[-1] if entities else None
    same_range = last is not None and last["offset"] == offset and last["length"] == length
    if top.name in _SIMPLE_TYPES:
        entities.append({"type": _SIMPLE_TYPES[top.name], "offset": offset, "length": length})
    elif top.name == "a":
        url = top.argument or inner_text
        user_id = _user_id_from_link(url)
        if user_id is not None:
            if resolve_user is None:
                user: dict[str, Any] | None = {"id": user_id, "is_bot": False, "first_name": ""}
            else:
                user = resolve_user(user_id)
            if user is not None:
                entities.append(
                    {"type": "text_mention", "offset": offset, "length": length, "user": user}
                )
                return
        link = _normalize_link(url)
        if link is not None:
            entities.append({"type": "text_link", "offset": offset, "length": length, "url": link})
    elif top.name == "pre":
        if last is not None and same_range and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
        else:
            entities.append({"type": "pre", "offset": offset, "length": length})
    elif top.name == "code":
        if last is not None and same_range and last["type"] == "pre" and top.argument:
            last["language"] = top.argument
        else:
            entity: dict[str, Any] = {"type": "code", "offset": offset, "length": length}
            if top.argument:
                entity["language"] = top.argument
            entities.append(entity)
    elif top.name == "tg-emoji":
        entities.append(
            {
                "type": "custom_emoji",
                "offset": offset,
                "length": length,
                "custom_emoji_id": top.argument,
            }
        )
    elif top.name == "blockquote":
        kind = "expandable_blockquote" if top.argument else "blockquote"
        entities.append({"type": kind, "offset": offset, "length": length})


def _drop_nested_in_code(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Telegram does not keep formatting inside code and pre entities."""
    blocks = [e for e in entities if e["type"] in ("code", "pre")]
    kept: list[dict[str, Any]] = []
    for entity in entities:
        inside = any(
            block is not entity
            and block["offset"] <= entity["offset"]
            and entity["offset"] + entity["length"] <= block["offset"] + block["length"]
            and not (entity["type"] in ("code", "pre") and _same_range(block, entity))
            for block in blocks
        )
        if not inside:
            kept.append(entity)
    # A <pre><code> pair without a language leaves both; Telegram keeps only the pre.
    result: list[dict[str, Any]] = []
    for entity in kept:
        if entity["type"] == "code" and any(
            other["type"] == "pre" and _same_range(other, entity) for other in kept
        ):
            continue
        result.append(entity)
    return result


def _same_range(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["offset"] == b["offset"] and a["length"] == b["length"])
