"""The fake driven by a real PTB Bot: results deserialize and errors map to PTB exceptions."""

import json
import time

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaDocument,
    InputMediaPhoto,
    MenuButtonCommands,
    ReplyKeyboardMarkup,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from tests.support.fake_telegram import FakeTelegram, FakeUser

PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd4"
    "0000000049454e44ae426082"
)


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=label)] for label in labels]
    )


@pytest.fixture
def ann(fake: FakeTelegram) -> FakeUser:
    user = fake.user(101, "Ann", username="ann", language_code="de")
    user.send("/start")
    return user


async def test_get_me(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 777000111
    assert me.username == "tandem_test_bot"
    assert me.first_name == "Tandem"
    assert me.is_bot


async def test_send_html_round_trip(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(
        ann.id,
        "<b>Hello</b>, <a href='https://example.com/'>site</a> 😀 &lt;3",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard("Yes", "No"),
    )
    assert sent.text == "Hello, site 😀 <3"
    assert sent.from_user is not None
    assert sent.from_user.id == 777000111
    assert sent.chat.id == ann.id
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 5),
        ("text_link", 7, 4),
    ]
    assert sent.reply_markup is not None
    message = await ann.wait_message()
    assert message.message_id == sent.message_id
    assert message.text == "Hello, site 😀 <3"
    assert message.html is not None
    assert message.html.startswith("<b>Hello</b>")
    assert message.parse_mode == "HTML"
    assert message.labels() == ["Yes", "No"]
    assert message.button("No").callback_data == "No"


