"""Field feedback's screens, from the domain's values: the prompt and the steps of giving
feedback, the settings, the summary and its comments, the /feedback list, the export's table."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton

from domain.campaigns.model import Campaign, Status
from domain.feedback.giving import Giving, Prompt
from domain.feedback.model import (
    MAX_PROMPT_DAY,
    PROMPT_PRESETS,
    RATINGS,
    Feedback,
    MediaKind,
    Reaction,
)
from domain.feedback.reports import Export, Summary
from domain.feedback.settings import CampaignSettings
from domain.people.model import Person, Team
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, Translator, escape
from handlers.kit.labels import team_label, team_name
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen
from handlers.kit.text import clip, excerpt, fit

AREA = Area.FEEDBACK
CAMPAIGN_AREA = Area.CAMPAIGNS
LIST_PAGE = 8
COMMENTS_PAGE = 5
COMMENT_EXCERPT = 600
MESSAGE_EXCERPT = 60
MESSAGE_SHOWN = 300  # of each key message on the giving screen (the announcement has them all)
COLUMN_EXCERPT = 40
# A reaction's code in callback data, and its icon.
REACTIONS = {"p": Reaction.POSITIVE, "n": Reaction.NEUTRAL, "m": Reaction.NEGATIVE}
REACTION_ICONS = {Reaction.POSITIVE: "👍", Reaction.NEUTRAL: "😐", Reaction.NEGATIVE: "👎"}
STATUS_ICONS = {Status.ANNOUNCED: "📣", Status.CANCELLED: "❌"}


def stars(rating: int) -> str:
    return "⭐" * rating


# --- giving feedback -------------------------------------------------------------------------


def prompt_text(t: Translator, prompt: Prompt) -> str:
    """The question, and whether the answer is anonymous."""
    name = prompt.campaign.name
    return "\n".join(
        [
            t("feedback-prompt-day", name=name, days=prompt.day)
            if prompt.day
            else t("feedback-prompt", name=name),
            t("feedback-prompt-rate"),
            "",
            t("feedback-anonymous-notice" if prompt.anonymous else "feedback-named-notice"),
        ]
    )


def prompt_screen(t: Translator, prompt: Prompt) -> Screen:
    """The question with its five stars. A star carries the campaign and the rating only:
    the prompt's day and what it promised are kept on the server."""
    cid = prompt.campaign.id
    row = [button(f"{n} ⭐", AREA, "rate", cid, n) for n in RATINGS]
    return Screen(prompt_text(t, prompt), [row])


def rated_screen(t: Translator, prompt: Prompt, rating: int) -> Screen:
    """The prompt keeps its question and shows the answer; its stars are spent."""
    return Screen(prompt_text(t, prompt) + "\n\n" + t("feedback-your-rating", stars=stars(rating)))


def extras_screen(t: Translator, item: Feedback, *, added: bool) -> Screen:
    """Anything to add? — or, once something was, what the submission holds so far."""
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


def _parts(t: Translator, item: Feedback) -> list[str]:
    """What the submission holds beyond its stars: the comment, photos, voice messages."""
    parts = [t.label("feedback-part-comment")] if item.comment else []
    photos, voices = item.count(MediaKind.PHOTO), item.count(MediaKind.VOICE)
    if photos:
        parts.append(t.label("feedback-part-photos", count=photos))
    if voices:
        parts.append(t.label("feedback-part-voices", count=voices))
    return parts


def giving_screen(t: Translator, giving: Giving) -> Screen:
    """The one screen after the stars: every key message with 👍 / 😐 / 👎 (the one given
    marked), and the comment, photos and voice messages one may send — all optional — then
    Done. Protected like the announcement when sent: it quotes the key messages."""
    item, campaign = giving.feedback, giving.campaign
    parts = _parts(t, item)
    lines = [t("feedback-added", parts=", ".join(parts)) if parts else t("feedback-ask-extras")]
    keyboard: list[list[InlineKeyboardButton]] = []
    if campaign.key_messages:
        lines += ["", t("feedback-react-all")]
        for index, message in enumerate(campaign.key_messages):
            given = item.reaction_to(message)
            mark = f" — {REACTION_ICONS[given]}" if given is not None else ""
            lines.append(f"{index + 1}. {escape(excerpt(message, MESSAGE_SHOWN))}{mark}")
            keyboard.append(
                [
                    button(
                        f"{index + 1}. {REACTION_ICONS[reaction]}"
                        + (" ✔️" if reaction is given else ""),
                        AREA,
                        "rx",
                        item.id,
                        index,
                        code,
                    )
                    for code, reaction in REACTIONS.items()
                ]
            )
    keyboard.append([button(t.label("feedback-done-button"), AREA, "fin", item.id)])
    return Screen(fit("\n".join(lines)), keyboard)


