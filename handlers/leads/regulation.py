"""/regulation: the current version for everyone, earlier versions, and the draft editor
and publishing for admins and analysts."""

from __future__ import annotations

from telegram import Update

from domain.leads import regulating
from domain.leads.flows import ClauseEdit, PublishSummary, SettingEdit
from domain.leads.regulating import ReadFigures, RegulationView
from domain.leads.regulation import SECTIONS, ClauseKind, Regulation, Setting
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator, escape
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.kit.text import clip, fit
from handlers.leads.views import Keyboard

AREA = Area.REGULATION


def regulation_text(t: Translator, regulation: Regulation, timezone: str) -> str:
    if regulation.is_draft:
        lines = [t("reg-draft-title", version=regulation.version)]
    else:
        assert regulation.published_at is not None
        lines = [t("reg-title", version=regulation.version,
                   date=t.date(regulation.published_at, timezone))]  # fmt: skip
    for kind in ClauseKind:
        clauses = regulation.grounds(kind)
        lines.append("")
        lines.append(t(f"reg-section-{kind.value}", number=SECTIONS[kind]))
        if not clauses:
            lines.append(t("reg-section-empty"))
        for clause in clauses:
            lines.append(
                f"<b>{escape(clause.number)} {escape(clause.title)}</b> — "
                + escape(clip(clause.body, 400))
            )
    s = regulation.settings
    lines += [
        "",
        t("reg-settings-title"),
        t("reg-setting-window", hours=s.dispute_window_hours),
        t("reg-setting-first", hours=s.value(Setting.FIRST_ACTION)),
        t("reg-setting-decision", hours=s.value(Setting.DECISION)),
        t("reg-setting-cap", percent=s.dispute_cap_percent),
    ]
    if regulation.summary and not regulation.is_draft:
        lines += ["", t("reg-summary"), escape(clip(regulation.summary, 800))]
    return "\n".join(lines)


def view_screen(t: Translator, view: RegulationView, timezone: str) -> Screen:
    regulation = view.regulation
    keyboard: Keyboard = []
    if not view.acknowledged and regulation.version == view.versions[0]:
        keyboard.append([button(t.label("reg-ack-button"), AREA, "ack", regulation.version)])
    older = [v for v in view.versions if v != regulation.version]
    if older:
        keyboard.append(
            [button(t.label("reg-version-button", version=v), AREA, "show", v) for v in older[:4]]
        )
    if view.may_edit:
        keyboard.append([button(t.label("reg-figures-button"), AREA, "fig", regulation.version)])
        keyboard.append([button(t.label("reg-edit-button"), AREA, "draft")])
    return Screen(fit(regulation_text(t, regulation, timezone)), keyboard)


async def show_regulation(update: Update, context: TandemContext) -> None:
    """/regulation."""
    async with context.uow() as uow:
        view = await regulating.view(uow, actor=context.actor)
    await show(update, view_screen(context.t, view, context.actor.timezone))


