"""Use cases for briefing requests (see :mod:`domain.briefings` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.briefings.model import (
    MAX_QUESTIONS,
    Answer,
    AnswerKind,
    Briefing,
    BriefingStatus,
    Progress,
    audience_for,
    clean_answer,
    clean_question,
    progress,
    reminder_moments,
)
from domain.campaigns import access
from domain.campaigns.model import (
    Audience,
    Campaign,
    Schedule,
    ScheduleMode,
    Status,
    delivery_moment,
    recipients,
)
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Person, Role
from domain.permissions import Action, require
from domain.ports import AuditEntry, Outgoing, UnitOfWork

ASK = "briefing.ask"
REMIND = "briefing.remind"


async def _load(uow: UnitOfWork, briefing_id: int) -> Briefing:
    briefing = await uow.briefings.get(briefing_id)
    if briefing is None:
        raise NotFound()
    return briefing


async def manageable(uow: UnitOfWork, actor: Person, briefing_id: int) -> tuple[Briefing, Campaign]:
    require(actor, Action.RUN_BRIEFINGS)
    briefing = await _load(uow, briefing_id)
    campaign = await access.managed(uow, actor=actor, campaign_id=briefing.campaign_id)
    return briefing, campaign


async def draft(uow: UnitOfWork, actor: Person, briefing_id: int) -> Briefing:
    """The briefing, if it may still be edited (not yet sent)."""
    return await _draft(uow, actor, briefing_id)


async def _draft(uow: UnitOfWork, actor: Person, briefing_id: int) -> Briefing:
    briefing, _ = await manageable(uow, actor, briefing_id)
    if briefing.status is not BriefingStatus.DRAFT:
        raise InvalidInput("error-briefing-sent")
    return briefing


async def create(uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime) -> Briefing:
    require(actor, Action.RUN_BRIEFINGS)
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    briefing = await uow.briefings.add(campaign.id, created_by=actor.id, now=now)
    await uow.audit.record(AuditEntry(actor.id, "briefing.create", "briefing", briefing.id, now))
    return briefing


async def for_campaign(uow: UnitOfWork, actor: Person, campaign_id: int) -> Sequence[Briefing]:
    require(actor, Action.RUN_BRIEFINGS)
    await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return await uow.briefings.for_campaign(campaign_id)


async def add_question(
    uow: UnitOfWork,
    actor: Person,
    briefing_id: int,
    text: str,
    options: Sequence[str] = (),
    *,
    now: datetime,
) -> Briefing:
    briefing = await _draft(uow, actor, briefing_id)
    if len(briefing.questions) >= MAX_QUESTIONS:
        raise InvalidInput("error-too-many-questions", limit=MAX_QUESTIONS)
    await uow.briefings.add_question(briefing.id, clean_question(text), tuple(options))
    return await _load(uow, briefing.id)


async def set_options(
    uow: UnitOfWork, actor: Person, briefing_id: int, question_id: int, options: Sequence[str]
) -> Briefing:
    briefing = await _draft(uow, actor, briefing_id)
    if briefing.question(question_id) is None:
        raise NotFound()
    await uow.briefings.set_options(question_id, tuple(options))
    return await _load(uow, briefing.id)


async def remove_question(
    uow: UnitOfWork, actor: Person, briefing_id: int, question_id: int
) -> Briefing:
    briefing = await _draft(uow, actor, briefing_id)
    if briefing.question(question_id) is None:
        raise NotFound()
    await uow.briefings.remove_question(question_id)
    return await _load(uow, briefing.id)


async def set_deadline(
    uow: UnitOfWork, actor: Person, briefing_id: int, deadline: datetime, *, now: datetime
) -> Briefing:
    # Only before sending: the deadline is printed in every request people received.
    briefing = await _draft(uow, actor, briefing_id)
    if deadline <= now:
        raise InvalidInput("error-deadline-past")
    await uow.briefings.save(briefing.with_(deadline=deadline))
    return await _load(uow, briefing.id)


async def toggle_audience(
    uow: UnitOfWork,
    actor: Person,
    briefing_id: int,
    *,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
) -> Briefing:
    """Change who the briefing goes to, starting from the campaign's audience."""
    briefing = await _draft(uow, actor, briefing_id)
    campaign = await access.managed(uow, actor=actor, campaign_id=briefing.campaign_id)
    current = briefing.audience if briefing.audience is not None else campaign.audience
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    audience = Audience(
        current.all_reps ^ all_reps,
        current.team_ids ^ ({team_id} if team_id is not None else set()),
        current.roles ^ ({role} if role is not None else set()),
    )
    await uow.briefings.save(briefing.with_(audience=audience))
    return await _load(uow, briefing.id)


async def use_campaign_audience(uow: UnitOfWork, actor: Person, briefing_id: int) -> Briefing:
    briefing = await _draft(uow, actor, briefing_id)
    await uow.briefings.save(briefing.with_(audience=None))
    return await _load(uow, briefing.id)


async def reach(uow: UnitOfWork, briefing: Briefing, campaign: Campaign) -> int:
    """How many people the briefing would reach now."""
    audience = briefing.audience if briefing.audience is not None else campaign.audience
    return len(recipients(audience, await uow.people.active()))


