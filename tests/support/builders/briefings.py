"""Briefing requests, their questions and answers, and the campaigns they belong to."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.briefings.model import Answer, AnswerKind, Briefing, BriefingQuestion, BriefingStatus
from domain.campaigns.model import Audience, Campaign, Status
from tests.support.builders.people import NOW

ALL_REPS = Audience(all_reps=True)


def a_question(
    qid: int, position: int | None = None, *options: str, text: str = ""
) -> BriefingQuestion:
    position = position if position is not None else qid
    return BriefingQuestion(qid, position, text or f"Question {position}?", tuple(options))


def a_briefing(
    bid: int = 1,
    *,
    campaign: int = 1,
    by: int = 1,
    status: BriefingStatus = BriefingStatus.DRAFT,
    deadline: datetime | None = NOW + timedelta(days=3),
    questions: tuple[BriefingQuestion, ...] = (),
    audience: Audience | None = None,
) -> Briefing:
    """A briefing; a sent one was sent at NOW."""
    return Briefing(
        id=bid,
        campaign_id=campaign,
        created_by=by,
        created_at=NOW,
        deadline=deadline,
        status=status,
        sent_at=NOW if status is not BriefingStatus.DRAFT else None,
        questions=questions,
        audience=audience,
    )


def a_sent_briefing(bid: int = 1, **kwargs: object) -> Briefing:
    return a_briefing(bid, status=BriefingStatus.SENT, **kwargs)  # type: ignore[arg-type]


def an_answer(
    question: int,
    person: int,
    text: str | None = "answer",
    *,
    kind: AnswerKind = AnswerKind.TEXT,
    file_id: str | None = None,
    at: datetime = NOW,
) -> Answer:
    return Answer(question, person, kind, text, file_id, None, at)


def a_campaign_to_brief(
    cid: int = 1,
    *,
    name: str = "Winter immunity",
    audience: Audience = ALL_REPS,
    status: Status = Status.DRAFT,
    by: int = 1,
) -> Campaign:
    """A campaign as briefings see it: its name, audience and status."""
    return Campaign(
        id=cid,
        name=name,
        product="Vitamin D3",
        goal="",
        key_messages=(),
        launch_date=None,
        audience=audience,
        protect_content=True,
        status=status,
        schedule=None,
        reminders=(),
        created_by=by,
        created_at=NOW,
    )