def reaction_screen(t: Translator, campaign: Campaign, feedback_id: int, index: int) -> Screen:
    text = "\n".join(
        [
            t("feedback-react-title", number=index + 1, total=len(campaign.key_messages)),
            f"<blockquote>{escape(campaign.key_messages[index])}</blockquote>",
            "",
            t("feedback-react-how"),
        ]
    )
    keyboard = [
        [
            button(REACTION_ICONS[reaction], AREA, "re", feedback_id, index, code)
            for code, reaction in REACTIONS.items()
        ],
        [
            button(t.label("feedback-skip-button"), AREA, "rs", feedback_id, index),
            button(t.label("feedback-finish-button"), AREA, "fin", feedback_id),
        ],
    ]
    return Screen(fit(text), keyboard)


def thanks_screen(t: Translator) -> Screen:
    return Screen(t("feedback-thanks") + "\n" + t("feedback-again-hint"))


# --- settings --------------------------------------------------------------------------------


def days_text(t: Translator, days: Sequence[int]) -> str:
    if not days:
        return t.label("feedback-days-off")
    return t.label("feedback-days-list", days=", ".join(str(d) for d in days), count=max(days))


def settings_screen(t: Translator, found: CampaignSettings) -> Screen:
    campaign, settings = found.campaign, found.settings
    lines = [
        t("feedback-settings-title", name=campaign.name),
        t("feedback-settings-anonymous", state=t.label("on" if settings.anonymous else "off")),
        t("feedback-settings-days", days=days_text(t, settings.prompt_days)),
        "",
        t("feedback-settings-hint"),
    ]
    anonymous_label = t.label(
        "feedback-anonymous-on-button" if settings.anonymous else "feedback-anonymous-off-button"
    )
    cid = campaign.id
    keyboard = [[button(anonymous_label, AREA, "anon", cid)]]
    for key, days in PROMPT_PRESETS.items():
        mark = "✅ " if days == settings.prompt_days else ""
        keyboard.append([button(mark + t.label(f"feedback-preset-{key}"), AREA, "days", cid, key)])
    keyboard.append([button(t.label("feedback-days-type-button"), AREA, "dtype", cid)])
    keyboard.append([button(t.label("back-button"), AREA, "sum", cid)])
    return Screen("\n".join(lines), keyboard)


def ask_days_screen(t: Translator) -> Screen:
    return Screen(t("feedback-ask-days", limit=MAX_PROMPT_DAY))


# --- the summary -----------------------------------------------------------------------------


def _summary_lines(t: Translator, found: Summary) -> list[str]:
    tally = found.tally
    lines = [t("feedback-summary-title", name=found.campaign.name)]
    if found.team_only is not None:
        lines.append(t("feedback-summary-team", team=team_name(t, found.teams, found.team_only)))
    if found.settings.anonymous:
        lines.append(t("feedback-summary-anonymous"))
    lines.append("")
    if tally.average is None:
        lines.append(t("feedback-summary-empty"))
    else:
        lines.append(
            t(
                "feedback-summary-count",
                submissions=tally.submissions,
                people=tally.people,
                average=tally.average,
            )
        )
        top = max(tally.distribution.values())
        for rating in sorted(RATINGS, reverse=True):
            count = tally.distribution[rating]
            bar = "▇" * round(8 * count / top) if top else ""
            lines.append(t("feedback-summary-stars", stars=rating, bar=bar, count=count))
    if tally.messages:
        lines += ["", t("feedback-summary-messages")]
        for m in tally.messages:
            counts = {"positive": m.positive, "neutral": m.neutral, "negative": m.negative}
            text = excerpt(m.message, MESSAGE_EXCERPT)
            if m.index is None:
                lines.append(t("feedback-summary-earlier", text=text, **counts))
            else:
                lines.append(t("feedback-summary-message", number=m.index + 1, text=text, **counts))
    if tally.submissions:
        extras = {"comments": tally.comments, "photos": tally.photos, "voices": tally.voices}
        lines += ["", t("feedback-summary-extras", **extras)]
    return lines


