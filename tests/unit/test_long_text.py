"""Long and hostile text in messages (D4): what people type reaches the screen whole, or
clipped on purpose, and never turns a message into ``{???}``.

Fluent refuses a placeable over 2,500 characters and renders the whole message as ``{???}``;
escaping makes each "&" five characters. Bodies of text therefore follow a message's header
instead of being Fluent arguments; these tests pin the places the audit found.
"""

from __future__ import annotations

import pytest

from bot.app import load_catalog
from domain.briefings.answering import Asking
from domain.briefings.flows import Answering
from domain.briefings.reports import AnswersPage, GivenAnswer
from domain.campaigns.notices import ChangeNotice, Escalation
from domain.campaigns.versions import Note, NoteKind
from domain.errors import ECHO_MAX, InvalidInput
from domain.people.model import Language
from domain.questions.answering import QuestionCard
from domain.timezones import QuietHours, validate_timezone
from handlers.briefings.views import ANSWER_EXCERPT, answers_screen, asking_screen
from handlers.campaigns.contents import messages_screen
from handlers.campaigns.notices import render_change, render_escalation
from handlers.feedback.views import reaction_screen
from handlers.kit.i18n import Catalog, Translator
from handlers.questions.faq import faq_entry
from handlers.questions.views import card_text
from tests.support.builders.briefings import a_question, a_sent_briefing, an_answer
from tests.support.builders.campaigns import a_campaign
from tests.support.builders.people import NOW, a_rep
from tests.support.builders.questions import an_announced_campaign, an_answered_question
from tests.support.fake_telegram import parse_html

AMPERSANDS = "R&D " * 690  # 2,760 characters, a quarter of them "&"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(params=list(Language), ids=lambda language: language.value)
def t(request: pytest.FixtureRequest, catalog: Catalog) -> Translator:
    language: Language = request.param
    return catalog.translator(language)


def shown(html_text: str) -> str:
    """What Telegram shows (it refuses what it cannot parse)."""
    assert "{???}" not in html_text
    plain, _ = parse_html(html_text)
    return plain


def test_a_long_briefing_answer_shows_on_the_answers_page(t: Translator) -> None:
    question = a_question(1, text="What do pharmacies say?")
    briefing = a_sent_briefing(questions=(question,))
    answer = an_answer(1, 2, AMPERSANDS)
    page = AnswersPage(
        briefing, 0, question, (GivenAnswer(question, answer, a_rep(2), None),), (), ()
    )
    text = shown(answers_screen(t, page).text)
    assert "What do pharmacies say?" in text
    assert AMPERSANDS.strip()[: ANSWER_EXCERPT - 1] in text and "…" in text


def test_a_rep_sees_the_question_and_her_whole_current_answer(t: Translator) -> None:
    question = a_question(1, text="Q & A " * 80)
    briefing = a_sent_briefing(questions=(question,))
    asking = Asking(briefing, question, an_answer(1, 2, "&" * 3000), Answering(1, 1), None)
    text = shown(asking_screen(t, asking).text)
    assert ("Q & A " * 80).strip() in text and "&" * 3000 in text


def test_an_update_note_full_of_ampersands_reaches_everyone_whole(t: Translator) -> None:
    note = ("R&D & Co " * 160)[:1400]  # escaped, some 3,300 characters
    for kind in (NoteKind.UPDATE, NoteKind.CANCELLATION):
        notice = ChangeNotice(a_rep(2), a_campaign(1), Note(1, kind, note))
        assert note.strip() in shown(render_change(notice, t, NOW).text)


def test_an_escalation_names_everyone_however_long_their_names(t: Translator) -> None:
    waiting = tuple(a_rep(100 + n, name=f"{'&' * 60} {n}") for n in range(50))
    text = shown(render_escalation(Escalation(a_rep(1), a_campaign(1), waiting), t, NOW).text)
    assert f"{'&' * 60} 49" in text


def test_long_key_messages_show_whole_in_the_list_and_in_feedback(t: Translator) -> None:
    message = "&" * 1500
    campaign = a_campaign(1, key_messages=(message,))
    assert message in shown(messages_screen(t, campaign).text)
    assert message in shown(reaction_screen(t, campaign, 1, 0).text)


def test_a_long_answer_to_a_question_shows_on_its_card_and_in_the_faq(t: Translator) -> None:
    question = an_answered_question(1, text="&" * 1000, answer="&" * 2000)
    card = QuestionCard(question, an_announced_campaign(), a_rep(10), None, a_rep(1))
    text = shown(card_text(t, card, now=NOW))
    assert "&" * 2000 in text and "&" * 1000 in text
    assert "&" * 2000 in shown(faq_entry(t, question))


@pytest.mark.parametrize(
    "typed",
    [lambda raw: validate_timezone(raw), lambda raw: QuietHours.parse(raw)],
    ids=["time zone", "quiet hours"],
)
def test_what_a_person_typed_is_echoed_back_clipped(t: Translator, typed: object) -> None:
    raw = "&" * 3000
    with pytest.raises(InvalidInput) as refused:
        typed(raw)  # type: ignore[operator]
    echoed = refused.value.args_["value"]
    assert len(echoed) == ECHO_MAX and echoed.endswith("…")
    text = shown(t(refused.value.key, **refused.value.args_))
    assert echoed in text and len(text) < 400
