"""/teams: create teams and edit their name, region and default time zone."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.errors import InvalidInput
from domain.flows import UntypedFlow as Flow
from domain.people import directory
from domain.permissions import Action, require
from domain.timezones import COMMON_ZONES, validate_timezone
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.routing import current_untyped, end_flow, save_untyped, start_untyped
from handlers.kit.screens import Screen, reply, send_new, show

AREA = Area.TEAMS
FLOW = "team"


async def _list_screen(context: TandemContext) -> Screen:
    t = context.t
    async with context.uow() as uow:
        teams = await directory.list_teams(uow, context.actor, Action.MANAGE_TEAMS)
        counts = {team.id: await uow.people.count_in_team(team.id) for team in teams}
    lines = [t("teams-title", count=len(teams))]
    if not teams:
        lines.append(t("teams-empty"))
    for team in teams:
        lines.append(
            t(
                "teams-line",
                name=team.name,
                region=team.region,
                timezone=team.timezone,
                members=counts[team.id],
            )
        )
    keyboard = [[button(team.name, AREA, "open", team.id)] for team in teams]
    keyboard.append([button(t.label("teams-new-button"), AREA, "new")])
    return Screen("\n".join(lines), keyboard)


async def list_teams(update: Update, context: TandemContext) -> None:
    """/teams."""
    await end_flow(context)
    await show(update, await _list_screen(context))


async def _card(context: TandemContext, team_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        team = await directory.get_team(uow, context.actor, team_id)
        members = await uow.people.count_in_team(team.id)
    text = t(
        "team-card",
        name=team.name,
        region=team.region,
        timezone=team.timezone,
        members=members,
    )
    keyboard = [
        [button(t.label("team-rename-button"), AREA, "edit", team.id, "name")],
        [button(t.label("team-region-button"), AREA, "edit", team.id, "region")],
        [button(t.label("team-timezone-button"), AREA, "edit", team.id, "tz")],
        [button(t.label("back-button"), AREA, "list")],
    ]
    return Screen(text, keyboard)


def _zone_keyboard() -> list[list[InlineKeyboardButton]]:
    zones = [button(name, AREA, "tz", index) for index, name in enumerate(COMMON_ZONES)]
    return [zones[i : i + 2] for i in range(0, len(zones), 2)]


async def open_team(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await show(update, await _card(context, cb.int_arg(0)))


async def back_to_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await show(update, await _list_screen(context))


async def new_team(update: Update, context: TandemContext, cb: Callback) -> None:
    require(context.actor, Action.MANAGE_TEAMS)
    await start_untyped(context, FLOW, "new-name")
    await reply(update, context.t("team-ask-name"))


async def edit_team(update: Update, context: TandemContext, cb: Callback) -> None:
    team_id, field = cb.int_arg(0), cb.str_arg(1)
    if field not in ("name", "region", "tz"):
        raise CallbackDataError(field)
    async with context.uow() as uow:
        team = await directory.get_team(uow, context.actor, team_id)
    await start_untyped(context, FLOW, f"edit-{field}", {"team_id": team.id})
    t = context.t
    if field == "tz":
        await send_new(update, Screen(t("team-ask-timezone", name=team.name), _zone_keyboard()))
    else:
        await reply(update, t(f"team-ask-{field}", name=team.name))


async def pick_zone(update: Update, context: TandemContext, cb: Callback) -> str | None:
    index = cb.int_arg(0)
    if index >= len(COMMON_ZONES):
        raise CallbackDataError(str(index))
    flow = await _team_flow(context)
    if flow is None or flow.step not in ("new-tz", "edit-tz"):
        raise CallbackDataError("no team flow waiting for a zone")
    await _advance(update, context, flow, COMMON_ZONES[index])
    return None


async def _team_flow(context: TandemContext) -> Flow | None:
    return await current_untyped(context, FLOW)


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """The next answer in the new-team or edit-team flow."""
    if not text:
        raise InvalidInput("error-text-expected")
    await _advance(update, context, flow, text)


async def _advance(update: Update, context: TandemContext, flow: Flow, value: str) -> None:
    t = context.t
    if flow.step == "new-name":
        name = directory.clean_name(value, limit=directory.TEAM_NAME_MAX, error="error-team-name")
        async with context.uow() as uow:
            if await uow.teams.by_name(name) is not None:
                raise InvalidInput("error-team-name-taken", name=name)
        flow.data["name"] = name
        flow.step = "new-region"
        await save_untyped(context, flow)
        await reply(update, t("team-ask-region", name=name))
    elif flow.step == "new-region":
        flow.data["region"] = directory.clean_name(
            value, limit=directory.REGION_MAX, error="error-team-region"
        )
        flow.step = "new-tz"
        await save_untyped(context, flow)
        await send_new(
            update, Screen(t("team-ask-timezone", name=flow.data["name"]), _zone_keyboard())
        )
    elif flow.step == "new-tz":
        async with context.uow() as uow:
            team = await directory.create_team(
                uow,
                context.actor,
                name=flow.data["name"],
                region=flow.data["region"],
                timezone=validate_timezone(value),
                now=context.now,
            )
        await end_flow(context)
        await reply(update, t("team-created", name=team.name))
        await send_new(update, await _card(context, team.id))
    elif flow.step in ("edit-name", "edit-region", "edit-tz"):
        field = flow.step.removeprefix("edit-")
        changes: dict[str, str | None] = {"name": None, "region": None, "timezone": None}
        changes["timezone" if field == "tz" else field] = value
        async with context.uow() as uow:
            team = await directory.update_team(
                uow,
                context.actor,
                int(flow.data["team_id"]),
                now=context.now,
                name=changes["name"],
                region=changes["region"],
                timezone=changes["timezone"],
            )
        await end_flow(context)
        await reply(update, t("team-updated", name=team.name))
        await send_new(update, await _card(context, team.id))
    else:
        await end_flow(context)
        await reply(update, t("flow-lost"))


VERBS = {
    "open": open_team,
    "list": back_to_list,
    "new": new_team,
    "edit": edit_team,
    "tz": pick_zone,
}
