"""The screens of the digest's settings and of the draft agenda, from the domain's values."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton

from domain.kpis.agenda import AgendaView
from domain.kpis.indicators import Measure
from domain.kpis.periods import Period
from domain.kpis.records import AgendaItem, DigestSettings, ItemKind
from domain.kpis.scopes import ALL
from handlers.kit.callbacks import button
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import clip, fit
from handlers.kpis.views import AREA, NAME_MAX, measure_label

DIGEST_TIMES = ("07:00", "08:00", "09:00", "10:00", "12:00", "17:00")


# --- the digest -----------------------------------------------------------------------------


def digest_settings_screen(t: Translator, settings: DigestSettings) -> Screen:
    text = "\n".join(
        [
            t("kpi-digest-title"),
            t(
                "kpi-digest-when",
                day=t.label(f"kpi-weekday-{settings.day}"),
                time=settings.at.strftime("%H:%M"),
            ),
            t("kpi-digest-on" if settings.enabled else "kpi-digest-off"),
        ]
    )
    days = [
        button(
            ("✓ " if d == settings.day else "") + t.label(f"kpi-weekday-short-{d}"), AREA, "dd", d
        )
        for d in range(1, 8)
    ]
    at = settings.at.strftime("%H:%M")
    times = [
        button(("✓ " if value == at else "") + value, AREA, "dt", value.replace(":", ""))
        for value in DIGEST_TIMES
    ]
    toggle = button(
        t.label("kpi-digest-turn-off" if settings.enabled else "kpi-digest-turn-on"),
        AREA,
        "don",
        0 if settings.enabled else 1,
    )
    back = button(t.label("kpi-back"), AREA, "show", Period.THIS_WEEK.value, ALL)
    return Screen(text, [days[:4], days[4:], times[:3], times[3:], [toggle], [back]])


# --- the draft agenda -----------------------------------------------------------------------


def item_text(t: Translator, item: AgendaItem) -> str:
    """One agenda item in words, plain (it becomes a meeting topic as it reads)."""

    def num(name: str) -> int:
        value = item.arg(name)
        return int(value) if isinstance(value, int) else 0

    def text(name: str) -> str:
        value = item.arg(name)
        return str(value) if value is not None else ""

    def share(name: str) -> str:
        value = item.arg(name)
        return (
            t.label("kpi-percent", value=value)
            if isinstance(value, int)
            else t.label("kpi-no-data")
        )

    if item.kind in (ItemKind.INDICATOR, ItemKind.CHANGE):
        measure = measure_label(t, Measure(text("measure")))
        team = item.arg("team")
        key = "kpi-item-indicator" if team is None else "kpi-item-indicator-team"
        return t.label(
            key,
            measure=measure,
            team=clip(str(team or ""), NAME_MAX),
            now=share("now"),
            before=share("before"),
        )
    if item.kind is ItemKind.DISPUTES_WAITING:
        return t.label("kpi-item-waiting", count=num("count"))
    if item.kind is ItemKind.OVERTURNED:
        return t.label(
            "kpi-item-overturned", lead=clip(text("lead"), NAME_MAX), clause=text("clause")
        )
    if item.kind is ItemKind.QUESTION:
        return t.label(
            "kpi-item-question",
            votes=num("votes"),
            campaign=clip(text("campaign"), NAME_MAX),
            text=clip(text("text") or "🎤", 200),
        )
    if item.kind is ItemKind.FEEDBACK:
        return t.label(
            "kpi-item-feedback",
            rating=num("rating"),
            campaign=clip(text("campaign"), NAME_MAX),
            comment=clip(text("comment"), 200),
        )
    return t.label(
        "kpi-item-action",
        text=clip(text("text"), 200),
        owner=clip(text("owner"), NAME_MAX),
        due=text("due"),
    )


def kept_texts(t: Translator, view: AgendaView) -> list[str]:
    return [item_text(t, item) for item in view.draft.kept]


def agenda_screen(t: Translator, view: AgendaView, timezone: str) -> Screen:
    meeting = view.meeting
    assert meeting.starts_at is not None
    lines = [
        t(
            "kpi-agenda-title",
            title=clip(meeting.title, 80),
            when=t.datetime(meeting.starts_at, timezone),
        ),
    ]
    sent = view.draft.sent_at is not None
    if not view.draft.items:
        lines.append(t("kpi-agenda-empty"))
    for number, item in enumerate(view.draft.items, 1):
        mark = "✅" if item.kept else "✖️"
        lines.append(f"{mark} {number}. {escape(item_text(t, item))}")
    if sent:
        lines += ["", t("kpi-agenda-sent", count=view.added or len(view.draft.kept))]
        return Screen(fit("\n".join(lines)))
    lines += ["", t("kpi-agenda-how")]
    rows: list[Sequence[InlineKeyboardButton]] = []
    for index, item in enumerate(view.draft.items):
        toggle = t.label("kpi-agenda-drop" if item.kept else "kpi-agenda-keep", number=index + 1)
        row = [button(toggle, AREA, "ak", meeting.id, index)]
        if index > 0:
            row.append(
                button(t.label("kpi-agenda-up", number=index + 1), AREA, "au", meeting.id, index)
            )
        rows.append(row)
    rows.append([button(t.label("kpi-agenda-send"), AREA, "as", meeting.id)])
    return Screen(fit("\n".join(lines)), rows)
