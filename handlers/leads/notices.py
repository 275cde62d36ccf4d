"""What the outbox sends about leads, rendered from the values the domain composes
(:mod:`domain.leads.notices`): no decisions here, only text and buttons."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardMarkup

from domain.leads.model import EventKind
from domain.leads.notices import (
    CardNotice,
    DisputeNotice,
    LateNotice,
    OrphanNotice,
    RegulationNotice,
    VerdictNotice,
    Why,
)
from handlers.kit.callbacks import Area, button
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import clip, fit
from handlers.leads.views import (
    AREA,
    Keyboard,
    card_keyboard,
    card_text,
    clause_text,
    name_of,
)


def _message(screen: Screen) -> OutgoingMessage:
    markup = InlineKeyboardMarkup(screen.keyboard) if screen.keyboard else None
    return OutgoingMessage(text=screen.text, reply_markup=markup)


def _open(t: Translator, lead_id: int) -> Keyboard:
    return [[button(t.label("lead-open-button"), AREA, "card", lead_id)]]


def render_card(notice: CardNotice, t: Translator, now: datetime) -> OutgoingMessage:
    """A new lead for the rep: the card, the deadline in their zone, ✅ ⚠️ ↩️."""
    lines = []
    why = notice.why
    if why is not None and why.kind is EventKind.OVERTURNED:
        lines.append(t("lead-card-back-overturned", name=name_of(why.by)))
        lines.append(clause_text(t, why.clause))
        if why.remark:
            lines.append(t("lead-verdict-remark") + " " + escape(clip(why.remark, 300)))
        lines.append("")
    elif why is not None:
        lines.append(
            t(
                "lead-card-back-returned",
                name=name_of(why.by),
                reason=t.label(f"lead-return-{why.remark}") if why.remark else "—",
            )
        )
        lines.append("")
    else:
        lines.append(t("lead-card-new"))
    lines.append(card_text(t, notice.card, timezone=notice.recipient.timezone, now=now))
    text = "\n".join(lines)
    return _message(Screen(fit(text), card_keyboard(t, notice.card, back=False)))


def render_reminder(notice: LateNotice, t: Translator, now: datetime) -> OutgoingMessage:
    lead = notice.lead
    zone = notice.recipient.timezone
    when = t.datetime(notice.deadline, zone) if notice.deadline else "—"
    if notice.rep is None:
        text = t("lead-late-rep", number=str(lead.id), name=lead.contact.name, when=when)
    else:
        text = t("lead-late-lead", number=str(lead.id), name=lead.contact.name, when=when,
                 rep=notice.rep.full_name)  # fmt: skip
    return _message(Screen(text, _open(t, lead.id)))


def render_orphan(notice: OrphanNotice, t: Translator, now: datetime) -> OutgoingMessage:
    lead = notice.lead
    text = t("lead-orphan", number=str(lead.id), name=lead.contact.name)
    return _message(Screen(text, [[button(t.label("lead-assign-button"), AREA, "asg", lead.id)]]))


def render_dispute(notice: DisputeNotice, t: Translator, now: datetime) -> OutgoingMessage:
    d, lead = notice.dispute, notice.lead
    key = f"dispute-{notice.why.value}"
    lines = [
        t(key, number=str(d.id), lead=lead.contact.name, rep=name_of(notice.rep)),
        clause_text(t, notice.clause, version=d.version),
    ]
    if notice.why is not Why.APPROVAL:
        keyboard = [[button(t.label("dispute-open-button"), Area.DISPUTES, "card", d.id)]]
    else:
        keyboard = [[
            button(t.label("dispute-approve-button"), AREA, "appr", d.id),
            button(t.label("dispute-decline-button"), AREA, "decl", d.id),
        ]]  # fmt: skip
    return _message(Screen("\n".join(lines), keyboard))


def render_verdict(notice: VerdictNotice, t: Translator, now: datetime) -> OutgoingMessage:
    d, lead = notice.dispute, notice.lead
    upheld = d.status.value == "upheld"
    if notice.to_rep:
        key = "verdict-rep-upheld" if upheld else "verdict-rep-overturned"
    else:
        key = "verdict-source-upheld"
    lines = [
        t(key, number=str(lead.id), name=lead.contact.name, analyst=name_of(notice.analyst),
          source=lead.contact.source or "—", assignee=name_of(notice.assignee)),
        clause_text(t, notice.clause, version=d.verdict_version),
    ]  # fmt: skip
    if d.remark:
        lines.append(t("lead-verdict-remark") + " " + escape(clip(d.remark, 500)))
    return _message(Screen("\n".join(lines)))


def render_regulation(notice: RegulationNotice, t: Translator, now: datetime) -> OutgoingMessage:
    regulation = notice.regulation
    text = t("reg-news", version=regulation.version) + "\n" + escape(clip(regulation.summary, 2500))
    keyboard = [
        [button(t.label("reg-ack-button"), Area.REGULATION, "ack", regulation.version)],
        [button(t.label("reg-read-button"), Area.REGULATION, "show", regulation.version)],
    ]
    return _message(Screen(text, keyboard))
