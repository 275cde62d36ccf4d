"""/start: joining through an invite link, or being greeted back."""

from __future__ import annotations

from telegram import Update

from domain.people import joining
from domain.people.joining import InviteRefused
from handlers.kit.context import TandemContext
from handlers.kit.labels import roles_text, team_label
from handlers.kit.menu import set_person_menu
from handlers.kit.screens import reply
from handlers.people.access import identity_of, refuse


async def start(update: Update, context: TandemContext) -> None:
    """/start, or /start <invite token> from a deep link."""
    identity = identity_of(update)
    assert identity is not None  # the gatekeeper lets no one else through
    try:
        async with context.uow() as uow:
            welcome = await joining.greet(
                uow,
                actor=context.maybe_actor,
                identity=identity,
                token=context.args[0] if context.args else None,
                first_visit=context.first_visit,
                now=context.now,
                default_timezone=context.services.config.default_timezone,
            )
    except InviteRefused:
        await refuse(update, context)
        return
    person = welcome.person
    context.set_actor(person)
    t = context.t
    await reply(
        update,
        t(
            f"welcome-{welcome.greeting.value}",
            name=person.first_name,
            roles=roles_text(t, person.roles),
            team=team_label(t, welcome.team),
        ),
    )
    await set_person_menu(
        context.bot, context.services.catalog, person, t.language, context.services.commands
    )
