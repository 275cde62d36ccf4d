"""The KPIs' outbox messages: the weekly digest (text, then the trend and the lead outcomes
by source as photos, drawn when it is sent, off the event loop) and the draft agenda to a
meeting's organiser."""

from __future__ import annotations

from datetime import datetime

from broadcast import Attachment, OutgoingMessage
from domain.kpis.agenda import AgendaView
from domain.kpis.digest import Digest
from handlers.kit.callbacks import button
from handlers.kit.i18n import Translator
from handlers.kit.screens import Screen
from handlers.kpis.agenda_views import agenda_screen
from handlers.kpis.pictures import Picture, sources_picture, trend_picture
from handlers.kpis.views import AREA, changes_lines, dates, scope_label, scorecard_body


def _photo(picture: Picture) -> Attachment:
    return Attachment(f"{picture.name}.png", picture.draw, caption=picture.caption, photo=True)


def render_digest(value: Digest, t: Translator, now: datetime) -> OutgoingMessage:
    card = value.card
    text = "\n".join(
        [
            t(
                "kpi-digest-heading",
                dates=dates(t, card.window),
                scope=scope_label(t, card.scope.key, card.scope.team),
            ),
            "",
            t("kpi-section-changes"),
            *changes_lines(t, card),
            "",
            scorecard_body(t, card, changes=False),
        ]
    )
    more = button(t.label("kpi-digest-open"), AREA, "show", card.period.value, card.scope.key)
    # A chart with nothing on it is left out: the scorecard already says "no data yet".
    pictures = []
    if value.trend.has_data:
        pictures.append(trend_picture(t, value.trend, caption="kpi-caption-trend-digest"))
    if value.outcomes.has_data:
        pictures.append(sources_picture(t, value.outcomes))
    return OutgoingMessage(
        text,
        reply_markup=Screen("", [[more]]).markup,
        photos=tuple(_photo(picture) for picture in pictures),
    )


def render_agenda(value: AgendaView, t: Translator, now: datetime) -> OutgoingMessage:
    screen = agenda_screen(t, value, value.recipient.timezone)
    return OutgoingMessage(t("kpi-agenda-intro") + "\n\n" + screen.text, reply_markup=screen.markup)
