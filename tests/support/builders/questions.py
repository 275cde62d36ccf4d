"""Questions, and the announced campaign they are asked about."""

from __future__ import annotations

from datetime import date, datetime

from domain.campaigns.model import Audience, Campaign, Status
from domain.questions.model import Question, QuestionKind, QuestionStatus
from tests.support.builders.people import NOW


def a_question(
    qid: int = 1,
    *,
    campaign: int = 1,
    by: int = 10,
    kind: QuestionKind = QuestionKind.TEXT,
    text: str | None = None,
    file_id: str | None = None,
    asked_at: datetime = NOW,
    **changes: object,
) -> Question:
    """An open question (``text`` defaults to ``Q<id>``); name any other field to change it."""
    question = Question(
        id=qid,
        campaign_id=campaign,
        asked_by=by,
        kind=kind,
        text=text if text is not None or kind is not QuestionKind.TEXT else f"Q{qid}",
        file_id=file_id,
        message_id=500 + qid,
        asked_at=asked_at,
    )
    return question.with_(**changes)


def an_answered_question(
    qid: int = 1, *, answer: str = "A", by_answerer: int = 1, **changes: object
) -> Question:
    """Answered by person ``by_answerer`` at ``NOW`` (unless ``answered_at`` is named)."""
    answered = {"status": QuestionStatus.ANSWERED, "answered_at": NOW, **changes}
    return a_question(qid, answer=answer, answered_by=by_answerer, **answered)


def an_announced_campaign(
    cid: int = 1, *, created_by: int = 1, status: Status = Status.ANNOUNCED, name: str = "Winter"
) -> Campaign:
    """A campaign whose announcement went out: the one questions are asked about."""
    return Campaign(
        id=cid,
        name=name,
        product="Vitamin D",
        goal="",
        key_messages=("Take it daily",),
        launch_date=date(2026, 12, 10),
        audience=Audience(all_reps=True),
        protect_content=True,
        status=status,
        schedule=None,
        reminders=(),
        created_by=created_by,
        created_at=NOW,
        announced_at=NOW,
    )
