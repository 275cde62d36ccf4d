"""The rep's side of a lead card: ✅ Take it, ⚠️ Dispute (a clause, then optional evidence),
↩️ Return (a reason), the outcome buttons; and the team lead's approval of an over-cap
dispute."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.leads import disputing, working
from domain.leads.flows import DisputeEvidence, ReturnComment
from domain.leads.model import Evidence, EvidenceKind, LossReason, ReturnReason
from domain.leads.working import CommentAsked, Returned
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, show
from handlers.kit.text import fit
from handlers.leads.views import AREA, EVENT_OF_VERB, Keyboard, card_keyboard, card_text, name_of


def _enum(cls: type, raw: str) -> object:
    try:
        return cls(raw)
    except ValueError:
        raise CallbackDataError(raw) from None


def _back_to_card(t: Translator, lead_id: int) -> list[InlineKeyboardButton]:
    """A prompt drawn over the lead's card (dispute, return, lost) can go back to it."""
    return [button(t.label("back-button"), AREA, "card", lead_id)]


async def take(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        card = await working.take(uow, actor=context.actor, lead_id=cb.int_arg(0), now=context.now)
    t = context.t
    text = card_text(t, card, timezone=context.actor.timezone, now=context.now)
    await show(update, Screen(text, card_keyboard(t, card, back=False)))
    return t.label("lead-taken")


async def outcome(update: Update, context: TandemContext, cb: Callback) -> str | None:
    event = EVENT_OF_VERB.get(cb.str_arg(1))
    if event is None:
        raise CallbackDataError(cb.str_arg(1))
    t = context.t
    lead_id = cb.int_arg(0)
    if cb.str_arg(1) == "l":
        keyboard: Keyboard = [
            [button(t.label(f"lead-loss-{r.value}"), AREA, "lost", lead_id, r.value)]
            for r in LossReason
        ]
        keyboard.append(_back_to_card(t, lead_id))
        await show(update, Screen(t("lead-loss-prompt", number=str(lead_id)), keyboard))
        return None
    async with context.uow() as uow:
        card = await working.record_outcome(
            uow, actor=context.actor, lead_id=lead_id, event=event, now=context.now
        )
    await show(update, Screen(card_text(t, card, timezone=context.actor.timezone, now=context.now),
                              card_keyboard(t, card, back=False)))  # fmt: skip
    return t.label("saved")


async def lost(update: Update, context: TandemContext, cb: Callback) -> str:
    reason = _enum(LossReason, cb.str_arg(1))
    assert isinstance(reason, LossReason)
    event = EVENT_OF_VERB["l"]
    async with context.uow() as uow:
        card = await working.record_outcome(
            uow, actor=context.actor, lead_id=cb.int_arg(0), event=event, now=context.now,
            loss_reason=reason,
        )  # fmt: skip
    t = context.t
    await show(update, Screen(card_text(t, card, timezone=context.actor.timezone, now=context.now)))
    return t.label("saved")


# --- disputing -----------------------------------------------------------------------------------


async def dispute(update: Update, context: TandemContext, cb: Callback) -> None:
    """⚠️ Dispute: the clauses that are grounds for one, as buttons (tap 1)."""
    async with context.uow() as uow:
        found = await disputing.grounds(
            uow, actor=context.actor, lead_id=cb.int_arg(0), now=context.now
        )
    t = context.t
    lines = [t("lead-dispute-prompt", number=str(found.lead.id), version=found.regulation.version)]
    if found.over_cap:
        lines.append(
            t("lead-dispute-over-cap", percent=found.regulation.settings.dispute_cap_percent)
        )
    keyboard: Keyboard = [
        [button(f"{c.number} {c.title}"[:60], AREA, "dc", found.lead.id, c.number)]
        for c in found.clauses
    ]
    keyboard.append(_back_to_card(t, found.lead.id))
    await show(update, Screen("\n".join(lines), keyboard))


async def pick_clause(update: Update, context: TandemContext, cb: Callback) -> None:
    """A clause (tap 2): the dispute is open; evidence may follow, or ✅ Done (tap 3)."""
    async with context.uow() as uow:
        opened = await disputing.open_dispute(
            uow, actor=context.actor, lead_id=cb.int_arg(0), clause=cb.str_arg(1), now=context.now
        )
    await tell_left_behind(context, opened.replaced, opened.state)
    t = context.t
    key = "lead-dispute-opened-approval" if opened.needs_approval else "lead-dispute-opened"
    text = t(key, number=str(opened.dispute.lead_id), clause=opened.clause.number,
             title=opened.clause.title)  # fmt: skip
    keyboard = [[button(t.label("lead-dispute-done"), AREA, "done", opened.dispute.id)]]
    if opened.needs_approval:
        context.wake_outbox()
    await show(update, Screen(text, keyboard))


async def done(update: Update, context: TandemContext, cb: Callback) -> str:
    """✅ Done (tap 3): the message is the lead's card again, now disputed."""
    async with context.uow() as uow:
        sent = await disputing.finish(
            uow, actor=context.actor, dispute_id=cb.int_arg(0), now=context.now
        )
    t = context.t
    card = sent.card
    head = t("lead-dispute-sent-approval" if sent.awaiting_approval else "lead-dispute-sent")
    text = card_text(t, card, timezone=context.actor.timezone, now=context.now)
    await show(update, Screen(fit(f"{head}\n\n{text}"), card_keyboard(t, card)))
    return t.label("lead-dispute-sent-toast")


async def _evidence(
    update: Update, context: TandemContext, text: str | None, evidence: Evidence | None
) -> None:
    async with context.uow() as uow:
        await disputing.add_evidence(
            uow, actor=context.actor, now=context.now, text=text, evidence=evidence
        )
    await reply(update, context.t("lead-dispute-evidence-kept"))


async def typed_evidence(
    update: Update, context: TandemContext, state: DisputeEvidence, text: str
) -> None:
    await _evidence(update, context, text, None)


async def sent_evidence(update: Update, context: TandemContext, state: DisputeEvidence) -> None:
    message = update.effective_message
    assert message is not None
    if message.photo:
        evidence = Evidence(EvidenceKind.PHOTO, message.photo[-1].file_id)
    elif message.voice is not None:
        evidence = Evidence(EvidenceKind.VOICE, message.voice.file_id)
    elif message.document is not None:
        evidence = Evidence(EvidenceKind.DOCUMENT, message.document.file_id)
    else:
        await reply(update, context.t("file-not-expected"))
        return
    await _evidence(update, context, message.caption, evidence)


async def approve(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        await disputing.approve(uow, actor=context.actor, dispute_id=cb.int_arg(0), now=context.now)
    await show(update, Screen(context.t("lead-approval-approved", number=str(cb.int_arg(0)))))
    return context.t.label("saved")


async def decline(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        await disputing.decline(uow, actor=context.actor, dispute_id=cb.int_arg(0), now=context.now)
    context.wake_outbox()
    await show(update, Screen(context.t("lead-approval-declined", number=str(cb.int_arg(0)))))
    return context.t.label("saved")


# --- returning -----------------------------------------------------------------------------------


async def return_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    lead_id = cb.int_arg(0)
    keyboard: Keyboard = [
        [button(t.label(f"lead-return-{r.value}"), AREA, "rr", lead_id, r.value)]
        for r in ReturnReason
    ]
    keyboard.append(_back_to_card(t, lead_id))
    await show(update, Screen(t("lead-return-prompt", number=str(lead_id)), keyboard))


async def _returned(update: Update, context: TandemContext, done: Returned) -> None:
    context.wake_outbox()
    t = context.t
    if done.next_rep is not None:
        text = t("lead-returned", number=str(done.lead.id), name=name_of(done.next_rep))
    else:
        text = t("lead-returned-unassigned", number=str(done.lead.id))
    await show(update, Screen(text))


async def return_reason(update: Update, context: TandemContext, cb: Callback) -> None:
    reason = _enum(ReturnReason, cb.str_arg(1))
    assert isinstance(reason, ReturnReason)
    async with context.uow() as uow:
        result = await working.return_lead(
            uow, actor=context.actor, lead_id=cb.int_arg(0), reason=reason, now=context.now
        )
    if isinstance(result, CommentAsked):
        await tell_left_behind(context, result.replaced, result.state)
        await show(update, Screen(context.t("lead-return-comment", number=str(result.lead.id))))
        return
    await _returned(update, context, result)


async def typed_return_comment(
    update: Update, context: TandemContext, state: ReturnComment, text: str
) -> None:
    async with context.uow() as uow:
        result = await working.return_with_comment(
            uow, actor=context.actor, text=text, now=context.now
        )
    await _returned(update, context, result)


VERBS = {
    "take": take,
    "out": outcome,
    "lost": lost,
    "disp": dispute,
    "dc": pick_clause,
    "done": done,
    "appr": approve,
    "decl": decline,
    "ret": return_menu,
    "rr": return_reason,
}
