"""Edits of a message wait in the background and only its newest content is applied."""

import asyncio

from handlers.kit.screens import EditQueue, answering_first, later, run_after_answer


async def test_an_edit_superseded_while_waiting_is_never_applied() -> None:
    queue = EditQueue()
    applied: list[str] = []
    gate = asyncio.Event()

    def edit(text: str, *, wait: bool = False):  # type: ignore[no-untyped-def]
        async def run() -> None:
            if wait:
                await gate.wait()  # the first edit waits for its send slot
            applied.append(text)

        return run

    queue.submit(1, 10, edit("first", wait=True))
    await asyncio.sleep(0)
    queue.submit(1, 10, edit("second"))
    queue.submit(1, 10, edit("third"))
    queue.submit(1, 11, edit("another message"))
    gate.set()
    await queue.idle()
    assert applied == ["another message", "first", "third"]


async def test_what_a_button_shows_waits_for_the_answer() -> None:
    order: list[str] = []

    async def step() -> None:
        order.append("shown")

    with answering_first() as shown:
        await later(step)
        order.append("handler done")
    order.append("answered")
    await run_after_answer(shown)
    assert order == ["handler done", "answered", "shown"]
    await later(step)  # outside a button: at once
    assert order[-1] == "shown"
