"""The regulation's use cases on the fakes: seeding, reading versions, editing the draft,
publishing with acknowledgements and their figures; and /away."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.leads import kinds, notices, regulating
from domain.leads.flows import ClauseEdit, PublishSummary, StepGone
from domain.leads.regulation import ClauseKind, Setting
from domain.people import away
from domain.people import flows as people_flows
from domain.people.away import AwayNotice
from domain.people.flows import TypingAway
from domain.people.model import Language, is_away
from domain.ports import Skip
from tests.support.builders.people import NOW
from tests.support.fakes.leads import FakeRegulationRepo, Scene, a_scene
from tests.support.fakes.shared import Row


class Due:
    def __init__(self, row: Row) -> None:
        self.kind, self.ref_id, self.batch, self.person_id = (
            row.kind,
            row.ref_id,
            row.batch,
            row.person_id,
        )


async def test_a_new_company_gets_version_1_in_its_language_once() -> None:
    scene = a_scene()
    scene.uow._features["regulation"] = FakeRegulationRepo()  # a company with none yet
    assert await regulating.seed(scene.uow, language=Language.RU, now=NOW)
    assert not await regulating.seed(scene.uow, language=Language.EN, now=NOW)
    current = await regulating.current(scene.uow)
    assert current.version == 1 and current.clause("1.2").title == "Дубликат"
    assert [c.number for c in current.grounds(ClauseKind.NONE)] == ["3.1", "3.2"]


async def test_everyone_reads_it_and_only_editors_may_edit() -> None:
    scene = a_scene()
    view = await regulating.view(scene.uow, actor=scene.reps[0])
    assert view.regulation.version == 1 and not view.may_edit and not view.acknowledged
    assert (await regulating.view(scene.uow, actor=scene.analyst)).may_edit
    for someone in (scene.reps[0], scene.marketer, scene.lead):
        with pytest.raises(Forbidden):
            await regulating.draft(scene.uow, actor=someone, now=NOW)
    with pytest.raises(NotFound):
        await regulating.view(scene.uow, actor=scene.reps[0], version=7)


async def edit(scene: Scene, *texts: str) -> regulating.ClauseStep:
    step = None
    for text in texts:
        async with scene.uow as uow:
            step = await regulating.type_clause(uow, actor=scene.analyst, text=text, now=NOW)
    assert step is not None
    return step


async def test_the_draft_is_edited_clause_by_clause_and_setting_by_setting() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        draft = await regulating.draft(uow, actor=scene.analyst, now=NOW)
    assert draft.version == 2 and draft.is_draft and len(draft.clauses) == 11
    async with scene.uow as uow:
        state, _ = await regulating.start_clause(
            uow, actor=scene.analyst, kind=ClauseKind.DISPUTE, number=None, now=NOW
        )
    assert state == ClauseEdit(ClauseKind.DISPUTE)
    step = await edit(scene, "  Fake  company ", "The company does not exist.")
    assert step.clause is not None and step.clause.number == "1.7"
    assert step.clause.title == "Fake company"
    async with scene.uow as uow:
        await regulating.start_clause(uow, actor=scene.analyst, kind=None, number="1.1", now=NOW)
    step = await edit(scene, "Wrong contact", "Shorter.")
    assert step.regulation is not None and step.regulation.clause("1.1").body == "Shorter."
    async with scene.uow as uow:
        after = await regulating.retire_clause(uow, actor=scene.analyst, number="1.6", now=NOW)
    assert "1.6" not in [c.number for c in after.clauses]
    async with scene.uow as uow:
        await regulating.start_setting(uow, actor=scene.analyst, setting=Setting.CAP, now=NOW)
    with pytest.raises(InvalidInput, match="error-regulation-range"):
        await regulating.type_setting(scene.uow, actor=scene.analyst, text="0", now=NOW)
    async with scene.uow as uow:
        changed = await regulating.type_setting(uow, actor=scene.analyst, text="30", now=NOW)
    assert changed.settings.dispute_cap_percent == 30
    # Version 1 is untouched.
    first = await scene.regulation.get(1)
    assert first is not None and first.clause("1.1").body.startswith("The phone does not exist")
    assert first.settings.dispute_cap_percent == 20


async def test_publishing_sends_the_summary_to_reps_leads_and_marketers_to_acknowledge() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        await regulating.draft(uow, actor=scene.admin, now=NOW)
    with pytest.raises(StepGone):
        await regulating.publish(scene.uow, actor=scene.admin, summary="x", now=NOW)
    async with scene.uow as uow:
        _, replaced = await regulating.start_publish(uow, actor=scene.admin, now=NOW)
    assert replaced is None
    assert await scene.uow.flows.get(scene.admin.id) == PublishSummary()
    async with scene.uow as uow:
        done = await regulating.publish(uow, actor=scene.admin, summary="Nothing", now=NOW)
    assert done.regulation.version == 2 and done.readers == 5  # 3 reps, a lead, a marketer
    readers = scene.uow.outbox.recipients(kinds.REGULATION, ref_id=2)
    assert scene.analyst.id not in readers and scene.marketer.id in readers
    assert (await regulating.current(scene.uow)).version == 2
    scene.uow.outbox.send_all(kinds.REGULATION)
    async with scene.uow as uow:
        await regulating.acknowledge(uow, actor=scene.reps[0], version=2, now=NOW)
        await regulating.acknowledge(uow, actor=scene.reps[0], version=2, now=NOW)
    found = await regulating.read_figures(scene.uow, actor=scene.admin, version=2)
    assert (found.figures.total.recipients, found.figures.total.acknowledged) == (5, 1)
    assert scene.reps[0] not in found.figures.total.not_acknowledged
    [row] = [r for r in scene.uow.outbox.queued(kinds.REGULATION) if r.person_id == 10]
    notice = await notices.published(scene.uow, Due(row), NOW)
    assert isinstance(notice, notices.RegulationNotice)
    assert notice.regulation.summary == "Nothing"


async def test_a_draft_without_grounds_for_a_dispute_cannot_be_published() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        draft = await regulating.draft(uow, actor=scene.admin, now=NOW)
    for clause in draft.grounds(ClauseKind.DISPUTE):
        async with scene.uow as uow:
            await regulating.retire_clause(uow, actor=scene.admin, number=clause.number, now=NOW)
    with pytest.raises(InvalidInput, match="error-regulation-no-grounds"):
        await regulating.start_publish(scene.uow, actor=scene.admin, now=NOW)


# --- /away ---------------------------------------------------------------------------------------


async def test_a_preset_period_and_its_notice_to_the_team_lead() -> None:
    scene = a_scene()
    rep = scene.reps[0]
    async with scene.uow as uow:
        period = await away.set_away(uow, actor=rep, days=3, now=NOW)
    # From now to the end of the third day in the rep's zone (Moscow).
    assert period.starts_at == NOW and period.ends_at == NOW + timedelta(days=2, hours=12)
    view = await away.overview(scene.uow, actor=rep, now=NOW)
    assert view.away_now and is_away(view.periods, NOW)
    [row] = scene.uow.outbox.queued(away.NOTICE)
    assert row.person_id == scene.lead.id
    notice = await away.away_notice(scene.uow, Due(row), NOW)
    assert isinstance(notice, AwayNotice) and notice.person == rep
    async with scene.uow as uow:
        assert await away.back(uow, actor=rep, now=NOW + timedelta(hours=1)) == 1
    assert not (await away.overview(scene.uow, actor=rep, now=NOW + timedelta(hours=2))).away_now
    assert await away.away_notice(scene.uow, Due(row), NOW + timedelta(hours=2)) == Skip(
        "away-ended"
    )


async def test_typed_dates_are_read_in_the_persons_zone() -> None:
    scene = a_scene()
    rep = scene.reps[0]
    with pytest.raises(people_flows.StepGone):
        await away.set_away(scene.uow, actor=rep, text="01.12-05.12", now=NOW)
    async with scene.uow as uow:
        await away.start_typing(uow, actor=rep, now=NOW)
    assert await scene.uow.flows.get(rep.id) == TypingAway()
    with pytest.raises(InvalidInput, match="error-away-order"):
        await away.set_away(scene.uow, actor=rep, text="05.12-01.12", now=NOW)
    async with scene.uow as uow:
        period = await away.set_away(uow, actor=rep, text="01.12-05.12", now=NOW)
    # 1 December 00:00 to 6 December 00:00 in Moscow.
    assert period.starts_at == NOW + timedelta(days=6, hours=12)
    assert period.ends_at - period.starts_at == timedelta(days=5)
