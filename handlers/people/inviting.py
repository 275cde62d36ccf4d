"""/invite: the composer (roles, team, how many people the link registers), the link, one
more link like it, and the open invites."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.people import inviting
from domain.people.flows import InviteDraft
from domain.people.invites import USES_CHOICES, Invite
from domain.people.inviting import CreatedInvite, InviteComposer, OpenInvites
from domain.people.model import Role
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.labels import roles_text, team_label
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.people.views import role_ticks

AREA = Area.INVITES
MAX_LISTED = 20


def _composer_screen(t: Translator, composer: InviteComposer) -> Screen:
    text = t(
        "invite-compose",
        roles=roles_text(t, composer.roles) if composer.roles else t.label("invite-no-roles-yet"),
        team=team_label(t, composer.team),
        uses=composer.uses,
    )
    keyboard = role_ticks(t, composer.roles, lambda role, label: button(label, AREA, "role", role))
    keyboard.append(
        [button(t.label("invite-team-button", team=team_label(t, composer.team)), AREA, "teams")]
    )
    keyboard.append(
        [
            button(
                ("✅ " if uses == composer.uses else "")
                + t.label("invite-uses-button", count=uses),
                AREA,
                "uses",
                uses,
            )
            for uses in USES_CHOICES
        ]
    )
    keyboard.append([button(t.label("invite-create-button"), AREA, "create")])
    keyboard.append([button(t.label("invite-open-button"), AREA, "list")])
    return Screen(text, keyboard)


def _revoke_button(t: Translator, invite_id: int) -> InlineKeyboardButton:
    return button(t.label("invite-revoke-button", id=str(invite_id)), AREA, "revoke", invite_id)


def _list_screen(context: TandemContext, found: OpenInvites) -> Screen:
    t = context.t
    another = [button(t.label("invite-another-button"), AREA, "new")]
    if not found.invites:
        return Screen(t("invite-list-empty"), [another])
    lines = [t("invite-list-title", count=len(found.invites))]
    keyboard: list[list[InlineKeyboardButton]] = []
    for invite in found.invites[:MAX_LISTED]:
        lines.append(
            t(
                "invite-list-line",
                id=str(invite.id),
                roles=roles_text(t, invite.roles),
                team=team_label(t, found.teams.get(invite.team_id) if invite.team_id else None),
                expires=t.datetime(invite.expires_at, context.actor.timezone),
                left=invite.uses_left,
                uses=invite.max_uses,
            )
        )
        keyboard.append([_revoke_button(t, invite.id)])
    keyboard.append(another)
    return Screen("\n".join(lines), keyboard)


async def new_invite(update: Update, context: TandemContext) -> None:
    """/invite, and ➕ New invite: a composer set as the last invite was."""
    async with context.uow() as uow:
        composer, replaced = await inviting.start_invite(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, InviteDraft())
    await show(update, _composer_screen(context.t, composer))


async def again(update: Update, context: TandemContext, cb: Callback) -> None:
    await new_invite(update, context)


async def toggle_role(update: Update, context: TandemContext, cb: Callback) -> None:
    name = cb.str_arg(0)
    if name not in set(Role):
        raise CallbackDataError(name)
    async with context.uow() as uow:
        composer = await inviting.toggle_invite_role(
            uow, actor=context.actor, role=Role(name), now=context.now
        )
    await show(update, _composer_screen(context.t, composer))


async def choose_team(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    async with context.uow() as uow:
        teams = await inviting.teams_for_invite(uow, actor=context.actor)
    keyboard = [[button(team.name, AREA, "team", team.id)] for team in teams]
    keyboard.append([button(t.label("no-team"), AREA, "team", 0)])
    await show(update, Screen(t("invite-pick-team"), keyboard))


async def pick_team(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        composer = await inviting.choose_invite_team(
            uow, actor=context.actor, team_id=cb.int_arg(0) or None, now=context.now
        )
    await show(update, _composer_screen(context.t, composer))


def _uses_text(t: Translator, invite: Invite) -> str:
    if invite.max_uses == 1:
        return t("invite-uses-once")
    return t("invite-uses-left", left=invite.uses_left, uses=invite.max_uses)


def _created_screen(context: TandemContext, created: CreatedInvite) -> Screen:
    """The link, how many it registers, and the way to one more like it."""
    t, invite = context.t, created.invite
    text = t(
        "invite-created",
        roles=roles_text(t, invite.roles),
        team=team_label(t, created.team),
        expires=t.datetime(invite.expires_at, context.actor.timezone),
        link=f"https://t.me/{context.bot.username}?start={created.token}",
    )
    text += "\n\n" + _uses_text(t, invite)
    keyboard = [
        [button(t.label("invite-same-button"), AREA, "same", invite.id)],
        [_revoke_button(t, invite.id)],
        [button(t.label("invite-another-button"), AREA, "new")],
        [button(t.label("invite-open-button"), AREA, "list")],
    ]
    return Screen(text, keyboard)


async def create(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        created = await inviting.create_from_draft(uow, actor=context.actor, now=context.now)
    await show(update, _created_screen(context, created))
    return context.t.label("invite-created-toast")


async def create_same(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """🔁 One more link like this: the same roles, team and uses, a new link — as a new
    message, so the link before it stays to be copied."""
    async with context.uow() as uow:
        created = await inviting.create_like(
            uow, actor=context.actor, invite_id=cb.int_arg(0), now=context.now
        )
    await send_new(update, _created_screen(context, created))
    return context.t.label("invite-created-toast")


async def set_uses(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        composer = await inviting.set_invite_uses(
            uow, actor=context.actor, uses=cb.int_arg(0), now=context.now
        )
    await show(update, _composer_screen(context.t, composer))


async def open_list(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await inviting.open_invites(uow, actor=context.actor, now=context.now)
    await show(update, _list_screen(context, found))


async def revoke(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        revoked = await inviting.revoke_invite(
            uow, actor=context.actor, invite_id=cb.int_arg(0), now=context.now
        )
    await show(update, _list_screen(context, revoked.still_open))
    return context.t.label("invite-revoked", id=str(revoked.invite.id))


async def typed_while_composing(
    update: Update, context: TandemContext, draft: InviteDraft, text: str
) -> None:
    """The composer is all buttons; show it again below the stray text."""
    async with context.uow() as uow:
        composer = await inviting.composer(uow, actor=context.actor)
    await reply(update, context.t("use-buttons"))
    await show(update, _composer_screen(context.t, composer))


VERBS = {
    "role": toggle_role,
    "teams": choose_team,
    "team": pick_team,
    "uses": set_uses,
    "create": create,
    "same": create_same,
    "list": open_list,
    "revoke": revoke,
    "new": again,
}
