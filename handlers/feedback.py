"""Field feedback: the rep's prompt → stars → comment, photos, voice → reactions to the key
messages; the marketer's and team lead's summary, media and exports; the per-campaign
settings (anonymity, prompt days); and the sweep that queues the prompts."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InputMediaPhoto, Message, Update

from bot.i18n import Markup, Translator, escape
from broadcast import Delivery, OutgoingMessage
from domain import feedback_cases
from domain.campaigns import Campaign, Status
from domain.errors import InvalidInput
from domain.feedback import (
    MAX_PROMPT_DAY,
    PROMPT_PRESETS,
    RATINGS,
    Feedback,
    FeedbackSettings,
    MediaKind,
    Reaction,
    parse_prompt_days,
    prompt_day,
)
from domain.people import Person, Team
from domain.permissions import Action, require
from domain.timezones import to_local
from handlers.callbacks import Callback, CallbackDataError, button
from handlers.campaign_views import AREA as CAMPAIGN_AREA
from handlers.campaign_views import FEEDBACK_AREA
from handlers.context import Services, TandemContext
from handlers.exports import Format, send_table
from handlers.routing import current_flow, end_flow, start_flow
from handlers.screens import Screen, close, reply, send_new, show
from handlers.textsplit import split_html
from storage.flows import Flow
from storage.uow import unit_of_work

AREA = FEEDBACK_AREA
FLOW = "feedback"
LIST_PAGE = 8
COMMENTS_PAGE = 5
MEDIA_PAGE = 10
COMMENT_EXCERPT = 600
MESSAGE_EXCERPT = 60
CAPTION_MAX = 1000
REACTIONS = {"p": Reaction.POSITIVE, "n": Reaction.NEUTRAL, "m": Reaction.NEGATIVE}
REACTION_ICONS = {Reaction.POSITIVE: "👍", Reaction.NEUTRAL: "😐", Reaction.NEGATIVE: "👎"}
STATUS_ICONS = {Status.ANNOUNCED: "📣", Status.CANCELLED: "❌"}


def _fit(text: str) -> str:
    """Screens edited in place must fit one message."""
    parts = split_html(text)
    return parts[0] if len(parts) == 1 else parts[0].rstrip() + "\n…"


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _clip(text: str, limit: int) -> str:
    """Shorten long text, keeping its line breaks."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _stars(rating: int) -> str:
    return "⭐" * rating


def _team_name(t: Translator, teams: dict[int, Team], team_id: int | None) -> str:
    team = teams.get(team_id) if team_id is not None else None
    return team.name if team else t.label("no-team")


async def _teams(context: TandemContext) -> dict[int, Team]:
    async with context.uow() as uow:
        return {team.id: team for team in await uow.teams.all()}


# --- the rep's side --------------------------------------------------------------------------


def prompt_screen(
    t: Translator, campaign: Campaign, settings: FeedbackSettings, day: int
) -> Screen:
    """The question with its five stars, and whether the answer is anonymous."""
    lines = [
        t("feedback-prompt-day", name=campaign.name, days=day)
        if day
        else t("feedback-prompt", name=campaign.name),
        t("feedback-prompt-rate"),
        "",
        t("feedback-anonymous-notice" if settings.anonymous else "feedback-named-notice"),
    ]
    anonymous = int(settings.anonymous)
    row = [
        button(f"{stars} ⭐", AREA, "rate", campaign.id, stars, anonymous, day) for stars in RATINGS
    ]
    return Screen("\n".join(lines), [row])


def _extras_screen(t: Translator, item: Feedback, *, added: bool) -> Screen:
    if not added:
        text = t("feedback-ask-extras")
        label = t.label("feedback-skip-button")
    else:
        parts = [t.label("feedback-part-comment")] if item.comment else []
        photos, voices = item.count(MediaKind.PHOTO), item.count(MediaKind.VOICE)
        if photos:
            parts.append(t.label("feedback-part-photos", count=photos))
        if voices:
            parts.append(t.label("feedback-part-voices", count=voices))
        text = t("feedback-added", parts=", ".join(parts))
        label = t.label("feedback-done-button")
    return Screen(text, [[button(label, AREA, "next", item.id)]])


