"""Questions and answers about a campaign, its FAQ and "me too" votes."""

from __future__ import annotations

from datetime import datetime

from domain.flows import UntypedFlow
from domain.permissions import Action
from domain.ports import Sweep, UnitOfWork
from domain.questions import cases, notices
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command
from handlers.questions import answering


async def remind_unanswered(uow: UnitOfWork, now: datetime) -> int:
    return await cases.remind_unanswered(uow, now=now)


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
        Area.QUESTIONS: answering.VERBS,
        # "Ask a question" and "FAQ" under an announcement.
        Area.CAMPAIGNS: {"ask": answering.ask, "faq": answering.faq_from_announcement},
    },
    flows=(
        FlowRoute(
            UntypedFlow,
            text=answering.typed,
            media=answering.received_media,
            left_behind="flow-left-question",
            name=answering.FLOW,
        ),
    ),
    notices=(Notice(cases.FAQ, notices.published_answer, answering.render_published_answer),),
    sweeps=(Sweep("questions.remind", remind_unanswered),),
    renderers=answering.question_renderers,
)
