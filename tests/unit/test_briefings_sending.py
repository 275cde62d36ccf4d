"""Sending a briefing request: to whom, when, the reminders queued after it, and refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.briefings import sending
from domain.briefings.kinds import ASK, REMIND
from domain.briefings.model import BriefingStatus
from domain.campaigns.model import Audience
from domain.errors import Forbidden, InvalidInput
from domain.people.model import Team
from tests.support.builders.briefings import ALL_REPS, a_briefing, a_campaign_to_brief, a_question
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import briefing_uow

MARKETER = a_marketer(1)
LEAD = a_lead(3, team=2)
REPS = [
    a_rep(4, team=1),
    a_rep(5, team=1, quiet="11:00-13:00"),  # 12:00 in Moscow at NOW: quiet
    a_rep(6, team=2, tz="Asia/Novosibirsk"),
    a_rep(7, team=2, active=False),
]
TEAMS = [
    Team(1, "Moscow", "Centre", "Europe/Moscow"),
    Team(2, "Siberia", "NSK", "Asia/Novosibirsk"),
]
QUESTIONS = (a_question(1), a_question(2, 2, "Yes", "No"))


def world(audience: Audience = ALL_REPS, **briefing: Any) -> FakeUnitOfWork:
    return briefing_uow(
        campaigns=[a_campaign_to_brief(1, audience=audience)],
        briefings=[a_briefing(1, **{"questions": QUESTIONS, **briefing})],
        people=[MARKETER, LEAD, *REPS],
        teams=TEAMS,
    )


async def test_the_request_goes_to_every_active_person_of_the_audience_at_once() -> None:
    uow = world()
    async with uow:
        sent = await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert sent.reached == 3
    rows = {row.person_id: row.due_at for row in uow.outbox.queued(ASK, ref_id=1, batch="ask")}
    # Rep 5 is in quiet hours until 13:00 Moscow (10:00 UTC).
    assert rows == {4: NOW, 5: datetime(2026, 11, 24, 10, tzinfo=UTC), 6: NOW}
    briefing = await uow.briefings.get(1)
    assert briefing is not None and briefing.status is BriefingStatus.SENT
    assert briefing.sent_at == NOW
    assert uow.audit.entries[-1].action == "briefing.send"
    assert uow.audit.entries[-1].details == {"to": 3}


async def test_reminders_are_queued_a_day_later_and_on_the_eve_of_the_deadline() -> None:
    uow = world()
    await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    first = {r.person_id: r.due_at for r in uow.outbox.queued(REMIND, batch="reminder:1")}
    second = {r.person_id: r.due_at for r in uow.outbox.queued(REMIND, batch="reminder:2")}
    assert first[4] == NOW + timedelta(hours=24)
    assert first[5] == datetime(2026, 11, 25, 10, tzinfo=UTC)  # 24 h after its own request
    # The deadline is the 27th, 09:00 UTC: 10:00 on the 26th in each person's zone.
    assert second[4] == datetime(2026, 11, 26, 7, tzinfo=UTC)
    assert second[6] == datetime(2026, 11, 26, 3, tzinfo=UTC)


async def test_the_progress_right_after_sending_counts_everyone_it_is_going_to() -> None:
    uow = world()
    sent = await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert (sent.report.progress.recipients, sent.report.progress.answered) == (3, 0)


async def test_a_briefing_with_its_own_audience_goes_to_that_audience() -> None:
    uow = world(audience=Audience(team_ids=frozenset({2})))
    sent = await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert sent.reached == 2
    assert uow.outbox.recipients(ASK) == {LEAD.id, 6}


async def test_a_briefing_needs_someone_to_ask() -> None:
    uow = briefing_uow(
        campaigns=[a_campaign_to_brief(1, audience=Audience())],
        briefings=[a_briefing(1, questions=QUESTIONS)],
        people=[MARKETER, *REPS],
    )
    with pytest.raises(InvalidInput) as none_chosen:
        await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert none_chosen.value.key == "error-briefing-no-audience"
    nobody = world(audience=Audience(team_ids=frozenset({9})))
    with pytest.raises(InvalidInput) as empty:
        await sending.send(nobody, actor=MARKETER, briefing_id=1, now=NOW)
    assert empty.value.key == "error-audience-empty"
    assert nobody.outbox.rows == {}


@pytest.mark.parametrize(
    ("briefing", "key"),
    [
        ({"questions": ()}, "error-briefing-no-questions"),
        ({"deadline": None}, "error-briefing-no-deadline"),
        ({"deadline": NOW - timedelta(minutes=1)}, "error-deadline-past"),
        ({"status": BriefingStatus.SENT}, "error-briefing-sent"),
    ],
)
async def test_an_incomplete_or_sent_briefing_is_not_sent(
    briefing: dict[str, Any], key: str
) -> None:
    uow = world(**briefing)
    with pytest.raises(InvalidInput) as caught:
        await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert caught.value.key == key
    assert uow.outbox.rows == {}


async def test_a_rep_cannot_send_a_briefing() -> None:
    with pytest.raises(Forbidden):
        await sending.send(world(), actor=REPS[0], briefing_id=1, now=NOW)


async def test_every_request_loses_its_buttons_at_the_deadline() -> None:
    from domain.briefings.kinds import CLOSE

    uow = world()
    await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    asked = {r.person_id for r in uow.outbox.queued(ASK)}
    closing = uow.outbox.queued(CLOSE, batch="close")
    briefing = await uow.briefings.get(1)
    assert briefing is not None and briefing.deadline is not None
    assert {r.person_id for r in closing} == asked
    assert {r.due_at for r in closing} == {briefing.deadline}
