"""How briefing answers are shown to the marketer: captions under photos, voice and files."""

from __future__ import annotations

from telegram.constants import MessageLimit

from handlers.briefings.views import media_caption
from tests.support.fake_telegram.html_entities import parse_html, utf16_len


def shown(caption: str) -> str:
    """What Telegram shows for the caption (it rejects what it cannot parse)."""
    plain, _ = parse_html(caption)
    return plain


def test_a_short_caption_shows_the_name_and_the_text_as_typed() -> None:
    assert shown(media_caption("R&D <Bella>", "shelf & price")) == "R&D <Bella>: shelf & price"


def test_a_caption_with_no_text_is_the_name_alone() -> None:
    assert shown(media_caption("Bella", None)) == "Bella"


def test_a_long_caption_full_of_ampersands_is_clipped_as_text_not_mid_entity() -> None:
    text = "&" * 3000
    plain = shown(media_caption("Bella & Co", text))
    assert utf16_len(plain) <= MessageLimit.CAPTION_LENGTH
    assert plain.startswith("Bella & Co: &&&") and plain.endswith("&…")
    assert set(plain.removeprefix("Bella & Co: ").removesuffix("…")) == {"&"}
    # The whole limit is used for what was typed, not for entities.
    assert len(plain) == MessageLimit.CAPTION_LENGTH


def test_a_caption_of_emoji_fits_telegrams_utf16_limit() -> None:
    plain = shown(media_caption("Bella", "📷" * 1000))
    assert utf16_len(plain) <= MessageLimit.CAPTION_LENGTH
    assert plain.endswith("📷…")
