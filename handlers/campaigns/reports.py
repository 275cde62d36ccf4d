"""/campaigns, opening a campaign from it, and the figures (their text too)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update

from domain.campaigns import queries, reports
from domain.campaigns.figures import TeamFigures
from domain.campaigns.queries import CampaignCard
from domain.campaigns.reports import CampaignFigures
from domain.people.model import Person
from handlers.campaigns.recipient import send_announcement
from handlers.campaigns.views import AREA, CARD_ICONS, card_screen
from handlers.kit.callbacks import Callback, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Markup, Translator, escape
from handlers.kit.labels import team_name
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen, show
from handlers.kit.text import fit

PAGE_SIZE = 8
MAX_NAMES = 40


async def _list_screen(context: TandemContext, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        listed = await queries.visible(uow, actor=context.actor)
    shown = Page.of(listed.campaigns, page, PAGE_SIZE)
    if not listed.campaigns:
        text = t("campaigns-empty-manager" if listed.manager else "campaigns-empty")
    else:
        text = t("campaigns-title", count=shown.total, page=shown.number + 1, pages=shown.pages)
    keyboard = [
        [button(f"{CARD_ICONS[c.status]} {c.name or t.label('untitled')}", AREA, "open", c.id)]
        for c in shown.items
    ]
    keyboard += nav_rows(shown.nav(AREA, "list"))
    if listed.manager:
        keyboard.append([button(t.label("new-campaign-button"), AREA, "new")])
    return Screen(text, keyboard)


async def list_campaigns(update: Update, context: TandemContext) -> None:
    """/campaigns."""
    await show(update, await _list_screen(context, 0))


async def list_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _list_screen(context, cb.int_arg(0)))


def _names(people: Sequence[Person], limit: int) -> Markup:
    return Markup(", ".join(escape(p.full_name) for p in people[:limit]))


def _team_line(t: Translator, figures: TeamFigures, view: CampaignFigures) -> str:
    return t(
        "figures-team-line",
        team=team_name(t, view.teams, figures.team_id),
        acknowledged=figures.acknowledged,
        delivered=figures.delivered,
        unreachable=figures.unreachable,
    )


def figures_text(t: Translator, view: CampaignFigures) -> str:
    total = view.figures.total
    lines = [
        t("figures-title", name=view.campaign.name),
        t(
            "figures-summary",
            recipients=total.recipients,
            delivered=total.delivered,
            acknowledged=total.acknowledged,
            percent=total.acknowledged_percent,
            waiting=len(total.not_acknowledged),
            unreachable=total.unreachable,
            pending=total.pending,
        ),
    ]
    if not view.team_only and len(view.figures.teams) > 1:
        lines += ["", t("figures-by-team")]
        lines += [_team_line(t, team, view) for team in view.figures.teams]
    waiting = total.not_acknowledged
    if waiting:
        lines += ["", t("figures-not-yet", count=len(waiting)), _names(waiting, MAX_NAMES)]
        if len(waiting) > MAX_NAMES:
            lines.append(t("and-more", count=len(waiting) - MAX_NAMES))
    if total.unreachable_people:
        count = len(total.unreachable_people)
        lines += ["", t("figures-unreachable", count=count)]
        lines.append(_names(total.unreachable_people, MAX_NAMES))
    return "\n".join(lines)


def figures_screen(t: Translator, view: CampaignFigures) -> Screen:
    """The figures, in place of the screen they were opened from, with the way back to it:
    the card for those who manage campaigns, the list for a team lead."""
    cid = view.campaign.id
    keyboard = [[button(t.label("refresh-button"), AREA, "fig", cid)]]
    back = button(t.label("back-button"), AREA, "list", 0) if view.team_only else None
    keyboard.append([back or button(t.label("back-button"), AREA, "card", cid)])
    return Screen(fit(figures_text(t, view)), keyboard)


async def open_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    """Managers get the card; recipients the announcement itself (as a message of its own);
    team leads the figures of their team, in place of the list, as a marketer's card is."""
    async with context.uow() as uow:
        opened = await reports.open_campaign(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    if isinstance(opened, CampaignCard):
        await show(update, card_screen(context.t, opened))
        return
    if opened.announcement is not None:
        await send_announcement(update, context, opened.announcement)
    if opened.figures is not None:
        await show(update, figures_screen(context.t, opened.figures))


async def figures(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await reports.campaign_figures(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, figures_screen(context.t, view))


VERBS = {
    "list": list_page,
    "open": open_campaign,
    "fig": figures,
}
