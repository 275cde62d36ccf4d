"""/people: list everyone (paged), change roles and team, deactivate and reactivate."""

from __future__ import annotations

from telegram import Update

from domain.people import directory
from domain.people.directory import PersonCard
from domain.people.model import Person, Role
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.labels import roles_text, team_label
from handlers.kit.menu import set_person_menu
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen, show
from handlers.people.views import role_ticks

AREA = Area.PEOPLE
PAGE_SIZE = 8


async def _list_screen(context: TandemContext, number: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        found = await directory.people_page(
            uow, actor=context.actor, page=number, page_size=PAGE_SIZE
        )
    page = Page(found.people, found.page, found.pages, found.total, PAGE_SIZE)
    text = t("people-title", total=page.total, page=page.number + 1, pages=page.pages)
    keyboard = [
        [
            button(
                ("" if person.active else "⛔ ")
                + f"{person.full_name} · {roles_text(t, person.roles)}",
                AREA,
                "open",
                person.id,
                page.number,
            )
        ]
        for person in page.items
    ]
    keyboard += nav_rows(page.nav(AREA, "page"))
    return Screen(text, keyboard)


async def list_people(update: Update, context: TandemContext) -> None:
    """/people."""
    await show(update, await _list_screen(context, 0))


async def page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _list_screen(context, cb.int_arg(0)))


def _card_screen(context: TandemContext, card: PersonCard, back_page: int) -> Screen:
    t = context.t
    person = card.person
    text = t(
        "person-card",
        name=person.full_name,
        username=f"@{person.username}" if person.username else "",
        roles=roles_text(t, person.roles),
        team=team_label(t, card.team),
        timezone=person.timezone,
        status=t.label("person-active" if person.active else "person-inactive"),
        joined=t.date(person.joined_at, context.actor.timezone),
    )
    keyboard = role_ticks(
        t, person.roles, lambda role, label: button(label, AREA, "role", person.id, role, back_page)
    )
    team_button = t.label("person-team-button", team=team_label(t, card.team))
    keyboard.append([button(team_button, AREA, "teams", person.id, back_page)])
    if person.active:
        access = button(t.label("person-deactivate-button"), AREA, "off", person.id, back_page)
    else:
        access = button(t.label("person-reactivate-button"), AREA, "on", person.id, back_page)
    keyboard.append([access])
    keyboard.append([button(t.label("back-button"), AREA, "page", back_page)])
    return Screen(text, keyboard)


async def open_person(update: Update, context: TandemContext, cb: Callback) -> None:
    person_id, back = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        card = await directory.person_card(uow, actor=context.actor, person_id=person_id)
    await show(update, _card_screen(context, card, back))


async def _refresh_menu(context: TandemContext, person: Person) -> None:
    """Their menu follows their roles and access at once."""
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
        card = await directory.toggle_role(
            uow,
            actor=context.actor,
            person_id=person_id,
            role=Role(name),
            now=context.now,
            protected_admins=context.services.config.admin_ids,
        )
    await _refresh_menu(context, card.person)
    await show(update, _card_screen(context, card, back))
    return context.t.label("saved")


async def choose_team(update: Update, context: TandemContext, cb: Callback) -> None:
    person_id, back = cb.int_arg(0), cb.int_arg(1)
    t = context.t
    async with context.uow() as uow:
        choice = await directory.team_choice(uow, actor=context.actor, person_id=person_id)
    person = choice.person
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
        for team in choice.teams
    ]
    keyboard.append([button(t.label("no-team"), AREA, "team", person.id, 0, back)])
    keyboard.append([button(t.label("back-button"), AREA, "open", person.id, back)])
    await show(update, Screen(t("person-pick-team", name=person.full_name), keyboard))


async def pick_team(update: Update, context: TandemContext, cb: Callback) -> str | None:
    person_id, team_id, back = cb.int_arg(0), cb.int_arg(1), cb.int_arg(2)
    async with context.uow() as uow:
        card = await directory.set_person_team(
            uow, actor=context.actor, person_id=person_id, team_id=team_id or None, now=context.now
        )
    await show(update, _card_screen(context, card, back))
    return context.t.label("saved")


async def _set_active(
    update: Update, context: TandemContext, cb: Callback, active: bool
) -> str | None:
    person_id, back = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        card = await directory.set_person_active(
            uow,
            actor=context.actor,
            person_id=person_id,
            active=active,
            now=context.now,
            protected_admins=context.services.config.admin_ids,
        )
    await _refresh_menu(context, card.person)
    await show(update, _card_screen(context, card, back))
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
