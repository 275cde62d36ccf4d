"""Leads coming in through the chat: the /newlead form, a CSV or XLSX file, and the admins'
HTTP intake sources (a token per website form or CRM)."""

from __future__ import annotations

import asyncio

from telegram import Update

from domain.leads import assignment, importing, intake, sources
from domain.leads.flows import AwaitingImport, FormField, LeadForm, SourceName
from domain.leads.importing import ImportReport
from domain.leads.intake import FormStep
from domain.leads.parsing import MAX_FILE_BYTES, read_table
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.leads.tables import rejected_rows
from handlers.leads.views import AREA, Keyboard, name_of

# --- /newlead ------------------------------------------------------------------------------------


def _form_screen(t: Translator, step: FormStep) -> Screen:
    field = step.state.waiting
    keyboard: Keyboard = []
    if field is FormField.CAMPAIGN:
        keyboard = [[button(c.name[:50], AREA, "fcmp", c.id)] for c in step.campaigns[:20]]
    if field is FormField.ASSIGN:
        return Screen(t("lead-form-assign"), [])
    if field is not FormField.NAME:
        keyboard.append([button(t.label("lead-form-skip"), AREA, "skip")])
    return Screen(t(f"lead-form-{field.value}"), keyboard)


async def _assign_step(update: Update, context: TandemContext, step: FormStep) -> None:
    async with context.uow() as uow:
        teams = await assignment.teams_for(uow, actor=context.actor)
    t = context.t
    keyboard: Keyboard = [
        [button(t.label("lead-assign-team", team=team.name), AREA, "fteam", team.id)]
        for team in teams
    ]
    keyboard.append([button(t.label("lead-form-unassigned"), AREA, "fteam", 0)])
    await send_new(update, Screen(t("lead-form-assign"), keyboard))


async def _next(update: Update, context: TandemContext, step: FormStep) -> None:
    if step.state.waiting is FormField.ASSIGN:
        await _assign_step(update, context, step)
    else:
        await send_new(update, _form_screen(context.t, step))


async def new_lead(update: Update, context: TandemContext) -> None:
    """/newlead: the form, one field at a time (a file of leads is welcome too)."""
    async with context.uow() as uow:
        step = await intake.start_form(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, step.replaced, step.state)
    await send_new(update, Screen(context.t("lead-form-intro")))
    await _next(update, context, step)


async def new_lead_button(update: Update, context: TandemContext, cb: Callback) -> None:
    await new_lead(update, context)


async def typed_field(update: Update, context: TandemContext, state: LeadForm, text: str) -> None:
    async with context.uow() as uow:
        step = await intake.answer_form(uow, actor=context.actor, text=text, now=context.now)
    await _next(update, context, step)


