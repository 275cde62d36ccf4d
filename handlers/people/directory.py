"""/people: list everyone (paged), change roles and team, deactivate and reactivate."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.people import directory
from domain.people.model import ALL_ROLES, Person, Role
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.labels import roles_text, team_label
from handlers.kit.menu import set_person_menu
from handlers.kit.screens import Screen, show

AREA = Area.PEOPLE
PAGE_SIZE = 8


def _person_button_label(context: TandemContext, person: Person) -> str:
    mark = "" if person.active else "⛔ "
    return f"{mark}{person.full_name} · {roles_text(context.t, person.roles)}"


async def _list_screen(context: TandemContext, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        result = await directory.people_page(uow, context.actor, page=page, page_size=PAGE_SIZE)
    text = t("people-title", total=result.total, page=result.page + 1, pages=result.pages)
    keyboard: list[list[InlineKeyboardButton]] = [
        [button(_person_button_label(context, person), AREA, "open", person.id, result.page)]
        for person in result.people
    ]
    nav = []
    if result.page > 0:
        nav.append(button("◀️", AREA, "page", result.page - 1))
    if result.page + 1 < result.pages:
        nav.append(button("▶️", AREA, "page", result.page + 1))
    if nav:
        keyboard.append(nav)
    return Screen(text, keyboard)


async def list_people(update: Update, context: TandemContext) -> None:
    """/people."""
    await show(update, await _list_screen(context, 0))


async def page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _list_screen(context, cb.int_arg(0)))


async def _card(context: TandemContext, person_id: int, back_page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        person = await directory.get_person(uow, context.actor, person_id)
        team = await uow.teams.get(person.team_id) if person.team_id else None
    text = t(
        "person-card",
        name=person.full_name,
        username=f"@{person.username}" if person.username else "",
        roles=roles_text(t, person.roles),
        team=team_label(t, team),
        timezone=person.timezone,
        status=t.label("person-active" if person.active else "person-inactive"),
        joined=t.date(person.joined_at, context.actor.timezone),
    )
    role_buttons = [
        button(
            ("✅ " if role in person.roles else "▫️ ") + t.label(f"role-{role.value}"),
            AREA,
            "role",
            person.id,
            role,
            back_page,
        )
        for role in ALL_ROLES
    ]
    keyboard = [role_buttons[i : i + 2] for i in range(0, len(role_buttons), 2)]
    keyboard.append(
        [
            button(
                t.label("person-team-button", team=team_label(t, team)),
                AREA,
                "teams",
                person.id,
                back_page,
            )
        ]
    )
    if person.active:
        keyboard.append(
            [button(t.label("person-deactivate-button"), AREA, "off", person.id, back_page)]
        )
    else:
        keyboard.append(
            [button(t.label("person-reactivate-button"), AREA, "on", person.id, back_page)]
        )
    keyboard.append([button(t.label("back-button"), AREA, "page", back_page)])
    return Screen(text, keyboard)


async def open_person(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _card(context, cb.int_arg(0), cb.int_arg(1)))


async def _refresh_menu(context: TandemContext, person: Person) -> None:
    await set_person_menu(
        context.bot,
        context.services.catalog,
        person,
        context.translator_for(person).language,
        context.services.commands,
    )


async def toggle_role(update: Update, context: TandemContext, cb: Callback) -> str | None:
    person_id, name, back = cb.int_arg(0), cb.str_arg(1), cb.int_arg(2)
    if name not in set(Role):
        raise CallbackDataError(name)
    async with context.uow() as uow:
        person = await directory.toggle_role(
            uow,
            context.actor,
            person_id,
            Role(name),
            now=context.now,
            protected_admins=context.services.config.admin_ids,
        )
    await _refresh_menu(context, person)
    await show(update, await _card(context, person_id, back))
    return context.t.label("saved")


async def choose_team(update: Update, context: TandemContext, cb: Callback) -> None:
    person_id, back = cb.int_arg(0), cb.int_arg(1)
    t = context.t
    async with context.uow() as uow:
        person = await directory.get_person(uow, context.actor, person_id)
        teams = await uow.teams.all()
    keyboard = [
        [
            button(
                ("✅ " if team.id == person.team_id else "") + team.name,
                AREA,
                "team",
                person.id,
                team.id,
                back,
            )
        ]
        for team in teams
    ]
    keyboard.append([button(t.label("no-team"), AREA, "team", person.id, 0, back)])
    keyboard.append([button(t.label("back-button"), AREA, "open", person.id, back)])
    await show(update, Screen(t("person-pick-team", name=person.full_name), keyboard))


async def pick_team(update: Update, context: TandemContext, cb: Callback) -> str | None:
    person_id, team_id, back = cb.int_arg(0), cb.int_arg(1), cb.int_arg(2)
    async with context.uow() as uow:
        await directory.set_person_team(
            uow, context.actor, person_id, team_id or None, now=context.now
        )
    await show(update, await _card(context, person_id, back))
    return context.t.label("saved")


async def _set_active(
    update: Update, context: TandemContext, cb: Callback, active: bool
) -> str | None:
    person_id, back = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        person = await directory.set_person_active(
            uow,
            context.actor,
            person_id,
            active,
            now=context.now,
            protected_admins=context.services.config.admin_ids,
        )
        if not active:
            await uow.flows.delete(person.id)
    await _refresh_menu(context, person)
    await show(update, await _card(context, person_id, back))
    return context.t.label("person-reactivated" if active else "person-deactivated")


async def deactivate(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await _set_active(update, context, cb, False)


async def reactivate(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await _set_active(update, context, cb, True)


VERBS = {
    "page": page,
    "open": open_person,
    "role": toggle_role,
    "teams": choose_team,
    "team": pick_team,
    "off": deactivate,
    "on": reactivate,
}
