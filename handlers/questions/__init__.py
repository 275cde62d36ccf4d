"""Questions and answers about a campaign, its FAQ and "me too" votes.

A recipient presses "Ask a question" under an announcement and sends a text, a photo or a voice
message; those who answer get a card with Answer, Answer and publish, and Duplicate of… (and
can open every open question from /questions). The answer reaches the asker, and everyone who
said "me too", through the outbox; a published answer is in the campaign FAQ ("FAQ" under the
announcement) and can be sent to every recipient once.
"""

from __future__ import annotations

from domain.permissions import Action
from domain.ports import Sweep
from domain.questions import notices as compose
from domain.questions import outbox
from domain.questions.flows import AnsweringQuestion, AskingQuestion
from domain.questions.reminders import remind_unanswered
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command
from handlers.questions import answering, asking
from handlers.questions import notices as render

FEATURE = Feature(
    name="questions",
    commands=(
        CommandRoute(
            "questions",
            answering.list_questions,
            Command("questions", Action.ANSWER_QUESTIONS, "cmd-questions", 30),
        ),
    ),
    buttons={
        Area.QUESTIONS: {
            "faq": asking.faq_page,
            "open": asking.open_page,
            "me2": asking.me_too,
            "me2a": asking.me_too_instead,
            "askd": asking.ask_different,
            "media": asking.send_question_media,
            "queue": answering.queue_page,
            "card": answering.open_card,
            "ans": answering.begin_answer,
            "anspub": answering.begin_answer_and_publish,
            "dup": answering.duplicates,
            "dupp": answering.duplicates_page,
            "dupof": answering.mark_duplicate,
            "pub": answering.publish,
            "bcast": answering.broadcast,
        },
        # "Ask a question" and "FAQ" under an announcement.
        Area.CAMPAIGNS: {"ask": asking.ask, "faq": asking.faq_from_announcement},
    },
    flows=(
        FlowRoute(
            AskingQuestion,
            text=asking.typed_question,
            media=asking.sent_question,
            left_behind="flow-left-question",
        ),
        FlowRoute(
            AnsweringQuestion,
            text=answering.typed_answer,
            media=answering.sent_answer_file,
            left_behind="flow-left-question",
        ),
    ),
    notices=(
        Notice(outbox.ASKED, compose.new_question, render.render_card),
        Notice(outbox.REMIND, compose.question_reminder, render.render_card),
        Notice(outbox.CLOSED, compose.closed_card, render.render_closed_card),
        Notice(outbox.ANSWER, compose.answer, render.render_answer),
        Notice(outbox.FAQ, compose.published_answer, render.render_published_answer),
    ),
    sweeps=(Sweep("questions.remind", remind_unanswered),),
)
