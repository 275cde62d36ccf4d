"""/start (registration through an invite) and /invite (creating and revoking invites)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.errors import DomainError
from domain.flows import UntypedFlow as Flow
from domain.people import onboarding
from domain.people.invites import Invite
from domain.people.model import ALL_ROLES, Person, Role, Team, sorted_roles
from domain.people.onboarding import InviteRefused
from domain.permissions import Action, require
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.labels import roles_text, team_label
from handlers.kit.menu import set_person_menu
from handlers.kit.routing import current_untyped, end_flow, save_untyped, start_untyped
from handlers.kit.screens import Screen, reply, show
from handlers.people.access import identity_of, refuse

AREA = Area.INVITES
FLOW = "invite"
MAX_LISTED = 20


async def welcome(update: Update, context: TandemContext, person: Person, key: str) -> None:
    t = context.translator_for(person)
    async with context.uow() as uow:
        team = await uow.teams.get(person.team_id) if person.team_id else None
    await reply(
        update,
        t(key, name=person.first_name, roles=roles_text(t, person.roles), team=team_label(t, team)),
    )
    await set_person_menu(
        context.bot, context.services.catalog, person, t.language, context.services.commands
    )


async def start(update: Update, context: TandemContext) -> None:
    """/start, or /start <invite token> from a deep link."""
    token = context.args[0] if context.args else None
    actor = context.maybe_actor
    if actor is not None:
        if context.first_visit:
            key = "welcome-admin"
        else:
            key = "welcome-already" if token else "welcome-back"
        await welcome(update, context, actor, key)
        return
    identity = identity_of(update)
    assert identity is not None
    assert token is not None
    try:
        async with context.uow() as uow:
            person = await onboarding.redeem_invite(
                uow,
                token,
                identity,
                now=context.now,
                default_timezone=context.services.config.default_timezone,
            )
    except InviteRefused:
        await refuse(update, context)
        return
    context.set_actor(person)
    await welcome(update, context, person, "welcome-new")


# --- /invite -------------------------------------------------------------------------------


def _flow_roles(flow: Flow) -> set[Role]:
    return {Role(name) for name in flow.data.get("roles", []) if name in set(Role)}


async def _compose_screen(context: TandemContext, flow: Flow) -> Screen:
    t = context.t
    roles = _flow_roles(flow)
    team_id = flow.data.get("team")
    async with context.uow() as uow:
        team = await uow.teams.get(team_id) if team_id else None
    text = t(
        "invite-compose",
        roles=roles_text(t, roles) if roles else t.label("invite-no-roles-yet"),
        team=team_label(t, team),
    )
    role_buttons = [
        button(
            ("✅ " if role in roles else "▫️ ") + t.label(f"role-{role.value}"), AREA, "role", role
        )
        for role in ALL_ROLES
    ]
    keyboard = [role_buttons[i : i + 2] for i in range(0, len(role_buttons), 2)]
    keyboard.append(
        [button(t.label("invite-team-button", team=team_label(t, team)), AREA, "teams")]
    )
    keyboard.append([button(t.label("invite-create-button"), AREA, "create")])
    keyboard.append([button(t.label("invite-open-button"), AREA, "list")])
    return Screen(text, keyboard)


async def new_invite(update: Update, context: TandemContext) -> None:
    """/invite: the invite composer."""
    require(context.actor, Action.INVITE_PEOPLE)
    flow = await start_untyped(context, FLOW, "compose", {"roles": [Role.REP.value], "team": None})
    await show(update, await _compose_screen(context, flow))


async def _composing(context: TandemContext) -> Flow:
    require(context.actor, Action.INVITE_PEOPLE)
    flow = await current_untyped(context, FLOW)
    if flow is None:
        raise CallbackDataError("the invite composer was closed")
    return flow


async def toggle_role(update: Update, context: TandemContext, cb: Callback) -> None:
    flow = await _composing(context)
    name = cb.str_arg(0)
    if name not in set(Role):
        raise CallbackDataError(name)
    roles = _flow_roles(flow) ^ {Role(name)}
    flow.data["roles"] = sorted_roles(roles)
    await save_untyped(context, flow)
    await show(update, await _compose_screen(context, flow))


async def choose_team(update: Update, context: TandemContext, cb: Callback) -> None:
    await _composing(context)
    t = context.t
    async with context.uow() as uow:
        teams = await uow.teams.all()
    keyboard = [[button(team.name, AREA, "team", team.id)] for team in teams]
    keyboard.append([button(t.label("no-team"), AREA, "team", 0)])
    await show(update, Screen(t("invite-pick-team"), keyboard))


async def pick_team(update: Update, context: TandemContext, cb: Callback) -> None:
    flow = await _composing(context)
    team_id = cb.int_arg(0) or None
    if team_id is not None:
        async with context.uow() as uow:
            if await uow.teams.get(team_id) is None:
                raise DomainError("error-not-found")
    flow.data["team"] = team_id
    await save_untyped(context, flow)
    await show(update, await _compose_screen(context, flow))


async def create(update: Update, context: TandemContext, cb: Callback) -> str | None:
    flow = await _composing(context)
    async with context.uow() as uow:
        invite, token = await onboarding.create_invite(
            uow,
            context.actor,
            roles=_flow_roles(flow),
            team_id=flow.data.get("team"),
            now=context.now,
        )
        team = await uow.teams.get(invite.team_id) if invite.team_id else None
    await end_flow(context)
    t = context.t
    link = f"https://t.me/{context.bot.username}?start={token}"
    text = t(
        "invite-created",
        roles=roles_text(t, invite.roles),
        team=team_label(t, team),
        expires=t.datetime(invite.expires_at, context.actor.timezone),
        link=link,
    )
    keyboard = [
        [button(t.label("invite-revoke-button", id=str(invite.id)), AREA, "revoke", invite.id)],
        [button(t.label("invite-another-button"), AREA, "new")],
        [button(t.label("invite-open-button"), AREA, "list")],
    ]
    await show(update, Screen(text, keyboard))
    return t.label("invite-created-toast")


async def open_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _list_screen(context))


async def _list_screen(context: TandemContext) -> Screen:
    t = context.t
    async with context.uow() as uow:
        invites = await onboarding.open_invites(uow, context.actor, now=context.now)
        teams = {team.id: team for team in await uow.teams.all()}
    if not invites:
        return Screen(
            t("invite-list-empty"), [[button(t.label("invite-another-button"), AREA, "new")]]
        )
    lines = [t("invite-list-title", count=len(invites))]
    keyboard: list[list[InlineKeyboardButton]] = []
    for invite in invites[:MAX_LISTED]:
        lines.append(_invite_line(context, invite, teams))
        keyboard.append(
            [button(t.label("invite-revoke-button", id=str(invite.id)), AREA, "revoke", invite.id)]
        )
    keyboard.append([button(t.label("invite-another-button"), AREA, "new")])
    return Screen("\n".join(lines), keyboard)


def _invite_line(context: TandemContext, invite: Invite, teams: dict[int, Team]) -> str:
    t = context.t
    return t(
        "invite-list-line",
        id=str(invite.id),
        roles=roles_text(t, invite.roles),
        team=team_label(t, teams.get(invite.team_id) if invite.team_id else None),
        expires=t.datetime(invite.expires_at, context.actor.timezone),
    )


async def revoke(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        invite = await onboarding.revoke_invite(uow, context.actor, cb.int_arg(0), now=context.now)
    await show(update, await _list_screen(context))
    return context.t.label("invite-revoked", id=str(invite.id))


async def again(update: Update, context: TandemContext, cb: Callback) -> None:
    require(context.actor, Action.INVITE_PEOPLE)
    flow = await start_untyped(context, FLOW, "compose", {"roles": [Role.REP.value], "team": None})
    await show(update, await _compose_screen(context, flow))


async def typed_while_composing(
    update: Update, context: TandemContext, flow: Flow, text: str
) -> None:
    """The composer is all buttons; show it again below the stray text."""
    await reply(update, context.t("use-buttons"))
    await show(update, await _compose_screen(context, flow))


VERBS = {
    "role": toggle_role,
    "teams": choose_team,
    "team": pick_team,
    "create": create,
    "list": open_list,
    "revoke": revoke,
    "new": again,
}
