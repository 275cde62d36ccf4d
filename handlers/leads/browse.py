"""/leads: counts by state (a rep's own, a team lead's team, everyone's for marketers and
analysts), pages of leads, filters by source and campaign, search by name or phone, a lead's
card and history, (re)assignment, and the CSV / Excel exports."""

from __future__ import annotations

from telegram import Update

from domain.leads import assignment, exports, queries
from domain.leads.assignment import Scope
from domain.leads.flows import SearchLeads
from domain.leads.model import LeadStatus
from domain.leads.queries import LeadPage, Overview
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.i18n import Translator
from handlers.kit.paging import nav_rows
from handlers.kit.routing import Alert, tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.kit.text import fit
from handlers.leads import tables
from handlers.leads.views import (
    AREA,
    STATUS_ICONS,
    Keyboard,
    card_keyboard,
    card_text,
    history_lines,
    lead_line,
    name_of,
    status_label,
)

NONE = "-"


def _opt_int(raw: str) -> int | None:
    if raw == NONE:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise CallbackDataError(raw)
    return int(raw)


def _status(raw: str) -> LeadStatus | None:
    if raw == NONE:
        return None
    try:
        return LeadStatus(raw)
    except ValueError:
        raise CallbackDataError(raw) from None


def _filters(source: int | None, campaign: int | None) -> tuple[str, str]:
    return (NONE if source is None else str(source), NONE if campaign is None else str(campaign))


def overview_screen(t: Translator, view: Overview, timezone: str) -> Screen:
    lines = [t(f"leads-title-{view.scope}", total=view.total)]
    if view.source_index is not None and view.where.source:
        lines.append(t("leads-filter-source", value=view.where.source))
    if view.campaign is not None:
        lines.append(t("leads-filter-campaign", value=view.campaign.name))
    src, cmp = _filters(view.source_index, view.campaign.id if view.campaign else None)
    keyboard: Keyboard = []
    for status in LeadStatus:
        count = view.counts.get(status, 0)
        if count:
            lines.append(f"{status_label(t, status)}: {count}")
            keyboard.append(
                [button(f"{STATUS_ICONS[status]} {count}", AREA, "list", status.value, 0, src, cmp)]
            )
    if not view.total:
        lines.append(t("leads-empty"))
    for person, period in view.away:
        lines.append(
            t(
                "leads-away-line",
                name=person.full_name,
                since=t.date(period.starts_at, timezone),
                until=t.date(period.ends_at, timezone),
            )
        )
    flat = [row[0] for row in keyboard]
    keyboard = [flat[i : i + 3] for i in range(0, len(flat), 3)]
    if view.total:
        keyboard.append([button(t.label("leads-all-button"), AREA, "list", NONE, 0, src, cmp)])
    keyboard.append([button(t.label("leads-search-button"), AREA, "find")])
    if view.may_filter:
        keyboard.append([button(t.label("leads-filter-button"), AREA, "flt")])
    if view.may_add:
        keyboard.append(
            [
                button(t.label("leads-new-button"), AREA, "new"),
                button(t.label("leads-import-button"), AREA, "imp"),
            ]
        )
    if view.may_export:
        keyboard.append(
            [
                button(t.label("leads-export-csv"), AREA, "exp", Format.CSV.value),
                button(t.label("leads-export-xlsx"), AREA, "exp", Format.XLSX.value),
            ]
        )
    if view.may_manage_sources:
        keyboard.append([button(t.label("leads-sources-button"), AREA, "srcs")])
    return Screen("\n".join(lines), keyboard)


async def list_leads(update: Update, context: TandemContext) -> None:
    """/leads."""
    async with context.uow() as uow:
        view = await queries.overview(uow, actor=context.actor, now=context.now)
    await show(update, overview_screen(context.t, view, context.actor.timezone))


async def overview(update: Update, context: TandemContext, cb: Callback) -> None:
    source = _opt_int(cb.args[0]) if cb.args else None
    campaign = _opt_int(cb.args[1]) if len(cb.args) > 1 else None
    async with context.uow() as uow:
        view = await queries.overview(
            uow, actor=context.actor, now=context.now, source_index=source, campaign_id=campaign
        )
    await show(update, overview_screen(context.t, view, context.actor.timezone))


def page_screen(t: Translator, page: LeadPage) -> Screen:
    label = status_label(t, page.status) if page.status else t.label("leads-all")
    lines = [t("leads-page-title", status=label, total=page.total, page=page.number + 1,
               pages=page.pages)]  # fmt: skip
    keyboard: Keyboard = [
        [button(lead_line(t, lead), AREA, "card", lead.id)] for lead in page.leads
    ]
    src, cmp = _filters(page.source_index, page.campaign_id)
    status = page.status.value if page.status else NONE
    row = []
    if page.number > 0:
        row.append(button("◀️", AREA, "list", status, page.number - 1, src, cmp))
    if page.number + 1 < page.pages:
        row.append(button("▶️", AREA, "list", status, page.number + 1, src, cmp))
    keyboard += nav_rows(row)
    keyboard.append([button(t.label("leads-back-button"), AREA, "ov", src, cmp)])
    return Screen("\n".join(lines), keyboard)


