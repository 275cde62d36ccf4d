"""The marketer sees photo answers captioned with who sent them and what they wrote — text
full of ``&`` or emoji is shortened as text, never cut inside an HTML entity or past
Telegram's caption limit."""

from __future__ import annotations

from tests.features.test_briefings import open_briefings, send_briefing
from tests.support.harness import Player, Tandem
from tests.support.org import build_org


async def answer_with_captioned_photo(tandem: Tandem, rep: Player, caption: str) -> None:
    await rep.press("✍️ Ответить" if rep.user.language_code == "ru" else "✍️ Answer")
    rep.user.mark()
    await tandem.processed(rep.user.send_photo(b"\x89PNG shelf photo", caption=caption))


async def test_a_photo_answer_with_a_long_caption_reaches_the_marketer_readable(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await send_briefing(tandem, org)
    anton, bella = org.reps[0], org.reps[1]
    await answer_with_captioned_photo(tandem, anton, "&" * 1000)
    await answer_with_captioned_photo(tandem, bella, "📷" * 600)

    marketer = org.marketer
    await open_briefings(marketer)
    await marketer.press(next(label for label in marketer.labels() if label.startswith("№")))
    await marketer.press("📋 Ответы")
    photos = await marketer.press("📷 Фото (2)")
    captions = {m.text.split(":")[0]: m.text for m in photos}
    # Fits as it is: shown exactly as typed.
    assert captions["Антон"] == "Антон: " + "&" * 1000
    # Too long for a caption (600 emoji are 1200 UTF-16 units): shortened, with an ellipsis.
    assert captions["Bella"].startswith("Bella: 📷📷") and captions["Bella"].endswith("📷…")
    assert len(captions["Bella"].encode("utf-16-le")) // 2 <= 1024
