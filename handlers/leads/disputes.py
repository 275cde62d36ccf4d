"""The analyst's side: /disputes (oldest first, with the decision-SLA countdown), a
dispute's card with the rep's clause, evidence one tap away and the lead's history, and the
verdict: uphold or overturn, citing a clause, with an optional remark."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from domain.leads import verdicts
from domain.leads.flows import Ruling, Target
from domain.leads.model import EvidenceKind, Verdict
from domain.leads.verdicts import DisputeCard, RulingScreen, Waiting
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator, escape
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.kit.text import clip, excerpt, fit
from handlers.leads.views import Keyboard, clause_text, contact_lines, history_lines, name_of

AREA = Area.DISPUTES
PAGE = 8


def _countdown(t: Translator, due: datetime | None, now: datetime) -> str:
    if due is None:
        return t.label("dispute-due-none")
    if due <= now:
        return t.label("dispute-due-late", relative=t.relative(due - now))
    return t.label("dispute-due-in", relative=t.relative(due - now))


def queue_screen(t: Translator, waiting: list[Waiting], page: int, now: datetime) -> Screen:
    if not waiting:
        return Screen(t("disputes-empty"))
    pages = max(1, -(-len(waiting) // PAGE))
    page = min(max(page, 0), pages - 1)
    shown = waiting[page * PAGE : (page + 1) * PAGE]
    lines = [t("disputes-title", count=len(waiting), page=page + 1, pages=pages)]
    keyboard: Keyboard = []
    for item in shown:
        d = item.dispute
        clause = item.clause.number if item.clause else d.clause
        lines.append(
            t("disputes-line", number=str(d.id), lead=excerpt(item.lead.contact.name, 40),
              clause=clause, rep=name_of(item.rep), due=_countdown(t, item.due, now))
        )  # fmt: skip
        keyboard.append([button(f"⚖️ #{d.id} · {clause}", AREA, "card", d.id)])
    row = []
    if page > 0:
        row.append(button("◀️", AREA, "q", page - 1))
    if page + 1 < pages:
        row.append(button("▶️", AREA, "q", page + 1))
    if row:
        keyboard.append(row)
    return Screen("\n".join(lines), keyboard)


async def list_disputes(update: Update, context: TandemContext) -> None:
    """/disputes."""
    async with context.uow() as uow:
        waiting = await verdicts.queue(uow, actor=context.actor, now=context.now)
    await show(update, queue_screen(context.t, list(waiting), 0, context.now))


async def queue_page(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        waiting = await verdicts.queue(uow, actor=context.actor, now=context.now)
    await show(update, queue_screen(context.t, list(waiting), cb.int_arg(0), context.now))


def card_screen(t: Translator, card: DisputeCard, timezone: str, now: datetime) -> Screen:
    item = card.waiting
    d = item.dispute
    lines = [
        t(
            "dispute-card-title",
            number=str(d.id),
            status=t.label(f"dispute-status-{d.status.value}"),
        ),
        t("dispute-card-rep", name=name_of(item.rep), when=t.datetime(d.opened_at, timezone)),
        t("dispute-card-due", due=_countdown(t, item.due, now)),
        clause_text(t, item.clause, version=d.version),
    ]
    if d.note:
        lines.append(t("lead-dispute-note") + " " + escape(clip(d.note, 500)))
    lines.append("")
    lines += contact_lines(t, item.lead, contacts=True)
    lines.append("")
    lines.append(t("lead-history-title", number=str(item.lead.id), name=item.lead.contact.name))
    lines += history_lines(t, card.history, card.people, timezone, limit=8)
    keyboard: Keyboard = []
    if d.evidence is not None:
        label = t.label(f"lead-evidence-{d.evidence.kind.value}")
        keyboard.append([button(label, AREA, "ev", d.id)])
    if d.is_open:
        keyboard.append(
            [
                button(t.label("dispute-uphold-button"), AREA, "up", d.id),
                button(t.label("dispute-overturn-button"), AREA, "ovt", d.id),
            ]
        )
    keyboard.append([button(t.label("disputes-back-button"), AREA, "q", 0)])
    return Screen(fit("\n".join(lines)), keyboard)


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await verdicts.card(
            uow, actor=context.actor, dispute_id=cb.int_arg(0), now=context.now
        )
    await show(update, card_screen(context.t, card, context.actor.timezone, context.now))


async def evidence(update: Update, context: TandemContext, cb: Callback) -> None:
    """The rep's photo, voice note or document, as a new message."""
    async with context.uow() as uow:
        dispute = await verdicts.evidence(uow, actor=context.actor, dispute_id=cb.int_arg(0))
    assert dispute.evidence is not None
    caption = context.t.label("dispute-evidence-caption", number=str(dispute.id))
    chat = context.actor.telegram_id
    file_id = dispute.evidence.file_id
    if dispute.evidence.kind is EvidenceKind.PHOTO:
        await context.bot.send_photo(chat, file_id, caption=caption, parse_mode=None)
    elif dispute.evidence.kind is EvidenceKind.VOICE:
        await context.bot.send_voice(chat, file_id, caption=caption, parse_mode=None)
    else:
        await context.bot.send_document(chat, file_id, caption=caption, parse_mode=None)


