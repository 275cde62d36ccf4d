"""The fake speaks the Bot API's HTTP protocol: raw requests with httpx."""

import asyncio
import json
import time

import httpx

from tests.fake.conftest import TOKEN
from tests.support.fake_telegram import FakeTelegram


async def test_wrong_token_is_401(fake: FakeTelegram) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{fake.base_url}/bot999:wrong/getMe")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_unknown_method_is_404(http: httpx.AsyncClient) -> None:
    response = await http.post("sendTelepathy")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_get_me_any_case_and_http_verb(http: httpx.AsyncClient) -> None:
    for response in (await http.get("getMe"), await http.post("GETME")):
        assert response.status_code == 200
        body = response.json()
        assert body["ok"] is True
        assert body["result"]["id"] == 777000111
        assert body["result"]["is_bot"] is True
        assert body["result"]["username"] == "tandem_test_bot"


async def test_send_message_form_json_query_and_multipart(
    fake: FakeTelegram, http: httpx.AsyncClient
) -> None:
    user = fake.user(10, "Ann")
    user.send("hi")
    r1 = await http.post("sendMessage", data={"chat_id": "10", "text": "form"})
    r2 = await http.post("sendMessage", json={"chat_id": 10, "text": "json"})
    r3 = await http.get("sendMessage", params={"chat_id": "10", "text": "query"})
    r4 = await http.post(
        "sendMessage",
        data={
            "chat_id": "10",
            "text": "<i>multi</i>",
            "parse_mode": "HTML",
            "protect_content": "True",
            "reply_markup": json.dumps(
                {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
            ),
        },
        files={"unused": ("x.txt", b"x")},
    )
    for response in (r1, r2, r3, r4):
        assert response.status_code == 200, response.text
    result = r4.json()["result"]
    assert result["text"] == "multi"
    assert result["entities"] == [{"type": "italic", "offset": 0, "length": 5}]
    assert result["has_protected_content"] is True
    assert result["reply_markup"] == {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    assert result["from"]["is_bot"] is True
    assert result["chat"] == {"id": 10, "type": "private", "first_name": "Ann"}
    # message ids are per chat and shared with the user's own message #1
    assert [m.message_id for m in user.messages] == [2, 3, 4, 5]
    assert user.texts() == ["form", "json", "query", "multi"]
    assert user.messages[-1].protect_content
    assert fake.requests[-1].params["chat_id"] == 10


async def test_error_shape(fake: FakeTelegram, http: httpx.AsyncClient) -> None:
    response = await http.post("sendMessage", data={"chat_id": "5", "text": "x"})
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: chat not found",
    }
    assert [r.description for r in fake.client_errors()] == ["Bad Request: chat not found"]


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    fake: FakeTelegram, http: httpx.AsyncClient
) -> None:
    user = fake.user(1, "Ann")

    async def later() -> None:
        await asyncio.sleep(0.1)
        user.send("hello")

    task = asyncio.create_task(later())
    started = time.monotonic()
    response = await http.post("getUpdates", data={"timeout": "5"}, timeout=10)
    elapsed = time.monotonic() - started
    await task
    assert 0.05 < elapsed < 2
    updates = response.json()["result"]
    assert [u["update_id"] for u in updates] == [1]
    assert updates[0]["message"]["text"] == "hello"
    assert updates[0]["message"]["from"]["first_name"] == "Ann"


async def test_long_poll_times_out_with_empty_result(http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    response = await http.post("getUpdates", json={"timeout": 0.3})
    elapsed = time.monotonic() - started
    assert response.json() == {"ok": True, "result": []}
    assert 0.25 < elapsed < 2


async def test_updates_already_queued_are_returned_immediately(
    fake: FakeTelegram, http: httpx.AsyncClient
) -> None:
    user = fake.user(1, "Ann")
    user.send("a")
    user.send("b")
    started = time.monotonic()
    response = await http.post("getUpdates", json={"timeout": 10})
    assert time.monotonic() - started < 1
    assert [u["message"]["text"] for u in response.json()["result"]] == ["a", "b"]


async def test_offset_acknowledges_updates(fake: FakeTelegram, http: httpx.AsyncClient) -> None:
    user = fake.user(1, "Ann")
    first = user.send("a")
    second = user.send("b")
    third = user.send("c")
    body = (await http.post("getUpdates", json={"limit": 2})).json()
    assert [u["update_id"] for u in body["result"]] == [first, second]
    # not acknowledged yet: returned again
    body = (await http.post("getUpdates", json={})).json()
    assert [u["update_id"] for u in body["result"]] == [first, second, third]
    waiter = asyncio.create_task(fake.wait_fetched(second, timeout=2))
    await asyncio.sleep(0)
    assert not waiter.done()
    body = (await http.post("getUpdates", json={"offset": second + 1})).json()
    assert [u["update_id"] for u in body["result"]] == [third]
    await waiter
    assert [u["update_id"] for u in fake.pending_updates] == [third]
    body = (await http.post("getUpdates", json={"offset": third + 1})).json()
    assert body["result"] == []


async def test_close_releases_pending_poll() -> None:
    fake = FakeTelegram(TOKEN)
    await fake.start()
    async with httpx.AsyncClient() as client:
        poll = asyncio.create_task(
            client.post(f"{fake.base_url}/bot{TOKEN}/getUpdates", json={"timeout": 30}, timeout=5)
        )
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await fake.close()
        response = await poll
    assert time.monotonic() - started < 2
    assert response.json() == {"ok": True, "result": []}


async def test_second_poller_terminates_the_first(http: httpx.AsyncClient) -> None:
    first = asyncio.create_task(http.post("getUpdates", json={"timeout": 5}, timeout=10))
    await asyncio.sleep(0.1)
    second = await http.post("getUpdates", json={"timeout": 0})
    assert second.status_code == 200
    response = await first
    assert response.status_code == 409
    assert response.json()["description"].startswith("Conflict: terminated by other getUpdates")


async def test_multipart_upload_get_file_and_download(
    fake: FakeTelegram, http: httpx.AsyncClient
) -> None:
    fake.user(3, "Bo").send("hi")
    content = b"%PDF-1.4 fake"
    response = await http.post(
        "sendDocument",
        data={"chat_id": "3", "caption": "report"},
        files={"document": ("report.pdf", content, "application/pdf")},
    )
    assert response.status_code == 200, response.text
    document = response.json()["result"]["document"]
    assert document["file_name"] == "report.pdf"
    assert document["mime_type"] == "application/pdf"
    assert document["file_size"] == len(content)
    info = (await http.post("getFile", data={"file_id": document["file_id"]})).json()["result"]
    assert info["file_path"].startswith("documents/file_")
    assert info["file_path"].endswith(".pdf")
    async with httpx.AsyncClient() as client:
        download = await client.get(f"{fake.base_url}/file/bot{TOKEN}/{info['file_path']}")
        missing = await client.get(f"{fake.base_url}/file/bot{TOKEN}/documents/nope.pdf")
    assert download.content == content
    assert missing.status_code == 404


async def test_unknown_file_id(fake: FakeTelegram, http: httpx.AsyncClient) -> None:
    fake.user(3, "Bo").send("hi")
    response = await http.post("sendDocument", data={"chat_id": "3", "document": "nope"})
    assert response.status_code == 400
    assert response.json()["description"] == (
        "Bad Request: wrong file identifier/HTTP URL specified"
    )
    response = await http.post("getFile", data={"file_id": "nope"})
    assert response.status_code == 400