async def skip(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        step = await intake.skip_field(uow, actor=context.actor, now=context.now)
    await _next(update, context, step)


async def pick_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        step = await intake.pick_campaign(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _next(update, context, step)


async def form_team(update: Update, context: TandemContext, cb: Callback) -> None:
    team_id = cb.int_arg(0) or None
    async with context.uow() as uow:
        created = await intake.create_from_form(
            uow, actor=context.actor, team_id=team_id, rep_id=None, now=context.now
        )
    context.wake_outbox()
    t = context.t
    lines = [t("lead-created", number=str(created.lead.id), name=created.lead.contact.name)]
    if created.duplicate_of is not None:
        lines.append(t("lead-created-duplicate", number=str(created.duplicate_of)))
    if created.assignee is not None:
        lines.append(t("lead-created-assigned", name=name_of(created.assignee)))
    else:
        lines.append(t("lead-created-unassigned"))
    keyboard = [[button(t.label("lead-open-button"), AREA, "card", created.lead.id)]]
    await show(update, Screen("\n".join(lines), keyboard))


# --- files ---------------------------------------------------------------------------------------


async def start_import(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        replaced = await importing.start_import(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, AwaitingImport())
    await send_new(update, Screen(context.t("import-prompt")))


async def typed_while_importing(
    update: Update, context: TandemContext, state: AwaitingImport, text: str
) -> None:
    await reply(update, context.t("import-prompt"))


def _report_screen(t: Translator, report: ImportReport, teams: list[tuple[int, str]]) -> Screen:
    lines = [
        t(
            "import-done",
            imported=report.imported,
            duplicates=report.duplicates,
            rejected=len(report.rejected),
        )
    ]
    keyboard: Keyboard = []
    if report.imported:
        lines.append(t("import-assign-prompt"))
        keyboard = [
            [button(t.label("lead-assign-team", team=name), AREA, "impt", report.import_id, tid)]
            for tid, name in teams
        ]
        keyboard.append([button(t.label("import-by-region"), AREA, "impt", report.import_id, 0)])
    return Screen("\n".join(lines), keyboard)


async def received_file(update: Update, context: TandemContext, state: object) -> None:
    """A CSV or XLSX file of leads, sent while the import (or the form) waits for one."""
    message = update.effective_message
    assert message is not None
    document = message.document
    t = context.t
    if document is None:
        await reply(update, t("error-import-format"))
        return
    if (document.file_size or 0) > MAX_FILE_BYTES:
        await reply(update, t("error-import-too-big", megabytes=MAX_FILE_BYTES // (1024 * 1024)))
        return
    telegram_file = await context.bot.get_file(document.file_id)
    data = bytes(await telegram_file.download_as_bytearray())
    table = await asyncio.to_thread(read_table, document.file_name, data)
    report = await importing.import_table(
        context.services.uow, actor=context.actor, table=table, now=context.now
    )
    await send_new(update, _report_screen(t, report, list(report.teams)))
    if report.rejected:
        await send_table(
            context.bot,
            context.actor.telegram_id,
            rejected_rows(t, report),
            Format.CSV,
            name="rejected",
            sheet_title="rejected",
            caption=t.label("import-rejected-caption", count=len(report.rejected)),
        )


async def assign_import(update: Update, context: TandemContext, cb: Callback) -> None:
    import_id = cb.str_arg(0)
    if len(import_id) > 40:
        raise CallbackDataError(import_id)
    async with context.uow() as uow:
        spread = await assignment.assign_import(
            uow, actor=context.actor, import_id=import_id, team_id=cb.int_arg(1) or None,
            now=context.now,
        )  # fmt: skip
    context.wake_outbox()
    await show(update, Screen(context.t("import-assigned", assigned=spread.assigned,
                                        left=spread.left)))  # fmt: skip


# --- intake sources ------------------------------------------------------------------------------


async def source_list(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await sources.sources(uow, actor=context.actor)
    t = context.t
    lines = [t("sources-title", count=len(found))]
    keyboard: Keyboard = []
    for source in found:
        lines.append(t("sources-line", name=source.name, number=str(source.id),
                       since=t.date(source.created_at, context.actor.timezone)))  # fmt: skip
        keyboard.append(
            [button(t.label("sources-revoke", name=source.name[:30]), AREA, "srcrev", source.id)]
        )
    keyboard.append([button(t.label("sources-new-button"), AREA, "srcnew")])
    await show(update, Screen("\n".join(lines), keyboard))


async def new_source(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        replaced = await sources.start_source(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, SourceName())
    await send_new(update, Screen(context.t("sources-name-prompt")))


async def typed_source(
    update: Update, context: TandemContext, state: SourceName, text: str
) -> None:
    async with context.uow() as uow:
        made = await sources.create_source(uow, actor=context.actor, name=text, now=context.now)
    await send_new(update, Screen(context.t("sources-created", name=made.source.name,
                                            token=made.token)))  # fmt: skip


async def revoke_source(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        source = await sources.revoke_source(
            uow, actor=context.actor, source_id=cb.int_arg(0), now=context.now
        )
    await show(update, Screen(context.t("sources-revoked", name=source.name)))
    return context.t.label("saved")


VERBS = {
    "new": new_lead_button,
    "skip": skip,
    "fcmp": pick_campaign,
    "fteam": form_team,
    "imp": start_import,
    "impt": assign_import,
    "srcs": source_list,
    "srcnew": new_source,
    "srcrev": revoke_source,
}