def ruling_screen(t: Translator, screen: RulingScreen) -> Screen:
    state = screen.state
    upheld = state.verdict is Verdict.UPHOLD
    lines = [
        t("ruling-title-uphold" if upheld else "ruling-title-overturn",
          number=str(screen.dispute.id), lead=screen.lead.contact.name),
        t("ruling-cites"),
        clause_text(t, screen.clause, version=screen.regulation.version),
    ]  # fmt: skip
    keyboard: Keyboard = []
    others = [c for c in screen.regulation.ordered() if c.number != state.clause]
    keyboard += [
        [button(t.label("ruling-cite", number=c.number, title=c.title[:40]), AREA, "cl", c.number)]
        for c in others
    ]
    if not upheld:
        target = state.target
        lines.append(
            t(
                f"ruling-target-{target.value}",
                name=next((r.full_name for r in screen.reps if r.id == state.rep_id), "—"),
            )
        )
        keyboard.append([button(t.label("ruling-to-same"), AREA, "tg", Target.SAME.value)])
        keyboard.append([button(t.label("ruling-to-rotation"), AREA, "tg", Target.ROTATION.value)])
        keyboard += [
            [button("👤 " + r.full_name[:40], AREA, "tg", Target.REP.value, r.id)]
            for r in screen.reps
            if r.id != screen.dispute.rep_id
        ][:10]  # fmt: skip
    lines.append(t("ruling-remark-prompt"))
    keyboard.append([button(t.label("ruling-confirm"), AREA, "ok")])
    return Screen("\n".join(lines), keyboard)


async def _begin(update: Update, context: TandemContext, cb: Callback, verdict: Verdict) -> None:
    async with context.uow() as uow:
        screen = await verdicts.begin(
            uow, actor=context.actor, dispute_id=cb.int_arg(0), verdict=verdict, now=context.now
        )
    await tell_left_behind(context, screen.replaced, screen.state)
    await send_new(update, ruling_screen(context.t, screen))


async def uphold(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin(update, context, cb, Verdict.UPHOLD)


async def overturn(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin(update, context, cb, Verdict.OVERTURN)


async def cite(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        screen = await verdicts.change(
            uow, actor=context.actor, clause=cb.str_arg(0), now=context.now
        )
    await show(update, ruling_screen(context.t, screen))


async def target(update: Update, context: TandemContext, cb: Callback) -> None:
    try:
        chosen = Target(cb.str_arg(0))
    except ValueError:
        raise CallbackDataError(cb.str_arg(0)) from None
    rep_id = cb.int_arg(1) if chosen is Target.REP else None
    async with context.uow() as uow:
        screen = await verdicts.change(
            uow, actor=context.actor, target=chosen, rep_id=rep_id, now=context.now
        )
    await show(update, ruling_screen(context.t, screen))


async def _rule(update: Update, context: TandemContext, remark: str | None) -> None:
    async with context.uow() as uow:
        ruled = await verdicts.rule(uow, actor=context.actor, remark=remark, now=context.now)
    context.wake_outbox()
    t = context.t
    if ruled.assignee is None:
        text = t("ruling-upheld", number=str(ruled.dispute.id), lead=str(ruled.lead.id))
    else:
        text = t("ruling-overturned", number=str(ruled.dispute.id), lead=str(ruled.lead.id),
                 name=ruled.assignee.full_name)  # fmt: skip
    await send_new(update, Screen(text))


async def confirm(update: Update, context: TandemContext, cb: Callback) -> None:
    await _rule(update, context, None)


async def typed_remark(update: Update, context: TandemContext, state: Ruling, text: str) -> None:
    await _rule(update, context, text)


VERBS = {
    "q": queue_page,
    "card": open_card,
    "ev": evidence,
    "up": uphold,
    "ovt": overturn,
    "cl": cite,
    "tg": target,
    "ok": confirm,
}
