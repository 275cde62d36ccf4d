"""Fitting text into Telegram messages: split long HTML into parts, never mid-word or mid-tag;
fit a screen into one message; shorten user text for lines and buttons.

Telegram counts a message's length after entity parsing (in UTF-16 code units), so the
splitter measures the visible text only. It prefers to break between paragraphs, then lines,
then words; a single word longer than a whole message is the one thing cut. Formatting tags
open at a break are closed at the end of one part and reopened at the start of the next.
"""

from __future__ import annotations

import html
import re

from telegram.constants import MessageLimit

LIMIT = MessageLimit.MAX_TEXT_LENGTH
_TOKEN = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")


def visible_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _tokens(markup: str) -> list[tuple[str, str]]:
    """(kind, raw) pairs: 'tag' or 'text'; text is split into words, spaces and newlines."""
    tokens: list[tuple[str, str]] = []
    for part in _TOKEN.split(markup):
        if not part:
            continue
        if part.startswith("<"):
            tokens.append(("tag", part))
        else:
            for piece in re.split(r"(\s+)", part):
                if piece:
                    tokens.append(("text", piece))
    return tokens


def _visible(raw: str) -> int:
    return visible_length(html.unescape(raw))


def _cut_word(raw: str, room: int) -> tuple[str, str]:
    """Cut an over-long word, not inside an HTML entity."""
    plain = html.unescape(raw)
    head_plain, tail_plain = plain[:room], plain[room:]
    while visible_length(head_plain) > room:
        head_plain, tail_plain = head_plain[:-1], head_plain[-1] + tail_plain
    return html.escape(head_plain, quote=False), html.escape(tail_plain, quote=False)


def split_html(markup: str, limit: int = LIMIT) -> list[str]:
    """The message as one or more parts, each at most ``limit`` visible characters."""
    if _visible(_TOKEN.sub("", markup)) <= limit:
        return [markup]
    tokens = _tokens(markup)
    parts: list[str] = []
    carried: list[tuple[str, str]] = []  # tags open where the previous part ended
    start = 0
    while start < len(tokens):
        end, tokens = _part_end(tokens, start, limit)
        chunk = [raw for _, raw in tokens[start:end]]
        still_open = _open_tags_after(chunk, carried)
        text = "".join(tag for _, tag in carried) + "".join(chunk)
        text = text.strip() + "".join(f"</{name}>" for name, _ in reversed(still_open))
        if _TOKEN.sub("", text).strip():
            parts.append(text)
        carried = still_open
        start = end
        while start < len(tokens) and tokens[start][0] == "text" and tokens[start][1].isspace():
            start += 1
    return parts


def _part_end(
    tokens: list[tuple[str, str]], start: int, limit: int
) -> tuple[int, list[tuple[str, str]]]:
    """Where the part beginning at ``start`` should end (exclusive), and the tokens (a word
    longer than a whole part is cut in two)."""
    length = 0
    breaks: dict[int, tuple[int, int]] = {}  # rank -> (token index after the space, length)
    index = start
    while index < len(tokens):
        kind, raw = tokens[index]
        if kind == "text":
            size = _visible(raw)
            if length + size > limit:
                break
            length += size
            if raw.isspace():
                rank = 3 if "\n\n" in raw else 2 if "\n" in raw else 1
                breaks[rank] = (index + 1, length)
        index += 1
    if index >= len(tokens):
        return len(tokens), tokens
    # The strongest break (paragraph, line, word) that keeps the part at least half full.
    for rank in (3, 2, 1):
        if rank in breaks and breaks[rank][1] >= limit // 2:
            return breaks[rank][0], tokens
    if breaks:
        return max(position for position, _ in breaks.values()), tokens
    room = limit - length
    if room <= 0:
        return index, tokens
    head, tail = _cut_word(tokens[index][1], room)
    tokens = [*tokens[:index], ("text", head), ("text", tail), *tokens[index + 1 :]]
    return index + 1, tokens


def _open_tags_after(tokens: list[str], start: list[tuple[str, str]]) -> list[tuple[str, str]]:
    stack = list(start)
    for token in tokens:
        if not token.startswith("<"):
            continue
        match = _TAG_NAME.match(token)
        if not match:
            continue
        name = match[1].lower()
        if token.startswith("</"):
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    del stack[index]
                    break
        elif not token.endswith("/>"):
            stack.append((name, token))
    return stack


def fit(markup: str) -> str:
    """A screen that is edited in place must fit one message: its first part, marked as cut."""
    parts = split_html(markup)
    return parts[0] if len(parts) == 1 else parts[0].rstrip() + "\n…"


def excerpt(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters: white space folded, an ellipsis if cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, keeping line breaks; an ellipsis if cut. Clip plain
    text before escaping it, so an entity such as ``&amp;`` is never cut in half."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
