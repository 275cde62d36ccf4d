"""/campaigns, opening a campaign from it, and the figures."""

from __future__ import annotations

from telegram import Update

from domain.campaigns import queries, reports
from domain.campaigns.queries import CampaignCard
from domain.campaigns.reports import CampaignFigures
from handlers.campaigns.recipient import send_announcement
from handlers.campaigns.views import AREA, CARD_ICONS, card_screen, figures_text
from handlers.kit.callbacks import Callback, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen, show
from handlers.kit.text import fit

PAGE_SIZE = 8


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