def _reaction_screen(t: Translator, item: Feedback, campaign: Campaign, index: int) -> Screen:
    total = len(campaign.key_messages)
    text = "\n".join(
        [
            t("feedback-react-title", number=index + 1, total=total),
            t("feedback-react-message", text=campaign.key_messages[index]),
            "",
            t("feedback-react-how"),
        ]
    )
    keyboard = [
        [
            button(REACTION_ICONS[reaction], AREA, "re", item.id, index, code)
            for code, reaction in REACTIONS.items()
        ],
        [
            button(t.label("feedback-skip-button"), AREA, "rs", item.id, index),
            button(t.label("feedback-finish-button"), AREA, "fin", item.id),
        ],
    ]
    return Screen(_fit(text), keyboard)


async def start_from_announcement(
    update: Update, context: TandemContext, cb: Callback
) -> str | None:
    """The "Feedback" button under an announcement: the same prompt, any time, again and again."""
    async with context.uow() as uow:
        campaign, settings = await feedback_cases.open_for(uow, context.actor, cb.int_arg(0))
    await send_new(update, prompt_screen(context.t, campaign, settings, 0))
    return None


async def rate(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id, stars, anonymous, day = (cb.int_arg(i) for i in range(4))
    if anonymous not in (0, 1):
        raise CallbackDataError(str(anonymous))
    query = update.callback_query
    assert query is not None
    origin = query.message.message_id if isinstance(query.message, Message) else None
    async with context.uow() as uow:
        item = await feedback_cases.rate(
            uow,
            context.actor,
            campaign_id,
            stars,
            told_anonymous=bool(anonymous),
            day=day,
            origin=origin,
            now=context.now,
        )
        campaign, _ = await feedback_cases.open_for(uow, context.actor, campaign_id)
    t = context.t
    # The prompt keeps its question and shows the answer; its stars are spent. It says
    # whether this submission is anonymous (as promised, or because the campaign is now).
    told = FeedbackSettings(campaign.id, anonymous=item.anonymous)
    prompt = prompt_screen(t, campaign, told, day).text
    await show(update, Screen(prompt + "\n\n" + t("feedback-your-rating", stars=_stars(stars))))
    await start_flow(context, FLOW, "extras", {"fid": item.id, "cid": campaign_id})
    await send_new(update, _extras_screen(t, item, added=False))
    return t.label("feedback-rated-toast")


async def _to_reactions(
    update: Update, context: TandemContext, item: Feedback, campaign: Campaign, index: int
) -> None:
    """Ask about key message ``index``, or finish when there is none left."""
    if index >= len(campaign.key_messages):
        await _finish(update, context, item, edit=True)
        return
    await start_flow(context, FLOW, f"react:{index}", {"fid": item.id, "cid": campaign.id})
    await show(update, _reaction_screen(context.t, item, campaign, index))


async def extras_done(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Skip / Done after the comment step: on to the key messages, in a message of their own
    (protected like the announcement, since it quotes them)."""
    async with context.uow() as uow:
        item, campaign = await feedback_cases.own(uow, context.actor, cb.int_arg(0))
    await close(update)
    if not campaign.key_messages:
        await _finish(update, context, item, edit=False)
        return None
    await start_flow(context, FLOW, "react:0", {"fid": item.id, "cid": campaign.id})
    screen = _reaction_screen(context.t, item, campaign, 0)
    await context.bot.send_message(
        context.actor.telegram_id,
        screen.text,
        parse_mode="HTML",
        reply_markup=screen.markup,
        protect_content=campaign.protect_content,
    )
    return None


async def react(update: Update, context: TandemContext, cb: Callback) -> str | None:
    feedback_id, index, code = cb.int_arg(0), cb.int_arg(1), cb.str_arg(2)
    if code not in REACTIONS:
        raise CallbackDataError(code)
    async with context.uow() as uow:
        item, campaign = await feedback_cases.react(
            uow, context.actor, feedback_id, index, REACTIONS[code], now=context.now
        )
    await _to_reactions(update, context, item, campaign, index + 1)
    return REACTION_ICONS[REACTIONS[code]]


async def skip_reaction(update: Update, context: TandemContext, cb: Callback) -> str | None:
    feedback_id, index = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        item, campaign = await feedback_cases.own(uow, context.actor, feedback_id)
    await _to_reactions(update, context, item, campaign, index + 1)
    return None


async def finish(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        item, _ = await feedback_cases.own(uow, context.actor, cb.int_arg(0))
    await _finish(update, context, item, edit=True)
    return None


async def _finish(update: Update, context: TandemContext, item: Feedback, *, edit: bool) -> None:
    flow = await current_flow(context, FLOW)
    if flow is not None and flow.data.get("fid") == item.id:
        await end_flow(context)
    t = context.t
    text = t("feedback-thanks") + "\n" + t("feedback-again-hint")
    if edit:
        await show(update, Screen(text))
    else:
        await send_new(update, Screen(text))


async def _added(update: Update, context: TandemContext, flow: Flow, item: Feedback) -> None:
    if flow.step.startswith("react:"):
        await reply(update, context.t("feedback-added-during-reactions"))
    else:
        await send_new(update, _extras_screen(context.t, item, added=True))


async def _typed_by_rep(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    async with context.uow() as uow:
        item = await feedback_cases.add_comment(
            uow, context.actor, int(flow.data["fid"]), text, now=context.now
        )
    await _added(update, context, flow, item)


async def received_media(update: Update, context: TandemContext, flow: Flow) -> None:
    """A photo or a voice message for the submission being given."""
    message = update.effective_message
    assert message is not None
    if flow.step == "days":
        raise InvalidInput("error-text-expected")
    if message.photo:
        kind, file_id = MediaKind.PHOTO, message.photo[-1].file_id
    elif message.voice is not None:
        kind, file_id = MediaKind.VOICE, message.voice.file_id
    else:
        raise InvalidInput("error-feedback-media-kind")
    async with context.uow() as uow:
        item = await feedback_cases.add_attachment(
            uow,
            context.actor,
            int(flow.data["fid"]),
            kind,
            file_id,
            caption=message.caption,
            now=context.now,
        )
    await _added(update, context, flow, item)


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """Text in the feedback flow: days typed by a marketer, or a rep's comment."""
    if flow.step == "days":
        await _typed_days(update, context, flow, text)
    else:
        await _typed_by_rep(update, context, flow, text)


# --- settings (marketers and admins) ---------------------------------------------------------


def days_text(t: Translator, days: Sequence[int]) -> str:
    if not days:
        return t.label("feedback-days-off")
    return t.label("feedback-days-list", days=", ".join(str(d) for d in days), count=max(days))


async def _settings_screen(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign, settings = await feedback_cases.settings_of(uow, context.actor, campaign_id)
    lines = [
        t("feedback-settings-title", name=campaign.name),
        t(
            "feedback-settings-anonymous",
            state=t.label("on" if settings.anonymous else "off"),
        ),
        t("feedback-settings-days", days=days_text(t, settings.prompt_days)),
        "",
        t("feedback-settings-hint"),
    ]
    anonymous_label = t.label(
        "feedback-anonymous-on-button" if settings.anonymous else "feedback-anonymous-off-button"
    )
    keyboard: list[list[InlineKeyboardButton]] = [
        [button(anonymous_label, AREA, "anon", campaign_id)]
    ]
    for key, days in PROMPT_PRESETS.items():
        mark = "✅ " if days == settings.prompt_days else ""
        label = mark + t.label(f"feedback-preset-{key}")
        keyboard.append([button(label, AREA, "days", campaign_id, key)])
    keyboard.append([button(t.label("feedback-days-type-button"), AREA, "dtype", campaign_id)])
    keyboard.append([button(t.label("back-button"), AREA, "sum", campaign_id)])
    return Screen("\n".join(lines), keyboard)


async def settings_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _settings_screen(context, cb.int_arg(0)))


async def toggle_anonymous(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await feedback_cases.toggle_anonymous(uow, context.actor, campaign_id, now=context.now)
    await show(update, await _settings_screen(context, campaign_id))
    return context.t.label("saved")


async def preset_days(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id, key = cb.int_arg(0), cb.str_arg(1)
    if key not in PROMPT_PRESETS:
        raise CallbackDataError(key)
    async with context.uow() as uow:
        await feedback_cases.set_prompt_days(
            uow, context.actor, campaign_id, PROMPT_PRESETS[key], now=context.now
        )
    await show(update, await _settings_screen(context, campaign_id))
    return context.t.label("saved")


async def ask_days(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await feedback_cases.settings_of(uow, context.actor, campaign_id)
    await start_flow(context, FLOW, "days", {"cid": campaign_id})
    await send_new(update, Screen(context.t("feedback-ask-days", limit=MAX_PROMPT_DAY)))


async def _typed_days(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    campaign_id = int(flow.data["cid"])
    async with context.uow() as uow:
        await feedback_cases.set_prompt_days(
            uow, context.actor, campaign_id, parse_prompt_days(text), now=context.now
        )
    await end_flow(context)
    await send_new(update, await _settings_screen(context, campaign_id))


# --- the summary (marketers, admins; team leads for their team) ------------------------------


def _message_line(t: Translator, number: int | None, text: str, p: int, n: int, m: int) -> str:
    excerpt = _excerpt(text, MESSAGE_EXCERPT)
    if number is None:
        return t("feedback-summary-earlier", text=excerpt, positive=p, neutral=n, negative=m)
    return t(
        "feedback-summary-message", number=number, text=excerpt, positive=p, neutral=n, negative=m
    )


async def _summary_screen(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        result = await feedback_cases.summary(uow, context.actor, campaign_id)
    teams = await _teams(context)
    tally = result.tally
    lines = [t("feedback-summary-title", name=result.campaign.name)]
    if result.team_only is not None:
        lines.append(t("feedback-summary-team", team=_team_name(t, teams, result.team_only)))
    if result.settings.anonymous:
        lines.append(t("feedback-summary-anonymous"))
    lines.append("")
    if not tally.submissions:
        lines.append(t("feedback-summary-empty"))
    else:
        assert tally.average is not None
        lines.append(
            t(
                "feedback-summary-count",
                submissions=tally.submissions,
                people=tally.people,
                average=tally.average,
            )
        )
        top = max(tally.distribution.values())
        for stars in sorted(RATINGS, reverse=True):
            count = tally.distribution[stars]
            bar = "▇" * round(8 * count / top) if top else ""
            lines.append(t("feedback-summary-stars", stars=stars, bar=bar, count=count))
    if tally.messages:
        lines += ["", t("feedback-summary-messages")]
        for item in tally.messages:
            number = None if item.index is None else item.index + 1
            lines.append(
                _message_line(t, number, item.message, item.positive, item.neutral, item.negative)
            )
    if tally.submissions:
        lines += [
            "",
            t(
                "feedback-summary-extras",
                comments=tally.comments,
                photos=tally.photos,
                voices=tally.voices,
            ),
        ]
    cid = result.campaign.id
    keyboard: list[list[InlineKeyboardButton]] = []
    if tally.comments:
        keyboard.append(
            [button(t.label("feedback-comments-button", count=tally.comments), AREA, "com", cid, 0)]
        )
    media_row = []
    if tally.photos:
        label = t.label("feedback-photos-button", count=tally.photos)
        media_row.append(button(label, AREA, "media", cid, MediaKind.PHOTO.value, 0))
    if tally.voices:
        label = t.label("feedback-voices-button", count=tally.voices)
        media_row.append(button(label, AREA, "media", cid, MediaKind.VOICE.value, 0))
    if media_row:
        keyboard.append(media_row)
    if tally.submissions:
        keyboard.append(
            [
                button(t.label("feedback-csv-button"), AREA, "csv", cid),
                button(t.label("feedback-xlsx-button"), AREA, "xlsx", cid),
            ]
        )
    keyboard.append([button(t.label("refresh-button"), AREA, "sum", cid)])
    if result.team_only is None:
        last = [button(t.label("back-button"), CAMPAIGN_AREA, "card", cid)]
        if result.campaign.status is not Status.CANCELLED:
            last.insert(0, button(t.label("feedback-settings-button"), AREA, "set", cid))
        keyboard.append(last)
    else:
        keyboard.append([button(t.label("back-button"), AREA, "list", 0)])
    return Screen(_fit("\n".join(lines)), keyboard)


async def show_summary(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow_if(context, "days")
    await show(update, await _summary_screen(context, cb.int_arg(0)))


async def end_flow_if(context: TandemContext, step: str) -> None:
    """Leave a half-typed settings step when the marketer navigates away from it."""
    flow = await current_flow(context, FLOW)
    if flow is not None and flow.step == step:
        await end_flow(context)


def _author_line(t: Translator, author: Person | None, team: str, stars: int) -> str:
    """Who (unless anonymous), their team then, and the stars they gave."""
    if author is None:
        return t("feedback-by-anonymous", team=team, stars=_stars(stars))
    return t("feedback-by-named", name=author.full_name, team=team, stars=_stars(stars))


async def comments_page(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id, page = cb.int_arg(0), cb.int_arg(1)
    t = context.t
    async with context.uow() as uow:
        result = await feedback_cases.summary(uow, context.actor, campaign_id)
    teams = await _teams(context)
    items = result.with_comments
    pages = max(1, -(-len(items) // COMMENTS_PAGE))
    page = min(page, pages - 1)
    shown = items[page * COMMENTS_PAGE : (page + 1) * COMMENTS_PAGE]
    lines = [
        t(
            "feedback-comments-title",
            name=result.campaign.name,
            total=len(items),
            page=page + 1,
            pages=pages,
        )
    ]
    zone = context.actor.timezone
    for item in shown:
        assert item.comment is not None
        who = _author_line(t, result.author(item), _team_name(t, teams, item.team_id), item.rating)
        at = t.datetime(item.created_at, zone)
        lines += ["", t("feedback-comment-header", who=Markup(who), at=at)]
        lines.append(escape(_clip(item.comment, COMMENT_EXCERPT)))
    nav = []
    if page > 0:
        nav.append(button("◀️", AREA, "com", campaign_id, page - 1))
    if page + 1 < pages:
        nav.append(button("▶️", AREA, "com", campaign_id, page + 1))
    keyboard = [nav] if nav else []
    keyboard.append([button(t.label("back-button"), AREA, "sum", campaign_id)])
    await show(update, Screen(_fit("\n".join(lines)), keyboard))


async def send_media(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """The photos or voice messages, ten at a time, captioned with who (unless anonymous),
    their team and rating."""
    campaign_id, raw_kind, page = cb.int_arg(0), cb.str_arg(1), cb.int_arg(2)
    try:
        kind = MediaKind(raw_kind)
    except ValueError:
        raise CallbackDataError(raw_kind) from None
    t = context.t
    async with context.uow() as uow:
        result = await feedback_cases.summary(uow, context.actor, campaign_id)
    teams = await _teams(context)
    items = result.attachments(kind)
    shown = items[page * MEDIA_PAGE : (page + 1) * MEDIA_PAGE]
    if not shown:
        return t.label("feedback-no-media")
    captions = [
        _author_line(t, result.author(item), _team_name(t, teams, item.team_id), item.rating)[
            :CAPTION_MAX
        ]
        for item, _ in shown
    ]
    chat_id = context.actor.telegram_id
    if kind is MediaKind.PHOTO and len(shown) > 1:
        media = [
            InputMediaPhoto(file_id, caption=caption, parse_mode="HTML")
            for (_, file_id), caption in zip(shown, captions, strict=True)
        ]
        await context.bot.send_media_group(chat_id, media)
    else:
        for (_, file_id), caption in zip(shown, captions, strict=True):
            if kind is MediaKind.PHOTO:
                await context.bot.send_photo(chat_id, file_id, caption=caption, parse_mode="HTML")
            else:
                await context.bot.send_voice(chat_id, file_id, caption=caption, parse_mode="HTML")
    left = len(items) - (page + 1) * MEDIA_PAGE
    if left > 0:
        more = button(
            t.label("feedback-more-button", count=left), AREA, "media", campaign_id, kind, page + 1
        )
        await send_new(update, Screen(t("feedback-more-media", count=left), [[more]]))
    return None


# --- export ----------------------------------------------------------------------------------


def export_rows(
    t: Translator, result: feedback_cases.Summary, teams: dict[int, Team], zone: str
) -> list[list[str]]:
    """One row per submission, newest first; names only where they may be shown."""
    columns = [
        t.label("feedback-col-date", zone=zone),
        t.label("feedback-col-source"),
        t.label("feedback-col-person"),
        t.label("feedback-col-team"),
        t.label("feedback-col-rating"),
        t.label("feedback-col-comment"),
        t.label("feedback-col-photos"),
        t.label("feedback-col-voices"),
    ]
    for message in result.tally.messages:
        excerpt = _excerpt(message.message, 40)
        if message.index is None:
            columns.append(t.label("feedback-col-earlier", text=excerpt))
        else:
            columns.append(t.label("feedback-col-message", number=message.index + 1, text=excerpt))
    rows = [columns]
    for item in result.feedback:
        author = result.author(item)
        day = prompt_day(item.source)
        reactions = [item.reaction_to(m.message) for m in result.tally.messages]
        rows.append(
            [
                to_local(item.created_at, zone).strftime("%Y-%m-%d %H:%M"),
                t.label("feedback-source-day", days=day) if day else t.label("feedback-source-any"),
                author.full_name if author else t.label("feedback-anonymous-person"),
                _team_name(t, teams, item.team_id) if item.team_id is not None else "",
                str(item.rating),
                item.comment or "",
                str(item.count(MediaKind.PHOTO)),
                str(item.count(MediaKind.VOICE)),
                *[t.label(f"feedback-reaction-{r.value}") if r else "" for r in reactions],
            ]
        )
    return rows


async def export(update: Update, context: TandemContext, cb: Callback, fmt: Format) -> str | None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        result = await feedback_cases.summary(uow, context.actor, campaign_id)
    rows = export_rows(context.t, result, await _teams(context), context.actor.timezone)
    await send_table(
        context.bot,
        context.actor.telegram_id,
        rows,
        fmt,
        name=f"feedback-{campaign_id}",
        sheet_title="Feedback",
        caption=context.t(
            "feedback-export-caption", name=result.campaign.name, count=len(rows) - 1
        ),
    )
    return None


async def export_csv(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.CSV)


async def export_xlsx(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.XLSX)


# --- /feedback -------------------------------------------------------------------------------


async def _list_screen(context: TandemContext, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        found = await feedback_cases.campaigns_with_feedback(uow, context.actor)
    if not found:
        return Screen(t("feedback-list-empty"))
    pages = max(1, -(-len(found) // LIST_PAGE))
    page = min(page, pages - 1)
    keyboard: list[list[InlineKeyboardButton]] = []
    for campaign, count in found[page * LIST_PAGE : (page + 1) * LIST_PAGE]:
        label = t.label(
            "feedback-list-item",
            icon=STATUS_ICONS.get(campaign.status, ""),
            name=campaign.name or t.label("untitled"),
            count=count,
        )
        keyboard.append([button(label, AREA, "sum", campaign.id)])
    nav = []
    if page > 0:
        nav.append(button("◀️", AREA, "list", page - 1))
    if page + 1 < pages:
        nav.append(button("▶️", AREA, "list", page + 1))
    if nav:
        keyboard.append(nav)
    return Screen(t("feedback-list-title", count=len(found), page=page + 1, pages=pages), keyboard)


async def list_command(update: Update, context: TandemContext) -> None:
    """/feedback: the campaigns whose feedback this person may see."""
    require(context.actor, Action.VIEW_FEEDBACK)
    await show(update, await _list_screen(context, 0))


async def list_page(update: Update, context: TandemContext, cb: Callback) -> None:
    require(context.actor, Action.VIEW_FEEDBACK)
    await show(update, await _list_screen(context, cb.int_arg(0)))


# --- prompts: the sweep that queues them and what they say -----------------------------------


def register(services: Services) -> None:
    """Teach the broadcast engine what a prompt says, and sweep for prompts that came due."""

    async def prompt(delivery: Delivery) -> OutgoingMessage | None:
        day = prompt_day(delivery.batch)
        if not day:
            return None
        async with unit_of_work(services.db) as uow:
            found = await feedback_cases.prompt_to_send(
                uow, delivery.ref_id, delivery.person_id, day
            )
        if found is None:
            return None
        campaign, settings, person = found
        t = services.catalog.translator(services.language_for(person, None))
        screen = prompt_screen(t, campaign, settings, day)
        return OutgoingMessage(text=screen.text, reply_markup=screen.markup)

    async def sweep(services: Services) -> None:
        async with unit_of_work(services.db) as uow:
            await feedback_cases.enqueue_due_prompts(uow, now=services.clock.now())

    services.broadcasts.register(feedback_cases.PROMPT, prompt)
    services.sweeps.add("feedback.prompts", sweep)


VERBS = {
    "rate": rate,
    "next": extras_done,
    "re": react,
    "rs": skip_reaction,
    "fin": finish,
    "set": settings_menu,
    "anon": toggle_anonymous,
    "days": preset_days,
    "dtype": ask_days,
    "sum": show_summary,
    "com": comments_page,
    "media": send_media,
    "csv": export_csv,
    "xlsx": export_xlsx,
    "list": list_page,
}