async def test_text_is_trimmed_and_length_counted_after_parsing(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(ann.id, "\n  <b>hi</b>  \n", parse_mode="HTML")
    assert sent.text == "hi"
    assert sent.entities[0].offset == 0
    # 4096 characters of text, well over 4096 characters of markup: fine
    await bot.send_message(ann.id, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    # 2048 emoji are 4096 UTF-16 code units; one more is too long
    await bot.send_message(ann.id, "😀" * 2048)
    with pytest.raises(BadRequest, match=r"(?i)Message is too long"):
        await bot.send_message(ann.id, "😀" * 2048 + "x")


@pytest.mark.parametrize(
    ("text", "kwargs", "error"),
    [
        ("", {}, "Message text is empty"),
        ("<b> </b>", {"parse_mode": "HTML"}, "Message text is empty"),
        ("a < b", {"parse_mode": "HTML"}, "Can't parse entities: unsupported start tag"),
        ("<b>x</i>", {"parse_mode": "HTML"}, "Can't parse entities: unmatched end tag"),
        ("<b>x", {"parse_mode": "HTML"}, "Can't parse entities: can't find end tag"),
        ("x", {"parse_mode": "Bogus"}, "Unsupported parse_mode"),
    ],
)
async def test_text_validation(
    bot: Bot, ann: FakeUser, text: str, kwargs: dict[str, str], error: str
) -> None:
    with pytest.raises(BadRequest, match=error):
        await bot.send_message(ann.id, text, **kwargs)  # type: ignore[arg-type]


async def test_raw_descriptions_are_telegrams(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    with pytest.raises(BadRequest):
        await bot.send_message(ann.id, "1 < 2", parse_mode="HTML")
    assert fake.requests[-1].status == 400
    assert fake.requests[-1].description == (
        'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2'
    )


async def test_markdown_is_accepted_verbatim(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(ann.id, "*bold*", parse_mode="MarkdownV2")
    assert sent.text == "*bold*"


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ({"inline_keyboard": [[{"text": "a", "callback_data": "x" * 64}]]}, None),
        ({"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}, "BUTTON_DATA_INVALID"),
        ({"inline_keyboard": [[{"text": "a", "callback_data": "é" * 33}]]}, "BUTTON_DATA_INVALID"),
        ({"inline_keyboard": [[{"text": "a", "callback_data": ""}]]}, "BUTTON_DATA_INVALID"),
        ({"inline_keyboard": [[{"text": "a", "url": "ftp://x.org"}]]}, "BUTTON_URL_INVALID"),
        ({"inline_keyboard": [[{"text": "a", "url": "example.com"}]]}, "BUTTON_URL_INVALID"),
        ({"inline_keyboard": [[{"text": "", "callback_data": "a"}]]}, "BUTTON_TEXT_EMPTY"),
        ({"inline_keyboard": [[{"text": "a"}]]}, "can't parse inline keyboard button: Text"),
        (
            {"inline_keyboard": [[{"text": "a", "url": "https://x.org", "callback_data": "a"}]]},
            "can't parse inline keyboard button: exactly one",
        ),
        ({"inline_keyboard": [[{"text": "a", "url": "tg://resolve?domain=x"}]]}, None),
        ({"inline_keyboard": [[{"text": "a", "callback_data": "é" * 32}]]}, None),
        ({"keyboard": [["One", {"text": "Two"}]], "resize_keyboard": True}, None),
        ({"keyboard": [[""]]}, "BUTTON_TEXT_EMPTY"),
        ({"remove_keyboard": True}, None),
        ({"bogus": 1}, "can't parse reply keyboard markup JSON object"),
        ("{nope", "can't parse reply keyboard markup JSON object"),
    ],
)
async def test_reply_markup_validation(
    fake: FakeTelegram,
    http: httpx.AsyncClient,
    ann: FakeUser,
    markup: dict[str, object] | str,
    error: str | None,
) -> None:
    encoded = markup if isinstance(markup, str) else json.dumps(markup)
    response = await http.post(
        "sendMessage", data={"chat_id": str(ann.id), "text": "x", "reply_markup": encoded}
    )
    if error is None:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 400
        assert response.json()["description"].startswith(f"Bad Request: {error}")
        assert ann.messages == []


async def test_ptb_maps_markup_errors_to_bad_request(bot: Bot, ann: FakeUser) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(ann.id, "x", reply_markup=markup)


async def test_reply_keyboard_is_recorded(bot: Bot, ann: FakeUser) -> None:
    await bot.send_message(ann.id, "pick", reply_markup=ReplyKeyboardMarkup([["A", "B"], ["C"]]))
    message = await ann.wait_message()
    assert message.keyboard == [["A", "B"], ["C"]]
    assert message.buttons == []


async def test_chat_not_found_not_started_and_blocked(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)Chat not found"):
        await bot.send_message(424242, "x")
    silent = fake.user(202, "Silent")
    with pytest.raises(Forbidden, match=r"(?i)bot can't initiate conversation with a user"):
        await bot.send_message(silent.id, "x")
    blocker = fake.user(203, "Blocker")
    blocker.send("/start")
    blocker.block()
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(blocker.id, "x")
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_document(blocker.id, b"data")
    blocker.unblock()
    await bot.send_message(blocker.id, "welcome back")
    # only the unknown chat counts as a bot bug
    assert [r.description for r in fake.client_errors()] == ["Bad Request: chat not found"]


async def test_caption_too_long(bot: Bot, ann: FakeUser) -> None:
    await bot.send_document(ann.id, InputFile(b"x", filename="a.txt"), caption="c" * 1024)
    with pytest.raises(BadRequest, match=r"(?i)Message caption is too long"):
        await bot.send_document(ann.id, InputFile(b"x", filename="a.txt"), caption="c" * 1025)


async def test_edit_message_text_and_not_modified(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(
        ann.id, "<b>v1</b>", parse_mode="HTML", reply_markup=keyboard("A")
    )
    with pytest.raises(BadRequest, match=r"(?i)Message is not modified"):
        await bot.edit_message_text(
            "<b>v1</b>", ann.id, sent.message_id, parse_mode="HTML", reply_markup=keyboard("A")
        )
    # same text, different formatting: modified
    await bot.edit_message_text("v1", ann.id, sent.message_id, reply_markup=keyboard("A"))
    # same text without markup: the keyboard is removed, so it is modified
    edited = await bot.edit_message_text("v1", ann.id, sent.message_id)
    assert isinstance(edited, type(sent))
    assert edited.edit_date is not None
    message = ann.last_message
    assert message.edited
    assert message.edit_count == 2
    assert message.buttons == []
    with pytest.raises(BadRequest, match=r"(?i)Message to edit not found"):
        await bot.edit_message_text("x", ann.id, 9999)
    with pytest.raises(BadRequest, match=r"(?i)Message can't be edited"):
        await bot.edit_message_text("x", ann.id, 1)  # the user's /start


async def test_edit_reply_markup_and_caption(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(ann.id, "x", reply_markup=keyboard("A"))
    with pytest.raises(BadRequest, match=r"(?i)Message is not modified"):
        await bot.edit_message_reply_markup(ann.id, sent.message_id, reply_markup=keyboard("A"))
    await bot.edit_message_reply_markup(ann.id, sent.message_id, reply_markup=keyboard("B"))
    assert ann.last_message.labels() == ["B"]
    await bot.edit_message_reply_markup(ann.id, sent.message_id)
    assert ann.last_message.labels() == []
    with pytest.raises(BadRequest, match=r"(?i)There is no caption in the message to edit"):
        await bot.edit_message_caption(ann.id, sent.message_id, caption="c")
    doc = await bot.send_document(ann.id, InputFile(b"x", filename="a.txt"), caption="old")
    await bot.edit_message_caption(ann.id, doc.message_id, caption="<i>new</i>", parse_mode="HTML")
    assert ann.last_message.text == "new"
    with pytest.raises(BadRequest, match=r"(?i)Message is not modified"):
        await bot.edit_message_caption(
            ann.id, doc.message_id, caption="<i>new</i>", parse_mode="HTML"
        )
    with pytest.raises(BadRequest, match=r"(?i)Message to edit not found"):
        await bot.edit_message_reply_markup(ann.id, 777, reply_markup=keyboard("A"))


async def test_delete_message(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(ann.id, "bye")
    assert await bot.delete_message(ann.id, sent.message_id)
    assert ann.messages == []
    assert ann.all_messages[0].deleted
    with pytest.raises(BadRequest, match=r"(?i)Message to delete not found"):
        await bot.delete_message(ann.id, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)Message to edit not found"):
        await bot.edit_message_text("again", ann.id, sent.message_id)


async def test_answer_callback_query_once(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    await bot.send_message(ann.id, "q", reply_markup=keyboard("Yes"))
    ann.press("Yes")
    updates = await bot.get_updates()
    query = updates[-1].callback_query
    assert query is not None
    assert query.data == "Yes"
    assert query.message is not None
    assert query.message.message_id == ann.last_message.message_id
    with pytest.raises(BadRequest, match=r"(?i)Message_too_long"):
        await bot.answer_callback_query(query.id, text="x" * 201)
    assert await bot.answer_callback_query(query.id, text="Saved", show_alert=True)
    assert ann.callback_answers[0]["text"] == "Saved"
    assert ann.callback_answers[0]["show_alert"] is True
    with pytest.raises(BadRequest, match=r"(?i)Query is too old"):
        await bot.answer_callback_query(query.id)
    with pytest.raises(BadRequest, match=r"(?i)Query is too old"):
        await bot.answer_callback_query("123")


async def test_document_upload_get_file_download(bot: Bot, ann: FakeUser) -> None:
    content = bytes(range(256)) * 10
    sent = await bot.send_document(
        ann.id, InputFile(content, filename="table.csv"), caption="<b>data</b>", parse_mode="HTML"
    )
    assert sent.document is not None
    assert sent.document.file_name == "table.csv"
    assert sent.caption == "data"
    file = await bot.get_file(sent.document.file_id)
    assert file.file_path is not None
    assert "documents/file_" in file.file_path
    assert bytes(await file.download_as_bytearray()) == content
    # the file_id can be sent again
    again = await bot.send_document(ann.id, sent.document.file_id)
    assert again.document is not None
    assert again.document.file_id == sent.document.file_id
    message = ann.last_message
    assert message.document_file_id == sent.document.file_id
    assert message.document_file_name == "table.csv"
    with pytest.raises(BadRequest, match=r"(?i)Wrong file identifier"):
        await bot.send_document(ann.id, "AAAA-unknown")


async def test_user_files_are_downloadable_and_resendable(
    fake: FakeTelegram, bot: Bot, ann: FakeUser
) -> None:
    ann.send_document("cv.pdf", b"%PDF cv", caption="my cv")
    ann.send_photo(PNG_1x1, caption="pic")
    ann.send_voice(b"OggS voice", duration=7)
    ann.send_location(52.5, 13.4)
    updates = (await bot.get_updates())[-4:]
    doc_msg, photo_msg, voice_msg, loc_msg = (u.message for u in updates)
    assert doc_msg is not None
    assert doc_msg.document is not None
    assert doc_msg.document.file_name == "cv.pdf"
    assert doc_msg.caption == "my cv"
    assert bytes(await (await doc_msg.document.get_file()).download_as_bytearray()) == b"%PDF cv"
    assert photo_msg is not None
    assert len(photo_msg.photo) == 2
    assert photo_msg.photo[-1].width == 1
    assert bytes(await (await photo_msg.photo[-1].get_file()).download_as_bytearray()) == PNG_1x1
    assert voice_msg is not None
    assert voice_msg.voice is not None
    assert fake.message(ann.id, voice_msg.message_id).raw["voice"]["duration"] == 7
    assert loc_msg is not None
    assert loc_msg.location is not None
    assert loc_msg.location.latitude == 52.5
    await bot.send_photo(ann.id, photo_msg.photo[-1].file_id, caption="back")
    await bot.send_voice(ann.id, voice_msg.voice.file_id)
    assert ann.messages[-2].photo_file_id == photo_msg.photo[-1].file_id
    assert ann.messages[-1].voice_file_id == voice_msg.voice.file_id
    with pytest.raises(BadRequest, match=r"(?i)Can't use file of type"):
        await bot.send_document(ann.id, photo_msg.photo[-1].file_id)


async def test_media_group_copy_and_forward(bot: Bot, ann: FakeUser, fake: FakeTelegram) -> None:
    bob = fake.user(102, "Bob")
    bob.send("hi")
    messages = await bot.send_media_group(
        ann.id,
        [
            InputMediaDocument(b"one", filename="1.txt", caption="first"),
            InputMediaDocument(b"two", filename="2.txt"),
        ],
    )
    assert len(messages) == 2
    assert messages[0].media_group_id == messages[1].media_group_id
    assert ann.messages[-2].text == "first"
    with pytest.raises(BadRequest):
        await bot.send_media_group(
            ann.id,
            [
                InputMediaPhoto(PNG_1x1, filename="p.png"),
                InputMediaDocument(b"two", filename="2.txt"),
            ],
        )
    copied = await bot.copy_message(bob.id, ann.id, messages[0].message_id, caption="copy")
    assert bob.last_message.message_id == copied.message_id
    assert bob.last_message.text == "copy"
    assert bob.last_message.document_file_name == "1.txt"
    forwarded = await bot.forward_message(bob.id, ann.id, 1)  # Ann's /start
    assert forwarded.text == "/start"
    assert forwarded.forward_origin is not None
    with pytest.raises(BadRequest, match=r"(?i)Message to copy not found"):
        await bot.copy_message(bob.id, ann.id, 999)


async def test_reply_parameters(bot: Bot, ann: FakeUser) -> None:
    sent = await bot.send_message(ann.id, "re", reply_parameters=ReplyParameters(1))
    assert sent.reply_to_message is not None
    assert sent.reply_to_message.text == "/start"
    assert ann.last_message.reply_to_message_id == 1
    with pytest.raises(BadRequest, match=r"(?i)Message to be replied not found"):
        await bot.send_message(ann.id, "re", reply_parameters=ReplyParameters(999))
    await bot.send_message(
        ann.id, "re", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )


async def test_global_rate_limit(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    fake.global_rate_per_sec = 5
    for i in range(5):
        await bot.send_message(ann.id, f"m{i}")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(ann.id, "too much")
    assert "Retry in 1 seconds" in str(info.value)
    record = fake.requests[-1]
    assert record.status == 429
    assert record.description == "Too Many Requests: retry after 1"
    assert ann.texts() == [f"m{i}" for i in range(5)]
    assert fake.client_errors() == []
    assert fake.sent_count() == 5
    assert fake.sent_count("sendmessage") == 5


async def test_per_chat_rate_limit(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    bob = fake.user(102, "Bob")
    bob.send("hi")
    fake.per_chat_rate_per_sec = 2
    await bot.send_message(ann.id, "1")
    await bot.send_message(ann.id, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(ann.id, "3")
    await bot.send_message(bob.id, "other chat is fine")


async def test_rate_window_slides(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    fake.global_rate_per_sec = 2
    await bot.send_message(ann.id, "1")
    await bot.send_message(ann.id, "2")
    started = time.monotonic()
    with pytest.raises(RetryAfter):
        await bot.send_message(ann.id, "3")
    fake._send_times = type(fake._send_times)((t - 1.0, c) for t, c in fake._send_times)
    await bot.send_message(ann.id, "3")
    assert time.monotonic() - started < 1


async def test_inject(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    fake.inject("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(ann.id, "x")
    assert "Retry in 3 seconds" in str(info.value)
    fake.inject("sendmessage", 502, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match=r"(?i)Bad Gateway"):
            await bot.send_message(ann.id, "x")
    fake.inject("sendMessage", 500, chat_id=999)
    await bot.send_message(ann.id, "delivered")
    fake.inject("sendMessage", 403, description="Forbidden: bot was kicked")
    with pytest.raises(Forbidden, match=r"(?i)bot was kicked"):
        await bot.send_message(ann.id, "x")
    assert ann.texts() == ["delivered"]
    assert [r.injected for r in fake.requests if r.method == "sendMessage"] == [
        True,
        True,
        True,
        False,
        True,
    ]
    assert fake.client_errors() == []


async def test_commands_scopes(fake: FakeTelegram, bot: Bot, ann: FakeUser) -> None:
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await bot.set_my_commands([BotCommand("start", "Starten")], language_code="de")
    await bot.set_my_commands([BotCommand("admin", "Admin")], scope=BotCommandScopeChat(ann.id))
    assert fake.commands() == [("start", "Start"), ("help", "Help")]
    assert fake.commands(language_code="de") == [("start", "Starten")]
    assert fake.commands("chat", chat_id=ann.id) == [("admin", "Admin")]
    got = await bot.get_my_commands(scope=BotCommandScopeChat(ann.id))
    assert [c.command for c in got] == ["admin"]
    await bot.delete_my_commands(language_code="de")
    assert fake.commands(language_code="de") == []
    with pytest.raises(BadRequest, match=r"(?i)Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])
    await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
    assert fake.menu_button() == {"type": "commands"}
    assert await bot.set_my_description("desc")
    assert await bot.set_my_short_description("short")
    assert await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""


async def test_chat_action_and_get_chat(bot: Bot, ann: FakeUser) -> None:
    assert await bot.send_chat_action(ann.id, "typing")
    assert ann.chat_actions == ["typing"]
    with pytest.raises(BadRequest, match=r"(?i)Wrong parameter action"):
        await bot.send_chat_action(ann.id, "dancing")
    chat = await bot.get_chat(ann.id)
    assert chat.id == ann.id
    assert chat.first_name == "Ann"
    assert chat.username == "ann"
    with pytest.raises(BadRequest, match=r"(?i)Chat not found"):
        await bot.get_chat(5)


async def test_log_out_and_close(bot: Bot) -> None:
    assert await bot.log_out()
    assert await bot.close()
