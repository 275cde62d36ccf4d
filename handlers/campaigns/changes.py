"""After the announcement: an update, or the cancellation, with the marketer's note."""

from __future__ import annotations

from telegram import Update

from domain.campaigns import changes
from domain.campaigns.flows import WritingNote
from domain.campaigns.versions import NoteKind
from handlers.campaigns.views import card_screen
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.i18n import escape
from handlers.kit.routing import send_prompt, tell_left_behind
from handlers.kit.screens import Screen, remove, reply, send_new

_PROMPTS = {NoteKind.UPDATE: "ask-update", NoteKind.CANCELLATION: "ask-cancel"}
_SENT = {NoteKind.UPDATE: "update-sent", NoteKind.CANCELLATION: "cancel-sent"}
MAX_NAMES = 50


async def _ask(update: Update, context: TandemContext, cb: Callback, purpose: NoteKind) -> None:
    async with context.uow() as uow:
        prompt = await changes.ask_note(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), purpose=purpose, now=context.now
        )
    await tell_left_behind(context, prompt.previous, prompt.state)
    await send_prompt(
        update, context, Screen(context.t(_PROMPTS[purpose], name=prompt.campaign.name))
    )


async def update_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb, NoteKind.UPDATE)


async def cancel_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb, NoteKind.CANCELLATION)


async def note_typed(update: Update, context: TandemContext, state: WritingNote, text: str) -> None:
    """The note: it goes out to everyone who got the announcement."""
    async with context.uow() as uow:
        sent = await changes.send_note(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    context.wake_outbox()
    if state.prompt is not None:
        remove(update, state.prompt)  # answered: the question goes
    t, card = context.t, sent.card
    text = t(_SENT[sent.note.kind], count=sent.count, name=card.campaign.name)
    if sent.unreachable:
        names = escape(", ".join(p.full_name for p in sent.unreachable[:MAX_NAMES]))
        text += f"\n{t('note-unreachable', count=len(sent.unreachable))} {names}"
    await reply(update, text)
    await send_new(update, card_screen(t, card))


VERBS = {
    "upd": update_prompt,
    "kill": cancel_prompt,
}
