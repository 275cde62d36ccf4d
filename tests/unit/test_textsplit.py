import html
import re

from handlers.kit.text import split_html, visible_length


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_short_text_is_untouched() -> None:
    assert split_html("<b>hi</b> &amp; bye") == ["<b>hi</b> &amp; bye"]


def test_long_text_splits_between_words_and_keeps_every_word() -> None:
    words = [f"слово{i}" for i in range(3000)]
    parts = split_html(" ".join(words), 4096)
    assert len(parts) > 1
    assert all(visible_length(plain(p)) <= 4096 for p in parts)
    assert " ".join(plain(p) for p in parts).split() == words


def test_paragraph_breaks_are_preferred() -> None:
    first = "a " * 1500
    second = "b " * 1500
    parts = split_html(first.strip() + "\n\n" + second.strip(), 4096)
    assert parts == [first.strip(), second.strip()]


def test_tags_are_closed_and_reopened() -> None:
    text = "<b>" + "word " * 2000 + "</b>"
    parts = split_html(text, 4096)
    assert len(parts) == 3
    for part in parts:
        assert part.startswith("<b>") and part.endswith("</b>")
        assert part.count("<b>") == part.count("</b>")


def test_entities_are_never_cut() -> None:
    text = "&amp;" * 5000  # one 5000-character "word"
    parts = split_html(text, 4096)
    assert [visible_length(plain(p)) for p in parts] == [4096, 904]
    assert all(re.fullmatch(r"(&amp;)+", p) for p in parts)


def test_emoji_count_as_two_utf16_units() -> None:
    parts = split_html("😀" * 3000, 4096)
    assert [visible_length(plain(p)) for p in parts] == [4096, 1904]