def _summary_keyboard(t: Translator, found: Summary) -> list[list[InlineKeyboardButton]]:
    tally, cid = found.tally, found.campaign.id
    keyboard = []
    if tally.comments:
        label = t.label("feedback-comments-button", count=tally.comments)
        keyboard.append([button(label, AREA, "com", cid, 0)])
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
    if found.team_only is None:
        last = [button(t.label("back-button"), CAMPAIGN_AREA, "card", cid)]
        if found.settings_may_change:
            last.insert(0, button(t.label("feedback-settings-button"), AREA, "set", cid))
        keyboard.append(last)
    else:
        keyboard.append([button(t.label("back-button"), AREA, "list", 0)])
    return keyboard


def summary_screen(t: Translator, found: Summary, *, coming: int = 0) -> Screen:
    """Ratings, reactions per key message, what else was sent, and where to look further;
    ``coming``: voice messages just queued to the viewer, on their way one a second."""
    lines = _summary_lines(t, found)
    if coming:
        lines += ["", t("feedback-voices-coming", count=coming)]
    return Screen(fit("\n".join(lines)), _summary_keyboard(t, found))


def author_line(t: Translator, found: Summary, item: Feedback) -> str:
    """Who (unless anonymous), their team then, and the stars they gave."""
    team = found.teams.get(item.team_id) if item.team_id is not None else None
    return by_line(t, found.author(item), team, item.rating)


def by_line(t: Translator, author: Person | None, team: Team | None, rating: int) -> str:
    """Who gave it (None: anonymous), their team then, and the stars."""
    if author is None:
        return t("feedback-by-anonymous", team=team_label(t, team), stars=stars(rating))
    name = author.full_name
    return t("feedback-by-named", name=name, team=team_label(t, team), stars=stars(rating))


def comments_screen(t: Translator, found: Summary, number: int, zone: str) -> Screen:
    """The comments, newest first, a page at a time, dated in the viewer's zone."""
    cid = found.campaign.id
    page = Page.of(found.with_comments, number, COMMENTS_PAGE)
    lines = [
        t(
            "feedback-comments-title",
            name=found.campaign.name,
            total=page.total,
            page=page.number + 1,
            pages=page.pages,
        )
    ]
    for item in page.items:
        who = Markup(author_line(t, found, item))
        lines += ["", t("feedback-comment-header", who=who, at=t.datetime(item.created_at, zone))]
        lines.append(escape(clip(item.comment or "", COMMENT_EXCERPT)))
    keyboard = nav_rows(page.nav(AREA, "com", cid))
    keyboard.append([button(t.label("back-button"), AREA, "sum", cid)])
    return Screen(fit("\n".join(lines)), keyboard)


def list_screen(t: Translator, found: Sequence[tuple[Campaign, int]], number: int) -> Screen:
    """/feedback: the campaigns whose feedback this person may see, with how much."""
    if not found:
        return Screen(t("feedback-list-empty"))
    page = Page.of(found, number, LIST_PAGE)
    keyboard = []
    for campaign, count in page.items:
        label = t.label(
            "feedback-list-item",
            icon=STATUS_ICONS.get(campaign.status, ""),
            name=campaign.name or t.label("untitled"),
            count=count,
        )
        keyboard.append([button(label, AREA, "sum", campaign.id)])
    keyboard += nav_rows(page.nav(AREA, "list"))
    title = t("feedback-list-title", count=page.total, page=page.number + 1, pages=page.pages)
    return Screen(title, keyboard)


# --- the export ------------------------------------------------------------------------------


def export_table(t: Translator, export: Export) -> list[list[str]]:
    """A header row, then one row per submission; names only where they may be shown."""
    columns = [
        t.label("feedback-col-date", zone=export.zone),
        t.label("feedback-col-source"),
        t.label("feedback-col-person"),
        t.label("feedback-col-team"),
        t.label("feedback-col-rating"),
        t.label("feedback-col-comment"),
        t.label("feedback-col-photos"),
        t.label("feedback-col-voices"),
    ]
    for message in export.messages:
        text = excerpt(message.message, COLUMN_EXCERPT)
        if message.index is None:
            columns.append(t.label("feedback-col-earlier", text=text))
        else:
            columns.append(t.label("feedback-col-message", number=message.index + 1, text=text))
    rows = [columns]
    for row in export.rows:
        rows.append(
            [
                row.at.strftime("%Y-%m-%d %H:%M") if row.at else row.on.isoformat(),
                t.label("feedback-source-day", days=row.day)
                if row.day
                else t.label("feedback-source-any"),
                row.author.full_name if row.author else t.label("feedback-anonymous-person"),
                row.team.name if row.team else "",
                str(row.rating),
                row.comment,
                str(row.photos),
                str(row.voices),
                *[t.label(f"feedback-reaction-{r.value}") if r else "" for r in row.reactions],
            ]
        )
    return rows
