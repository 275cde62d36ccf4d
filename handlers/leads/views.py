"""How leads look: a lead's card, its history, a clause, from the domain's values.

Every text comes from ``bot/locales/<lang>/leads.ftl``; what people typed (names, comments,
remarks, clause texts) is clipped, escaped and put after the formatted header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from telegram import InlineKeyboardButton

from domain.leads.model import (
    Event,
    EventKind,
    HistoryEntry,
    Lead,
    LeadStatus,
)
from domain.leads.queries import DisputeLine, LeadCard
from domain.leads.regulation import Clause
from domain.people.model import Person
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Translator, escape
from handlers.kit.text import clip, excerpt

AREA = Area.LEADS
Keyboard = list[list[InlineKeyboardButton]]
STATUS_ICONS = {
    LeadStatus.UNASSIGNED: "⏸",
    LeadStatus.NEW: "🆕",
    LeadStatus.TAKEN: "✅",
    LeadStatus.DISPUTED: "⚠️",
    LeadStatus.DISQUALIFIED: "🚫",
    LeadStatus.CONTACTED: "📞",
    LeadStatus.MEETING: "🤝",
    LeadStatus.WON: "🏆",
    LeadStatus.LOST: "✖️",
}
OUTCOME_VERBS = {Event.CONTACT: "c", Event.MEET: "m", Event.WIN: "w", Event.LOSE: "l"}
EVENT_OF_VERB = {verb: event for event, verb in OUTCOME_VERBS.items()}
HISTORY_SHOWN = 12


def name_of(person: Person | None) -> str:
    return person.full_name if person else "—"


def status_label(t: Translator, status: LeadStatus) -> str:
    return f"{STATUS_ICONS[status]} {t.label(f'lead-status-{status.value}')}"


def lead_line(t: Translator, lead: Lead) -> str:
    """A short plain line for a button: the icon, number and name."""
    return f"{STATUS_ICONS[lead.status]} #{lead.id} {excerpt(lead.contact.name, 40)}"


def clause_text(t: Translator, clause: Clause | None, *, version: int | None = None) -> str:
    """``1.2 Duplicate (v1)`` and its text, as HTML."""
    if clause is None:
        return "—"
    head = f"<b>{escape(clause.number)} {escape(clause.title)}</b>"
    if version is not None:
        head += " " + t("reg-version-tag", version=version)
    return f"{head}\n<i>{escape(clip(clause.body, 600))}</i>"


def contact_lines(t: Translator, lead: Lead, *, contacts: bool) -> list[str]:
    c = lead.contact
    lines = [t("lead-card-title", number=str(lead.id), name=c.name)]
    if contacts:
        if c.phone:
            lines.append(t("lead-card-phone", phone=c.phone))
        if c.email:
            lines.append(t("lead-card-email", email=c.email))
    else:
        lines.append(t("lead-card-contacts-hidden"))
    for key, value in (
        ("lead-card-company", c.company),
        ("lead-card-region", c.region),
        ("lead-card-source", c.source),
    ):
        if value:
            lines.append(t(key, value=value))
    return lines


def card_text(t: Translator, card: LeadCard, *, timezone: str, now: datetime) -> str:
    lead = card.lead
    lines = contact_lines(t, lead, contacts=card.shows_contacts)
    if card.campaign is not None:
        lines.append(t("lead-card-campaign", value=card.campaign.name))
    if lead.contact.comment and card.shows_contacts:
        lines.append(t("lead-card-comment") + " " + escape(clip(lead.contact.comment, 500)))
    lines.append(t("lead-card-status", status=status_label(t, lead.status)))
    if card.assignee is not None:
        lines.append(t("lead-card-rep", name=card.assignee.full_name))
    if lead.duplicate_of is not None:
        lines.append(t("lead-card-duplicate", number=str(lead.duplicate_of)))
    if card.deadline is not None:
        lines.append(
            t(
                "lead-card-deadline",
                when=t.datetime(card.deadline, timezone),
                relative=t.relative(card.deadline - now),
            )
        )
    if lead.loss_reason is not None:
        lines.append(t("lead-card-loss", reason=t.label(f"lead-loss-{lead.loss_reason.value}")))
    for line in card.disputes:
        lines.append("")
        lines.append(dispute_text(t, line))
    return "\n".join(lines)


def dispute_text(t: Translator, line: DisputeLine) -> str:
    d = line.dispute
    parts = [
        t(
            "lead-dispute-line",
            number=str(d.id),
            status=t.label(f"dispute-status-{d.status.value}"),
        ),
        clause_text(t, line.clause, version=d.version),
    ]
    if d.note:
        parts.append(t("lead-dispute-note") + " " + escape(clip(d.note, 300)))
    if line.verdict_clause is not None:
        parts.append(t("lead-verdict-cites"))
        parts.append(clause_text(t, line.verdict_clause, version=d.verdict_version))
        if d.remark:
            parts.append(t("lead-verdict-remark") + " " + escape(clip(d.remark, 300)))
    return "\n".join(parts)


def rep_keyboard(t: Translator, card: LeadCard) -> Keyboard:
    lead = card.lead
    rows: Keyboard = []
    if card.mine and lead.status is LeadStatus.NEW:
        rows.append([button(t.label("lead-take-button"), AREA, "take", lead.id)])
    if card.mine and lead.status in (LeadStatus.NEW, LeadStatus.TAKEN):
        rows.append(
            [
                button(t.label("lead-dispute-button"), AREA, "disp", lead.id),
                button(t.label("lead-return-button"), AREA, "ret", lead.id),
            ]
        )
    outcome_row = [
        button(t.label(f"lead-outcome-{OUTCOME_VERBS[e]}"), AREA, "out", lead.id, OUTCOME_VERBS[e])
        for e in card.outcomes
    ]
    if outcome_row:
        rows += [outcome_row[:2], outcome_row[2:]] if len(outcome_row) > 2 else [outcome_row]
    return rows


def card_keyboard(t: Translator, card: LeadCard, *, back: bool = True) -> Keyboard:
    rows = rep_keyboard(t, card)
    lead = card.lead
    if card.may_assign:
        rows.append([button(t.label("lead-assign-button"), AREA, "asg", lead.id)])
    if card.history:
        rows.append([button(t.label("lead-history-button"), AREA, "hist", lead.id)])
    for line in card.disputes:
        if line.dispute.evidence is not None:
            rows.append(
                [button(t.label("lead-evidence-button"), Area.DISPUTES, "ev", line.dispute.id)]
            )
    if back:
        rows.append([button(t.label("leads-back-button"), AREA, "ov")])
    return rows


def history_lines(
    t: Translator,
    history: Sequence[HistoryEntry],
    people: Mapping[int, Person],
    timezone: str,
    *,
    limit: int = HISTORY_SHOWN,
) -> list[str]:
    shown = list(history)[-limit:]
    lines = []
    if len(history) > len(shown):
        lines.append(t("lead-history-earlier", count=len(history) - len(shown)))
    for entry in shown:
        lines.append(history_line(t, entry, people, timezone))
    return lines


def history_line(
    t: Translator, entry: HistoryEntry, people: Mapping[int, Person], timezone: str
) -> str:
    d = entry.details
    actor = people.get(entry.actor_id) if entry.actor_id else None
    rep = people.get(int(d["rep"])) if d.get("rep") else None
    detail = ""
    if entry.kind is EventKind.RETURNED and d.get("reason"):
        detail = t.label(f"lead-return-{d['reason']}")
    elif entry.kind is EventKind.OUTCOME:
        detail = t.label(f"lead-status-{d.get('outcome', 'taken')}")
        if d.get("reason"):
            detail += " — " + t.label(f"lead-loss-{d['reason']}")
    elif entry.kind is EventKind.EVIDENCE:
        detail = t.label(f"lead-evidence-{d.get('evidence', 'note')}")
    line = t(
        f"lead-history-{entry.kind.value}",
        when=t.datetime(entry.at, timezone),
        actor=actor.full_name if actor else t.label("lead-history-system"),
        rep=name_of(rep),
        clause=str(d.get("clause") or "—"),
        version=str(d.get("version") or "—"),
        detail=detail,
    )
    remark = d.get("remark") or d.get("comment")
    if remark:
        line += " — " + escape(excerpt(str(remark), 120))
    return line
