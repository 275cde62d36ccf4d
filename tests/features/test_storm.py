"""Presses stay instant under a storm: a button is answered before its screen is redrawn."""

from tests.support.harness import Tandem, deliver
from tests.support.org import build_org, draft_campaign


async def test_got_it_is_answered_before_the_announcement_is_redrawn(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)
    rep = org.reps[0]
    announcement = next(m for m in rep.messages if "✅ Ознакомлен" in m.labels())
    before = len(tandem.fake.requests)
    await rep.press("✅ Ознакомлен", message=announcement)
    methods = [
        r.method
        for r in tandem.fake.requests[before:]
        if r.method in ("answerCallbackQuery", "editMessageText", "editMessageReplyMarkup")
    ]
    assert methods[0] == "answerCallbackQuery", methods
    assert "✅ Ознакомлен(а)" in tandem.fake.message(rep.id, announcement.message_id).labels()
