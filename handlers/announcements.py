"""The recipient's side of campaigns: what the broadcast engine sends (announcements,
reminders, escalations, updates, cancellations, refreshed states, the marketer's delivery
report) and the buttons under an announcement."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import InputMediaDocument, InputMediaPhoto, Message, Update
from telegram.error import BadRequest

from bot.i18n import Translator
from broadcast import Delivery, OutgoingMessage
from domain import announcing
from domain.campaigns import Campaign, Status
from domain.people import Person, Role
from domain.ports import Outgoing
from handlers import feedback, questions
from handlers.callbacks import Callback, button
from handlers.campaign_views import (
    AREA,
    announcement_keyboard,
    announcement_text,
)
from handlers.context import Services, TandemContext
from handlers.screens import Screen
from handlers.textsplit import split_html
from storage.uow import SqlUnitOfWork, unit_of_work

log = logging.getLogger(__name__)
Renderer = Callable[[Delivery], Awaitable[OutgoingMessage | None]]
MAX_ESCALATION_NAMES = 50


def _compact(t: Translator, campaign: Campaign, person: Person, acked_at: datetime | None) -> str:
    """A short state card, for announcements too long to re-render in one message."""
    lines = [t("campaign-title", name=campaign.name)]
    if campaign.status is Status.CANCELLED:
        lines.insert(0, t("campaign-state-cancelled"))
    elif campaign.revision:
        lines.insert(0, t("campaign-state-updated", count=campaign.revision))
    if acked_at is not None:
        lines.append(t("campaign-acknowledged-on", at=t.datetime(acked_at, person.timezone)))
    return "\n".join(lines)


def render_announcement(
    t: Translator,
    campaign: Campaign,
    person: Person,
    *,
    now: datetime,
    acked_at: datetime | None,
    single: bool = False,
) -> Screen:
    text = announcement_text(t, campaign, person, now=now, acknowledged_at=acked_at)
    if single and len(split_html(text)) > 1:
        text = _compact(t, campaign, person, acked_at)
    keyboard = announcement_keyboard(t, campaign, acknowledged=acked_at is not None)
    return Screen(text, keyboard)


async def _ack_time(uow: SqlUnitOfWork, campaign_id: int, person_id: int) -> datetime | None:
    return await uow.campaigns.acknowledged_at(campaign_id, person_id)


def campaign_renderers(services: Services) -> dict[str, Renderer]:
    """What each kind of campaign delivery says, rendered when it is sent."""

    def translator(person: Person) -> Translator:
        return services.catalog.translator(services.language_for(person, None))

    async def load(delivery: Delivery) -> tuple[Campaign, Person] | None:
        async with unit_of_work(services.db) as uow:
            campaign = await uow.campaigns.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
        if campaign is None or person is None or not person.active:
            return None
        return campaign, person

    async def announce(delivery: Delivery) -> OutgoingMessage | None:
        now = services.clock.now()
        async with unit_of_work(services.db) as uow:
            campaign = await uow.campaigns.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            if campaign is None or person is None or not person.active:
                return None
            if campaign.status not in (Status.SCHEDULED, Status.ANNOUNCED):
                return None
            await announcing.mark_announced(uow, campaign.id, at=now)
            acked_at = await _ack_time(uow, campaign.id, person.id)
        screen = render_announcement(
            translator(person), campaign, person, now=now, acked_at=acked_at
        )
        return OutgoingMessage(
            text=screen.text,
            reply_markup=screen.markup,
            protect_content=campaign.protect_content,
        )

    async def remind(delivery: Delivery) -> OutgoingMessage | None:
        loaded = await load(delivery)
        if loaded is None:
            return None
        campaign, person = loaded
        if campaign.status is not Status.ANNOUNCED:
            return None
        async with unit_of_work(services.db) as uow:
            if await uow.campaigns.has_acknowledged(campaign.id, person.id):
                return None
        t = translator(person)
        text = t(
            "reminder-text",
            name=campaign.name,
            launch=t.day(campaign.launch_date) if campaign.launch_date else "—",
        )
        keyboard = [
            [button(t.label("campaign-ack-button"), AREA, "ack", campaign.id)],
            [button(t.label("open-announcement-button"), AREA, "show", campaign.id)],
        ]
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    async def escalate(delivery: Delivery) -> OutgoingMessage | None:
        loaded = await load(delivery)
        if loaded is None:
            return None
        campaign, lead = loaded
        if campaign.status is not Status.ANNOUNCED or lead.team_id is None:
            return None
        if Role.TEAM_LEAD not in lead.roles:
            return None
        async with unit_of_work(services.db) as uow:
            _, result = await announcing.campaign_figures(uow, lead, campaign.id)
        waiting = result.total.not_acknowledged
        if not waiting:
            return None
        t = translator(lead)
        names = ", ".join(p.full_name for p in waiting[:MAX_ESCALATION_NAMES])
        text = t("escalation-text", name=campaign.name, count=len(waiting), names=names)
        keyboard = [[button(t.label("figures-button"), AREA, "fig", campaign.id)]]
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    async def change(delivery: Delivery) -> OutgoingMessage | None:
        loaded = await load(delivery)
        if loaded is None:
            return None
        campaign, person = loaded
        number = int(delivery.batch.split(":", 1)[1])
        async with unit_of_work(services.db) as uow:
            found = await uow.campaigns.update_note(campaign.id, number)
        if found is None:
            return None
        kind, note = found
        t = translator(person)
        if kind == "cancellation":
            return OutgoingMessage(text=t("cancellation-text", name=campaign.name, note=note))
        keyboard = [[button(t.label("open-announcement-button"), AREA, "show", campaign.id)]]
        return OutgoingMessage(
            text=t("update-text", name=campaign.name, note=note),
            reply_markup=Screen("", keyboard).markup,
            protect_content=campaign.protect_content,
        )

    async def refresh(delivery: Delivery) -> OutgoingMessage | None:
        now = services.clock.now()
        async with unit_of_work(services.db) as uow:
            campaign = await uow.campaigns.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            message_id = await uow.outbox.message_id(
                announcing.ANNOUNCE, delivery.ref_id, "announce", delivery.person_id
            )
            acked_at = await _ack_time(uow, delivery.ref_id, delivery.person_id)
        if campaign is None or person is None or message_id is None:
            return None
        screen = render_announcement(
            translator(person), campaign, person, now=now, acked_at=acked_at, single=True
        )
        return OutgoingMessage(
            text=screen.text,
            reply_markup=screen.markup,
            edit_message_id=message_id,
        )

    async def report(delivery: Delivery) -> OutgoingMessage | None:
        loaded = await load(delivery)
        if loaded is None:
            return None
        campaign, marketer = loaded
        async with unit_of_work(services.db) as uow:
            _, result = await announcing.campaign_figures(uow, marketer, campaign.id)
        total = result.total
        t = translator(marketer)
        text = t(
            "report-text",
            name=campaign.name,
            delivered=total.delivered,
            recipients=total.recipients,
            unreachable=total.unreachable,
        )
        if total.unreachable_people:
            names = ", ".join(p.full_name for p in total.unreachable_people[:MAX_ESCALATION_NAMES])
            text += "\n" + t("report-unreachable", names=names)
        keyboard = [[button(t.label("figures-button"), AREA, "fig", campaign.id)]]
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    return {
        announcing.ANNOUNCE: announce,
        announcing.REMIND: remind,
        announcing.ESCALATE: escalate,
        announcing.UPDATE: change,
        announcing.CANCEL: change,
        announcing.REFRESH: refresh,
        announcing.REPORT: report,
    }


# --- buttons under an announcement --------------------------------------------------------------


async def acknowledge(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id = cb.int_arg(0)
    actor = context.actor
    t = context.t
    async with context.uow() as uow:
        campaign, first = await announcing.acknowledge(uow, actor, campaign_id, now=context.now)
        acked_at = await _ack_time(uow, campaign_id, actor.id)
        announce_id = await uow.outbox.message_id(
            announcing.ANNOUNCE, campaign_id, "announce", actor.id
        )
    query = update.callback_query
    assert query is not None
    pressed = query.message if isinstance(query.message, Message) else None
    if first and announce_id is not None:
        full = announcement_text(t, campaign, actor, now=context.now, acknowledged_at=acked_at)
        markup = Screen("", announcement_keyboard(t, campaign, acknowledged=True)).markup
        try:
            if len(split_html(full)) == 1:
                await context.bot.edit_message_text(
                    full,
                    chat_id=actor.telegram_id,
                    message_id=announce_id,
                    parse_mode="HTML",
                    reply_markup=markup,
                )
            else:  # a long announcement keeps its text; only its buttons change
                await context.bot.edit_message_reply_markup(
                    chat_id=actor.telegram_id, message_id=announce_id, reply_markup=markup
                )
        except BadRequest as error:  # deleted by the person, or too old to edit
            log.info("Could not refresh announcement %s: %s", announce_id, error)
        if pressed is not None and pressed.message_id != announce_id:
            await pressed.edit_text(
                t("acknowledged-reminder", name=campaign.name), parse_mode="HTML"
            )
    return t.label("ack-thanks" if first else "ack-again")


async def send_materials(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await announcing.as_recipient(uow, context.actor, cb.int_arg(0))
    await deliver_materials(context, context.actor.telegram_id, campaign)
    return None


async def deliver_materials(context: TandemContext, chat_id: int, campaign: Campaign) -> None:
    """Documents and photos in albums of up to ten (Telegram cannot mix the two kinds)."""
    documents = [m for m in campaign.materials if m.kind == "document"]
    photos = [m for m in campaign.materials if m.kind == "photo"]
    for group, make in ((documents, InputMediaDocument), (photos, InputMediaPhoto)):
        for start in range(0, len(group), 10):
            chunk = group[start : start + 10]
            if len(chunk) == 1:
                material = chunk[0]
                if material.kind == "document":
                    await context.bot.send_document(
                        chat_id, material.file_id, protect_content=campaign.protect_content
                    )
                else:
                    await context.bot.send_photo(
                        chat_id, material.file_id, protect_content=campaign.protect_content
                    )
                continue
            media = [make(m.file_id) for m in chunk]
            await context.bot.send_media_group(
                chat_id, media, protect_content=campaign.protect_content
            )


async def resend(update: Update, context: TandemContext, campaign_id: int) -> None:
    """The announcement again, as a new message (from a reminder, an update or the list)."""
    from handlers.campaigns import send_parts

    async with context.uow() as uow:
        campaign = await announcing.as_recipient(uow, context.actor, campaign_id)
        acked_at = await _ack_time(uow, campaign_id, context.actor.id)
    screen = render_announcement(
        context.t, campaign, context.actor, now=context.now, acked_at=acked_at
    )
    await send_parts(update, context, screen.text, screen.markup, protect=campaign.protect_content)


async def show_again(update: Update, context: TandemContext, cb: Callback) -> None:
    await resend(update, context, cb.int_arg(0))


async def preview_button(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return context.t.label("preview-button-toast")


async def preview_materials(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, cb.int_arg(0))
    await deliver_materials(context, context.actor.telegram_id, campaign)
    return None


VERBS = {
    "ack": acknowledge,
    "ask": questions.ask,
    "fb": feedback.start_from_announcement,
    "faq": questions.faq_from_announcement,
    "files": send_materials,
    "show": show_again,
}
PREVIEW_VERBS = {
    "ack": preview_button,
    "ask": preview_button,
    "fb": preview_button,
    "faq": preview_button,
    "files": preview_materials,
}


def register_broadcasts(services: Services) -> None:
    """Teach the broadcast engine what campaign deliveries say, and report each finished
    announcement to the marketer who created the campaign."""
    engine = services.broadcasts
    for kind, renderer in campaign_renderers(services).items():
        engine.register(kind, renderer)

    async def report_when_done(kind: str, ref_id: int, batch: str) -> None:
        if kind != announcing.ANNOUNCE:
            return
        async with unit_of_work(services.db) as uow:
            campaign = await uow.campaigns.get(ref_id)
            marketer = await uow.people.get(campaign.created_by) if campaign else None
            if marketer is None or not marketer.active:
                return
            await uow.outbox.enqueue(
                announcing.REPORT,
                ref_id,
                batch,
                [Outgoing(marketer.id, marketer.telegram_id, services.clock.now())],
            )
        engine.wake()

    engine.on_batch_done(report_when_done)