async def discard(uow: UnitOfWork, actor: Person, briefing_id: int) -> None:
    briefing = await _draft(uow, actor, briefing_id)
    await uow.briefings.delete_draft(briefing.id)


async def send(uow: UnitOfWork, actor: Person, briefing_id: int, *, now: datetime) -> int:
    """Send the request to the campaign's audience now (each outside their quiet hours),
    with reminders for whoever has not answered everything. Returns how many it reaches."""
    briefing, campaign = await manageable(uow, actor, briefing_id)
    if briefing.status is not BriefingStatus.DRAFT:
        raise InvalidInput("error-briefing-sent")
    if not briefing.questions:
        raise InvalidInput("error-briefing-no-questions")
    if briefing.deadline is None:
        raise InvalidInput("error-briefing-no-deadline")
    if briefing.deadline <= now:
        raise InvalidInput("error-deadline-past")
    people = recipients(audience_for(briefing, campaign), await uow.people.active())
    if not people:
        raise InvalidInput("error-audience-empty")
    when = Schedule(ScheduleMode.NOW)
    moments = {p.id: delivery_moment(when, p, now=now) for p in people}
    await uow.outbox.enqueue(
        ASK, briefing.id, "ask", [Outgoing(p.id, p.telegram_id, moments[p.id]) for p in people]
    )
    rungs: dict[int, list[Outgoing]] = {}
    for person in people:
        for index, moment in enumerate(reminder_moments(briefing, person, sent=moments[person.id])):
            rungs.setdefault(index + 1, []).append(Outgoing(person.id, person.telegram_id, moment))
    for number, items in rungs.items():
        await uow.outbox.enqueue(REMIND, briefing.id, f"reminder:{number}", items)
    await uow.briefings.save(briefing.with_(status=BriefingStatus.SENT, sent_at=now))
    await uow.audit.record(
        AuditEntry(actor.id, "briefing.send", "briefing", briefing.id, now, {"to": len(people)})
    )
    return len(people)


async def is_recipient(uow: UnitOfWork, person: Person, briefing_id: int) -> bool:
    statuses = await uow.outbox.statuses(ASK, briefing_id, "ask")
    return statuses.get(person.id) == "sent"


async def as_recipient(uow: UnitOfWork, actor: Person, briefing_id: int) -> Briefing:
    briefing = await _load(uow, briefing_id)
    if not await is_recipient(uow, actor, briefing_id):
        raise Forbidden()
    return briefing


async def answer(
    uow: UnitOfWork,
    actor: Person,
    briefing_id: int,
    question_id: int,
    *,
    kind: AnswerKind,
    now: datetime,
    text: str | None = None,
    file_id: str | None = None,
    file_name: str | None = None,
) -> tuple[Briefing, bool]:
    """Record (or replace) the actor's answer; returns the briefing and whether it was a
    change of an earlier answer."""
    briefing = await as_recipient(uow, actor, briefing_id)
    if not briefing.open_for_answers(now):
        raise InvalidInput("error-briefing-closed")
    question = briefing.question(question_id)
    if question is None:
        raise NotFound()
    if kind is AnswerKind.CHOICE:
        if text not in question.options:
            raise InvalidInput()
    elif question.has_buttons:
        raise InvalidInput("error-use-answer-buttons")
    elif kind is AnswerKind.TEXT:
        text = clean_answer(text or "")
    elif file_id is None:
        raise InvalidInput()
    elif text:
        text = clean_answer(text)
    changed = await uow.briefings.save_answer(
        Answer(question.id, actor.id, kind, text, file_id, file_name, now)
    )
    return briefing, changed


async def own_answers(uow: UnitOfWork, actor: Person, briefing_id: int) -> dict[int, Answer]:
    await as_recipient(uow, actor, briefing_id)
    return {a.question_id: a for a in await uow.briefings.answers(briefing_id, person_id=actor.id)}


@dataclass(frozen=True, slots=True)
class Summary:
    briefing: Briefing
    campaign: Campaign
    progress: Progress
    answers: Sequence[Answer]
    people: dict[int, Person]


async def summary(uow: UnitOfWork, actor: Person, briefing_id: int) -> Summary:
    briefing, campaign = await manageable(uow, actor, briefing_id)
    statuses = await uow.outbox.statuses(ASK, briefing.id, "ask")
    people = {p.id: p for p in await uow.people.many(list(statuses))}
    answers = await uow.briefings.answers(briefing.id)
    # Everyone it is going to, not only those it has reached yet (right after sending, most
    # rows are still pending); the unreachable are left out.
    reached = [
        p for pid, p in people.items() if statuses.get(pid) in ("pending", "sending", "sent")
    ]
    return Summary(briefing, campaign, progress(briefing, reached, answers), answers, people)


async def unanswered(uow: UnitOfWork, briefing_id: int, person_id: int) -> list[int]:
    """Question ids the person has not answered yet (for reminders and the 'all' flow)."""
    briefing = await _load(uow, briefing_id)
    done = {a.question_id for a in await uow.briefings.answers(briefing_id, person_id=person_id)}
    return [q.id for q in briefing.questions if q.id not in done]
