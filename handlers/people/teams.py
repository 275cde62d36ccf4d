"""/teams: create teams and edit their name, region and default time zone."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update

from domain.people import teams
from domain.people.flows import NewTeam, TeamEdit, TeamField
from domain.people.teams import TeamCard, TeamFormStep, TeamStep
from domain.timezones import COMMON_ZONES
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.people.views import zone_buttons

AREA = Area.TEAMS


def _list_screen(t: Translator, cards: Sequence[TeamCard]) -> Screen:
    lines = [t("teams-title", count=len(cards))]
    if not cards:
        lines.append(t("teams-empty"))
    for card in cards:
        team = card.team
        lines.append(
            t(
                "teams-line",
                name=team.name,
                region=team.region,
                timezone=team.timezone,
                members=card.members,
            )
        )
    keyboard = [[button(card.team.name, AREA, "open", card.team.id)] for card in cards]
    keyboard.append([button(t.label("teams-new-button"), AREA, "new")])
    return Screen("\n".join(lines), keyboard)


def _card_screen(t: Translator, card: TeamCard) -> Screen:
    team = card.team
    text = t(
        "team-card",
        name=team.name,
        region=team.region,
        timezone=team.timezone,
        members=card.members,
    )
    text += "\n" + t(
        "team-card-hours",
        days=", ".join(t.label(f"weekday-{d}") for d in team.work_days),
        start=f"{team.work_start:%H:%M}",
        end=f"{team.work_end:%H:%M}",
        holidays=team.country + (f"-{team.subdivision}" if team.subdivision else ""),
    )
    keyboard = [
        [button(t.label("team-rename-button"), AREA, "edit", team.id, TeamField.NAME)],
        [button(t.label("team-region-button"), AREA, "edit", team.id, TeamField.REGION)],
        [button(t.label("team-timezone-button"), AREA, "edit", team.id, TeamField.TIMEZONE)],
        [button(t.label("team-hours-button"), AREA, "edit", team.id, TeamField.HOURS)],
        [button(t.label("team-holidays-button"), AREA, "edit", team.id, TeamField.HOLIDAYS)],
        [button(t.label("back-button"), AREA, "list")],
    ]
    return Screen(text, keyboard)


def _zone_question(t: Translator, name: str) -> Screen:
    return Screen(t("team-ask-timezone", name=name), zone_buttons(COMMON_ZONES, AREA, "tz"))


async def list_teams(update: Update, context: TandemContext) -> None:
    """/teams."""
    async with context.uow() as uow:
        cards = await teams.list_teams(uow, actor=context.actor)
    await show(update, _list_screen(context.t, cards))


async def back_to_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await list_teams(update, context)


async def open_team(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await teams.team_card(uow, actor=context.actor, team_id=cb.int_arg(0))
    await show(update, _card_screen(context.t, card))


async def new_team(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        replaced = await teams.start_new_team(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, NewTeam())
    await reply(update, context.t("team-ask-name"))


async def edit_team(update: Update, context: TandemContext, cb: Callback) -> None:
    team_id, raw_field = cb.int_arg(0), cb.str_arg(1)
    try:
        field = TeamField(raw_field)
    except ValueError:
        raise CallbackDataError(raw_field) from None
    async with context.uow() as uow:
        started = await teams.start_team_edit(
            uow, actor=context.actor, team_id=team_id, field=field, now=context.now
        )
    await tell_left_behind(context, started.replaced, TeamEdit(team_id, field))
    t = context.t
    if field is TeamField.TIMEZONE:
        await send_new(update, _zone_question(t, started.team.name))
    else:
        await reply(update, t(f"team-ask-{field.value}", name=started.team.name))


async def _render(update: Update, context: TandemContext, progress: TeamFormStep) -> None:
    t = context.t
    if progress.step is TeamStep.ASK_REGION:
        await reply(update, t("team-ask-region", name=progress.name))
    elif progress.step is TeamStep.ASK_TIMEZONE:
        await send_new(update, _zone_question(t, progress.name))
    else:
        assert progress.card is not None
        key = "team-created" if progress.step is TeamStep.CREATED else "team-updated"
        await reply(update, t(key, name=progress.name))
        await send_new(update, _card_screen(t, progress.card))


async def pick_zone(update: Update, context: TandemContext, cb: Callback) -> None:
    index = cb.int_arg(0)
    if index >= len(COMMON_ZONES):
        raise CallbackDataError(str(index))
    async with context.uow() as uow:
        progress = await teams.pick_team_zone(
            uow, actor=context.actor, timezone=COMMON_ZONES[index], now=context.now
        )
    await _render(update, context, progress)


async def typed(
    update: Update, context: TandemContext, state: NewTeam | TeamEdit, text: str
) -> None:
    """The next answer in the new-team or edit-team steps."""
    async with context.uow() as uow:
        progress = await teams.answer_team_step(
            uow, actor=context.actor, text=text, now=context.now
        )
    await _render(update, context, progress)


VERBS = {
    "open": open_team,
    "list": back_to_list,
    "new": new_team,
    "edit": edit_team,
    "tz": pick_zone,
}
