"""The user-simulation API, on its own and against a real polling PTB Application."""

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fake.conftest import TOKEN
from tests.support.fake_telegram import FakeTelegram


async def test_send_builds_updates_with_command_entities(fake: FakeTelegram, bot: Bot) -> None:
    ann = fake.user(1, "Ann", last_name="Lee", username="ann")
    first = ann.send("/start payload")
    second = ann.send("/help@tandem_test_bot")
    third = ann.send("plain")
    assert (first, second, third) == (1, 2, 3)
    updates = await bot.get_updates()
    start = updates[0].message
    assert start is not None
    assert start.text == "/start payload"
    assert start.parse_entities() == {start.entities[0]: "/start"}
    assert start.from_user is not None
    assert start.from_user.username == "ann"
    assert start.chat.type == "private"
    assert start.chat.id == 1
    assert updates[1].message is not None
    assert updates[1].message.entities[0].length == len("/help@tandem_test_bot")
    assert updates[2].message is not None
    assert updates[2].message.entities == ()
    assert [u.message.message_id for u in updates if u.message] == [1, 2, 3]


async def test_user_is_returned_again(fake: FakeTelegram) -> None:
    assert fake.user(1, "Ann") is fake.user(1, "Other name")


async def test_wait_message_cursor_mark_and_new_messages(fake: FakeTelegram, bot: Bot) -> None:
    ann = fake.user(1, "Ann")
    ann.send("hi")
    await bot.send_message(1, "one")
    await bot.send_message(1, "two")
    assert (await ann.wait_message()).text == "one"
    assert [m.text for m in ann.new_messages()] == ["two"]
    assert ann.new_messages() == []

    async def later() -> None:
        await asyncio.sleep(0.05)
        await bot.send_message(1, "three")

    task = asyncio.create_task(later())
    started = time.monotonic()
    assert (await ann.wait_message(timeout=2)).text == "three"
    assert time.monotonic() - started < 1
    await task
    await bot.send_message(1, "skipped")
    ann.mark()
    with pytest.raises(AssertionError, match=r"timed out after 0.05s") as info:
        await ann.wait_message(timeout=0.05)
    assert "skipped" in str(info.value)


async def test_messages_are_live_and_deleted_ones_leave_the_chat(
    fake: FakeTelegram, bot: Bot
) -> None:
    ann = fake.user(1, "Ann")
    ann.send("hi")
    sent = await bot.send_message(1, "draft")
    message = await ann.wait_message()
    await bot.edit_message_text("final", 1, sent.message_id)
    assert message.text == "final"
    assert message.edited
    assert (await ann.wait_edit(message)) is message
    await bot.delete_message(1, sent.message_id)
    assert message.deleted
    assert ann.messages == []
    assert ann.all_messages == [message]
    with pytest.raises(AssertionError, match=r"no message"):
        _ = ann.last_message


async def test_press_finds_the_newest_message_with_the_label(fake: FakeTelegram, bot: Bot) -> None:
    ann = fake.user(1, "Ann")
    ann.send("hi")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="old")]])
    await bot.send_message(1, "older", reply_markup=markup)
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Go", callback_data="new")],
            [InlineKeyboardButton("Site", url="https://example.com")],
        ]
    )
    newest = await bot.send_message(1, "newer", reply_markup=markup)
    await bot.send_message(1, "no buttons")
    update_id = ann.press("Go")
    updates = await bot.get_updates(offset=update_id)
    query = updates[0].callback_query
    assert query is not None
    assert query.data == "new"
    assert query.from_user.id == 1
    assert query.message is not None
    assert query.message.message_id == newest.message_id
    assert query.chat_instance
    older = ann.messages[0]
    ann.press("Go", message=older)
    query2 = (await bot.get_updates(offset=update_id + 1))[0].callback_query
    assert query2 is not None
    assert query2.data == "old"
    assert query2.id != query.id
    with pytest.raises(AssertionError, match=r"'Go'"):
        ann.press("Missing")
    with pytest.raises(AssertionError, match=r"not a callback button"):
        ann.press("Site")


async def test_press_data_forged(fake: FakeTelegram, bot: Bot) -> None:
    ann = fake.user(1, "Ann")
    update_id = ann.press_data("forged:1")
    query = (await bot.get_updates())[-1].callback_query
    assert query is not None
    assert query.data == "forged:1"
    assert query.message is not None
    assert not query.message.is_accessible
    assert update_id == 1


async def test_block_unblock_enqueue_my_chat_member(fake: FakeTelegram, bot: Bot) -> None:
    ann = fake.user(1, "Ann")
    ann.send("/start")
    ann.block()
    with pytest.raises(AssertionError, match=r"blocked"):
        ann.send("hi")
    ann.unblock()
    updates = await bot.get_updates()
    statuses = [
        (u.my_chat_member.old_chat_member.status, u.my_chat_member.new_chat_member.status)
        for u in updates
        if u.my_chat_member
    ]
    assert statuses == [("member", "kicked"), ("kicked", "member")]


# --- a real polling Application -------------------------------------------------------------
async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Yes", callback_data="yes")],
            [InlineKeyboardButton("No", callback_data="no")],
        ]
    )
    await update.effective_message.reply_html("<b>Ready?</b>", reply_markup=markup)


async def _pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"You said {query.data}")
    await query.edit_message_text(f"Answer: <i>{query.data}</i>", parse_mode="HTML")


async def _document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    assert message.document is not None
    file = await message.document.get_file()
    data = await file.download_as_bytearray()
    await message.reply_text(f"{message.document.file_name}: {len(data)} bytes")
    await message.reply_document(message.document.file_id, caption="back to you")


@pytest.fixture
async def app(fake: FakeTelegram) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{fake.base_url}/bot")
        .base_file_url(f"{fake.base_url}/file/bot")
        .build()
    )
    application.add_handler(CommandHandler("start", _start))
    application.add_handler(CallbackQueryHandler(_pressed))
    application.add_handler(MessageHandler(filters.Document.ALL, _document))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=5)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_conversation_with_a_polling_application(
    fake: FakeTelegram,
    app: Application,  # type: ignore[type-arg]
) -> None:
    ann = fake.user(1, "Ann")
    update_id = ann.send("/start")
    await fake.wait_fetched(update_id)
    message = await ann.wait_message()
    assert message.text == "Ready?"
    assert message.entities == [{"type": "bold", "offset": 0, "length": 6}]
    assert message.labels() == ["Yes", "No"]
    assert message.reply_to_message_id is None  # reply_* quotes only in groups by default

    ann.press("No")
    assert (await ann.wait_answer())["text"] == "You said no"
    edited = await ann.wait_edit(message)
    assert edited.text == "Answer: no"
    assert edited.buttons == []

    ann.send_document("notes.txt", b"twelve bytes", mime_type="text/plain")
    reply = await ann.wait_message()
    assert reply.text == "notes.txt: 12 bytes"
    echoed = await ann.wait_message()
    assert echoed.document_file_name == "notes.txt"
    assert echoed.text == "back to you"
    assert fake.client_errors() == []


async def test_application_shutdown_is_quick_and_clean(fake: FakeTelegram) -> None:
    application = Application.builder().token(TOKEN).base_url(fake.bot_base_url).build()
    started = time.monotonic()
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=10)
        await asyncio.sleep(0.1)
        await application.updater.stop()
        await application.stop()
    assert time.monotonic() - started < 3
    assert fake.client_errors() == []
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{fake.base_url}/bot{TOKEN}/getMe")
    assert response.status_code == 200
