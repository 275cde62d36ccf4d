"""Briefing requests: the marketer asks the field before a campaign is built; reps answer."""

from __future__ import annotations

from domain.briefings import sending
from domain.briefings.flows import Answering, TypingDeadline, WritingOptions, WritingQuestion
from domain.briefings.kinds import ASK, CLOSE, REMIND
from domain.briefings.notices import answer_file, closing, reminder, request
from domain.briefings.reports import FILE
from handlers.briefings import answering, authoring, reports
from handlers.briefings.notices import (
    render_answer_file,
    render_closing,
    render_reminder,
    render_request,
)
from handlers.kit.callbacks import Area
from handlers.kit.feature import Feature, FlowRoute, Notice

# A step left half-done: what was already sent is kept (the draft, the answers so far).
LEFT_BEHIND = "flow-left-briefing"

FEATURE = Feature(
    name="briefings",
    buttons={Area.BRIEFINGS: {**authoring.VERBS, **reports.VERBS, **answering.VERBS}},
    flows=(
        FlowRoute(WritingQuestion, text=authoring.question_typed, left_behind=LEFT_BEHIND),
        FlowRoute(WritingOptions, text=authoring.options_typed, left_behind=LEFT_BEHIND),
        FlowRoute(TypingDeadline, text=authoring.deadline_typed, left_behind=LEFT_BEHIND),
        FlowRoute(
            Answering, text=answering.typed, media=answering.received, left_behind=LEFT_BEHIND
        ),
    ),
    notices=(
        Notice(ASK, request, render_request),
        Notice(REMIND, reminder, render_reminder),
        Notice(CLOSE, closing, render_closing),
        Notice(FILE, answer_file, render_answer_file),
    ),
    redeliveries=(sending.redeliver,),
)