async def lead_list(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        page = await queries.lead_page(
            uow,
            actor=context.actor,
            status=_status(cb.str_arg(0)),
            page=cb.int_arg(1),
            source_index=_opt_int(cb.str_arg(2)),
            campaign_id=_opt_int(cb.str_arg(3)),
        )
    await show(update, page_screen(context.t, page))


async def filter_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await queries.filters(uow, actor=context.actor)
    t = context.t
    keyboard: Keyboard = [
        [button("🔗 " + source[:40], AREA, "ov", index, NONE)]
        for index, source in enumerate(found.sources[:20])
    ]
    keyboard += [
        [button("📣 " + campaign.name[:40], AREA, "ov", NONE, campaign.id)]
        for campaign in found.campaigns[:20]
    ]
    keyboard.append([button(t.label("leads-back-button"), AREA, "ov")])
    await show(update, Screen(t("leads-filter-prompt"), keyboard))


async def search(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        replaced = await queries.start_search(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, SearchLeads())
    await send_new(update, Screen(context.t("leads-search-prompt")))


async def typed_search(
    update: Update, context: TandemContext, state: SearchLeads, text: str
) -> None:
    async with context.uow() as uow:
        found = await queries.search(uow, actor=context.actor, text=text)
    t = context.t
    if not found:
        await send_new(update, Screen(t("leads-search-none")))
        return
    keyboard: Keyboard = [[button(lead_line(t, lead), AREA, "card", lead.id)] for lead in found]
    await send_new(update, Screen(t("leads-search-found", count=len(found)), keyboard))


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await queries.card(uow, actor=context.actor, lead_id=cb.int_arg(0), now=context.now)
    t = context.t
    text = card_text(t, card, timezone=context.actor.timezone, now=context.now)
    await show(update, Screen(fit(text), card_keyboard(t, card)))


async def history(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        card = await queries.card(uow, actor=context.actor, lead_id=cb.int_arg(0), now=context.now)
    t = context.t
    if not card.history:
        return Alert(t.label("lead-history-none"))
    lines = [t("lead-history-title", number=str(card.lead.id), name=card.lead.contact.name)]
    lines += history_lines(t, card.history, card.people, context.actor.timezone)
    await send_new(update, Screen(fit("\n".join(lines))))
    return None


# --- assignment ----------------------------------------------------------------------------------


async def assign_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await assignment.choices(
            uow, actor=context.actor, lead_id=cb.int_arg(0), now=context.now
        )
    t = context.t
    lead_id = found.lead.id
    keyboard: Keyboard = [
        [button(t.label("lead-assign-team", team=team.name), AREA, "asgt", lead_id, team.id)]
        for team in found.teams
    ]
    keyboard += [
        [button("👤 " + rep.full_name[:40], AREA, "asgr", lead_id, rep.id)]
        for rep in found.reps[:20]
    ]
    await send_new(update, Screen(t("lead-assign-prompt", number=str(lead_id)), keyboard))


async def assign_team(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        done = await assignment.assign_in_turn(
            uow, actor=context.actor, lead_id=cb.int_arg(0), scope=Scope(team_id=cb.int_arg(1)),
            now=context.now,
        )  # fmt: skip
    context.wake_outbox()
    text = context.t("lead-assigned", number=str(done.lead.id), name=name_of(done.rep))
    await show(update, Screen(text))


async def assign_rep(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        done = await assignment.assign_to(
            uow, actor=context.actor, lead_id=cb.int_arg(0), rep_id=cb.int_arg(1), now=context.now
        )
    context.wake_outbox()
    text = context.t("lead-assigned", number=str(done.lead.id), name=name_of(done.rep))
    await show(update, Screen(text))


# --- exports -------------------------------------------------------------------------------------


async def export(update: Update, context: TandemContext, cb: Callback) -> str:
    try:
        fmt = Format(cb.str_arg(0))
    except ValueError:
        raise CallbackDataError(cb.str_arg(0)) from None
    async with context.uow() as uow:
        found = await exports.export(uow, actor=context.actor)
    t = context.t
    timezone = context.actor.timezone
    chat = context.actor.telegram_id
    await send_table(context.bot, chat, tables.leads_rows(t, found, timezone), fmt,
                     name="leads", sheet_title=t.label("leads-export-sheet"),
                     caption=t.label("leads-export-caption", count=len(found.leads)))  # fmt: skip
    await send_table(context.bot, chat, tables.dispute_rows(t, found, timezone), fmt,
                     name="disputes", sheet_title=t.label("disputes-export-sheet"),
                     caption=t.label("disputes-export-caption",
                                     count=len(found.disputes)))  # fmt: skip
    return t.label("leads-exported")


VERBS = {
    "ov": overview,
    "list": lead_list,
    "flt": filter_menu,
    "find": search,
    "card": open_card,
    "hist": history,
    "asg": assign_menu,
    "asgt": assign_team,
    "asgr": assign_rep,
    "exp": export,
}