async def show_version(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await regulating.view(uow, actor=context.actor, version=cb.int_arg(0))
    await show(update, view_screen(context.t, view, context.actor.timezone))


def draft_screen(t: Translator, draft: Regulation, timezone: str) -> Screen:
    keyboard: Keyboard = []
    for clause in draft.ordered():
        keyboard.append(
            [
                button(f"✏️ {clause.number}", AREA, "edit", clause.number),
                button(f"🗑 {clause.number}", AREA, "del", clause.number),
            ]
        )
    keyboard.append(
        [button(t.label(f"reg-add-{kind.value}"), AREA, "add", kind.value) for kind in ClauseKind]
    )
    keyboard.append([button(t.label(f"reg-set-{s.value}"), AREA, "set", s.value) for s in Setting])
    keyboard.append([button(t.label("reg-publish-button"), AREA, "pub")])
    return Screen(fit(regulation_text(t, draft, timezone)), keyboard)


async def open_draft(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        draft = await regulating.draft(uow, actor=context.actor, now=context.now)
    await send_new(update, draft_screen(context.t, draft, context.actor.timezone))


async def add_clause(update: Update, context: TandemContext, cb: Callback) -> None:
    try:
        kind = ClauseKind(cb.str_arg(0))
    except ValueError:
        raise CallbackDataError(cb.str_arg(0)) from None
    async with context.uow() as uow:
        state, replaced = await regulating.start_clause(
            uow, actor=context.actor, kind=kind, number=None, now=context.now
        )
    await tell_left_behind(context, replaced, state)
    await send_new(update, Screen(context.t("reg-clause-title-prompt")))


async def edit_clause(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        state, replaced = await regulating.start_clause(
            uow, actor=context.actor, kind=None, number=cb.str_arg(0), now=context.now
        )
    await tell_left_behind(context, replaced, state)
    await send_new(update, Screen(context.t("reg-clause-title-prompt")))


async def typed_clause(
    update: Update, context: TandemContext, state: ClauseEdit, text: str
) -> None:
    async with context.uow() as uow:
        step = await regulating.type_clause(uow, actor=context.actor, text=text, now=context.now)
    t = context.t
    if step.state is not None:
        await send_new(update, Screen(t("reg-clause-body-prompt")))
        return
    assert step.clause is not None and step.regulation is not None
    await send_new(update, Screen(t("reg-clause-saved", number=step.clause.number)))
    await send_new(update, draft_screen(t, step.regulation, context.actor.timezone))


async def retire_clause(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        draft = await regulating.retire_clause(
            uow, actor=context.actor, number=cb.str_arg(0), now=context.now
        )
    await show(update, draft_screen(context.t, draft, context.actor.timezone))
    return context.t.label("reg-clause-retired", number=cb.str_arg(0))


async def edit_setting(update: Update, context: TandemContext, cb: Callback) -> None:
    try:
        setting = Setting(cb.str_arg(0))
    except ValueError:
        raise CallbackDataError(cb.str_arg(0)) from None
    async with context.uow() as uow:
        draft, state, replaced = await regulating.start_setting(
            uow, actor=context.actor, setting=setting, now=context.now
        )
    await tell_left_behind(context, replaced, state)
    text = context.t(f"reg-setting-prompt-{setting.value}", value=draft.settings.value(setting))
    await send_new(update, Screen(text))


async def typed_setting(
    update: Update, context: TandemContext, state: SettingEdit, text: str
) -> None:
    async with context.uow() as uow:
        draft = await regulating.type_setting(uow, actor=context.actor, text=text, now=context.now)
    await send_new(update, draft_screen(context.t, draft, context.actor.timezone))


async def start_publish(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        draft, replaced = await regulating.start_publish(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, PublishSummary())
    await send_new(update, Screen(context.t("reg-publish-prompt", version=draft.version)))


async def typed_summary(
    update: Update, context: TandemContext, state: PublishSummary, text: str
) -> None:
    async with context.uow() as uow:
        done = await regulating.publish(uow, actor=context.actor, summary=text, now=context.now)
    context.wake_outbox()
    await send_new(update, Screen(context.t("reg-published", version=done.regulation.version,
                                            count=done.readers)))  # fmt: skip


async def acknowledge(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        regulation = await regulating.acknowledge(
            uow, actor=context.actor, version=cb.int_arg(0), now=context.now
        )
    t = context.t
    query = update.callback_query
    if query is not None and query.message is not None:
        await show(update, Screen(t("reg-acked", version=regulation.version)))
    return t.label("reg-acked-toast")


def figures_screen(t: Translator, found: ReadFigures) -> Screen:
    f = found.figures.total
    lines = [
        t("reg-figures-title", version=found.regulation.version),
        t("reg-figures-total", recipients=f.recipients, read=f.acknowledged,
          delivered=f.delivered, unreachable=f.unreachable),
    ]  # fmt: skip
    if f.not_acknowledged:
        names = ", ".join(p.full_name for p in f.not_acknowledged[:40])
        lines.append(t("reg-figures-not-read") + " " + escape(names))
    return Screen("\n".join(lines), [[button(t.label("back-button"), AREA, "show",
                                             found.regulation.version)]])  # fmt: skip


async def figures(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await regulating.read_figures(uow, actor=context.actor, version=cb.int_arg(0))
    await show(update, figures_screen(context.t, found))


VERBS = {
    "show": show_version,
    "draft": open_draft,
    "add": add_clause,
    "edit": edit_clause,
    "del": retire_clause,
    "set": edit_setting,
    "pub": start_publish,
    "ack": acknowledge,
    "fig": figures,
}
