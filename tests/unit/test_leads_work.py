"""The work on a lead, on the in-memory fakes: assignment and round-robin, taking, outcomes,
returns, disputes (window, cap, evidence, approval), verdicts, the sweeps and the notices."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.leads import (
    assignment,
    disputing,
    kinds,
    notices,
    queries,
    reminders,
    verdicts,
    working,
)
from domain.leads.access import Sight
from domain.leads.assignment import Scope
from domain.leads.flows import DisputeEvidence, Ruling, Target
from domain.leads.model import (
    DisputeStatus,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    HistoryEntry,
    LeadStatus,
    LossReason,
    ReturnReason,
    Verdict,
)
from domain.leads.notices import Why
from domain.leads.working import CommentAsked, Returned
from tests.support.builders.leads import a_dispute, a_sales_lead
from tests.support.builders.people import NOW, a_rep
from tests.support.fakes.leads import Scene, a_scene
from tests.support.fakes.shared import Row


class Due:
    def __init__(self, row: Row) -> None:
        self.kind, self.ref_id, self.batch, self.person_id = (
            row.kind,
            row.ref_id,
            row.batch,
            row.person_id,
        )


def given(
    scene: Scene, *, rep: int = 10, team: int = 1, status: LeadStatus = LeadStatus.NEW, lid: int = 1
) -> None:
    """A lead assigned to ``rep`` at NOW, as assignment would have left it."""
    scene.leads.put(a_sales_lead(lid, status=status, rep=rep, team=team))
    scene.leads.events.append(
        HistoryEntry(lid, NOW, 2, EventKind.ASSIGNED, {"rep": rep, "team": team})
    )


# --- assignment ----------------------------------------------------------------------------------


async def test_round_robin_takes_turns_and_skips_away_and_deactivated_reps() -> None:
    scene = a_scene()
    scene.uow.people.put(a_rep(13, team=1), a_rep(14, team=1, active=False))
    await scene.uow.people.add_away(11, starts_at=NOW, ends_at=NOW + timedelta(days=1), now=NOW)
    for lid in (1, 2, 3):
        scene.leads.put(a_sales_lead(lid))
    holders = []
    for lid in (1, 2, 3):
        async with scene.uow as uow:
            done = await assignment.assign_in_turn(
                uow, actor=scene.marketer, lead_id=lid, scope=Scope(team_id=1), now=NOW
            )
        holders.append(done.rep.id)
    assert holders == [10, 13, 10]
    assert scene.uow.outbox.recipients(kinds.CARD) == {10, 13}


async def test_nobody_to_take_it_is_said() -> None:
    scene = a_scene()
    scene.leads.put(a_sales_lead(1))
    with pytest.raises(InvalidInput, match="error-lead-nobody"):
        await assignment.assign_in_turn(
            scene.uow, actor=scene.marketer, lead_id=1, scope=Scope(region="Сибирь"), now=NOW
        )


async def test_a_team_lead_reassigns_within_the_team_only() -> None:
    scene = a_scene()
    given(scene)
    async with scene.uow as uow:
        done = await assignment.assign_to(uow, actor=scene.lead, lead_id=1, rep_id=11, now=NOW)
    assert done.lead.assignment_no == 2 and done.rep.id == 11
    assert scene.leads.kinds_of(1) == [EventKind.ASSIGNED, EventKind.REASSIGNED]
    with pytest.raises(Forbidden):
        await assignment.assign_to(scene.uow, actor=scene.lead, lead_id=1, rep_id=12, now=NOW)
    with pytest.raises(Forbidden):
        await assignment.assign_in_turn(
            scene.uow, actor=scene.lead, lead_id=1, scope=Scope(team_id=2), now=NOW
        )
    with pytest.raises(Forbidden):
        await assignment.assign_to(scene.uow, actor=scene.reps[0], lead_id=1, rep_id=11, now=NOW)


# --- the rep's card ------------------------------------------------------------------------------


async def test_the_rep_takes_the_lead_and_records_outcomes() -> None:
    scene = a_scene()
    given(scene)
    rep = scene.reps[0]
    async with scene.uow as uow:
        card = await working.take(uow, actor=rep, lead_id=1, now=NOW)
    assert card.lead.status is LeadStatus.TAKEN and card.lead.first_action_at == NOW
    assert card.outcomes == (Event.CONTACT, Event.MEET, Event.WIN, Event.LOSE)
    with pytest.raises(InvalidInput, match="error-lead-loss-reason"):
        await working.record_outcome(scene.uow, actor=rep, lead_id=1, event=Event.LOSE, now=NOW)
    async with scene.uow as uow:
        card = await working.record_outcome(
            uow, actor=rep, lead_id=1, event=Event.LOSE, now=NOW, loss_reason=LossReason.COMPETITOR
        )
    assert card.lead.status is LeadStatus.LOST and card.lead.loss_reason is LossReason.COMPETITOR
    with pytest.raises(InvalidInput):
        await working.record_outcome(scene.uow, actor=rep, lead_id=1, event=Event.WIN, now=NOW)


async def test_only_the_holder_works_a_lead() -> None:
    scene = a_scene()
    given(scene)
    for someone in (scene.reps[1], scene.marketer, scene.lead):
        with pytest.raises(Forbidden):
            await working.take(scene.uow, actor=someone, lead_id=1, now=NOW)
    with pytest.raises(NotFound):
        await working.take(scene.uow, actor=scene.reps[0], lead_id=99, now=NOW)


async def test_a_returned_lead_goes_to_the_next_rep_and_then_to_whoever_brought_it() -> None:
    scene = a_scene()
    given(scene)
    async with scene.uow as uow:
        done = await working.return_lead(
            uow, actor=scene.reps[0], lead_id=1, reason=ReturnReason.TERRITORY, now=NOW
        )
    assert isinstance(done, Returned) and done.next_rep == scene.reps[1]
    async with scene.uow as uow:
        asked = await working.return_lead(
            uow, actor=scene.reps[1], lead_id=1, reason=ReturnReason.OTHER, now=NOW
        )
    assert isinstance(asked, CommentAsked)
    async with scene.uow as uow:
        done = await working.return_with_comment(uow, actor=scene.reps[1], text="No", now=NOW)
    assert done.next_rep is None and done.lead.status is LeadStatus.UNASSIGNED
    assert scene.uow.outbox.recipients(kinds.ORPHAN) == {scene.marketer.id}


# --- disputes ------------------------------------------------------------------------------------


async def test_a_dispute_in_three_taps_with_evidence() -> None:
    scene = a_scene()
    given(scene)
    rep = scene.reps[0]
    found = await disputing.grounds(scene.uow, actor=rep, lead_id=1, now=NOW)
    assert [c.number for c in found.clauses] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert not found.over_cap
    async with scene.uow as uow:
        opened = await disputing.open_dispute(uow, actor=rep, lead_id=1, clause="1.2", now=NOW)
    assert opened.dispute.status is DisputeStatus.OPEN and opened.dispute.version == 1
    # The analysts hear of it at once.
    assert scene.uow.outbox.recipients(kinds.NEW_DISPUTE) == {scene.analyst.id}
    assert await scene.uow.flows.get(rep.id) == DisputeEvidence(opened.dispute.id)
    async with scene.uow as uow:
        kept = await disputing.add_evidence(
            uow, actor=rep, now=NOW, text="see", evidence=Evidence(EvidenceKind.PHOTO, "F1")
        )
    assert kept.note == "see" and kept.evidence == Evidence(EvidenceKind.PHOTO, "F1")
    assert (await scene.leads.get(1)).status is LeadStatus.DISPUTED  # type: ignore[union-attr]
    assert await scene.uow.flows.get(rep.id) is None
    # ✅ Done: the card as the rep sees it now; nobody else may finish the rep's dispute.
    async with scene.uow as uow:
        sent = await disputing.finish(uow, actor=rep, dispute_id=opened.dispute.id, now=NOW)
    assert sent.card.lead.status is LeadStatus.DISPUTED and sent.card.mine
    assert sent.card.outcomes == () and not sent.awaiting_approval
    with pytest.raises(NotFound):
        await disputing.finish(
            scene.uow, actor=scene.reps[1], dispute_id=opened.dispute.id, now=NOW
        )


async def test_a_dispute_needs_a_ground_within_the_window() -> None:
    scene = a_scene()
    given(scene)
    rep = scene.reps[0]
    with pytest.raises(NotFound):
        await disputing.open_dispute(scene.uow, actor=rep, lead_id=1, clause="3.1", now=NOW)
    with pytest.raises(InvalidInput, match="error-dispute-window"):
        await disputing.grounds(scene.uow, actor=rep, lead_id=1, now=NOW + timedelta(hours=73))


async def test_over_the_cap_the_team_lead_approves_or_declines_first() -> None:
    scene = a_scene()
    rep = scene.reps[0]
    for lid in (1, 2):
        async with scene.uow as uow:
            scene.leads.put(a_sales_lead(lid))
            await assignment.assign_to(uow, actor=scene.marketer, lead_id=lid, rep_id=rep.id,
                                       now=NOW)  # fmt: skip
    async with scene.uow as uow:
        first = await disputing.open_dispute(uow, actor=rep, lead_id=1, clause="1.1", now=NOW)
    async with scene.uow as uow:
        second = await disputing.open_dispute(uow, actor=rep, lead_id=2, clause="1.1", now=NOW)
    assert not first.needs_approval and second.needs_approval
    sent = await disputing.finish(scene.uow, actor=rep, dispute_id=2, now=NOW)
    assert sent.awaiting_approval
    assert scene.uow.outbox.recipients(kinds.APPROVAL) == {scene.lead.id}
    assert scene.uow.outbox.recipients(kinds.NEW_DISPUTE, ref_id=2) == set()
    with pytest.raises(Forbidden):
        await disputing.approve(scene.uow, actor=scene.reps[1], dispute_id=2, now=NOW)
    async with scene.uow as uow:
        declined = await disputing.decline(uow, actor=scene.lead, dispute_id=2, now=NOW)
    assert declined.status is DisputeStatus.DECLINED
    lead = await scene.leads.get(2)
    assert lead is not None and lead.status is LeadStatus.NEW and lead.assignee_id == rep.id
    assert lead.assignment_no == 2  # a fresh clock and a new card


# --- verdicts ------------------------------------------------------------------------------------


async def rule(scene: Scene, verdict: Verdict, **change: object) -> verdicts.Ruled:
    async with scene.uow as uow:
        screen = await verdicts.begin(
            uow, actor=scene.analyst, dispute_id=1, verdict=verdict, now=NOW
        )
    assert screen.clause.number == "1.1"
    if change:
        async with scene.uow as uow:
            await verdicts.change(uow, actor=scene.analyst, now=NOW, **change)  # type: ignore[arg-type]
    async with scene.uow as uow:
        return await verdicts.rule(uow, actor=scene.analyst, remark="Checked", now=NOW)


def disputed(scene: Scene) -> None:
    given(scene, status=LeadStatus.DISPUTED)
    scene.disputes.by_id[1] = a_dispute(1)


async def test_upholding_disqualifies_the_lead_and_tells_the_rep_and_the_marketer() -> None:
    scene = a_scene()
    disputed(scene)
    ruled = await rule(scene, Verdict.UPHOLD, clause="1.3")
    assert ruled.lead.status is LeadStatus.DISQUALIFIED
    assert ruled.dispute.verdict_clause == "1.3" and ruled.dispute.remark == "Checked"
    assert scene.uow.outbox.recipients(kinds.VERDICT, batch=kinds.VERDICT_REP) == {10}
    assert scene.uow.outbox.recipients(kinds.VERDICT, batch=kinds.VERDICT_SOURCE) == {2}
    with pytest.raises(InvalidInput, match="error-dispute-decided"):
        await verdicts.begin(scene.uow, actor=scene.analyst, dispute_id=1,
                             verdict=Verdict.UPHOLD, now=NOW)  # fmt: skip


async def test_overturning_sends_the_lead_back_into_work_where_the_analyst_says() -> None:
    scene = a_scene()
    disputed(scene)
    ruled = await rule(scene, Verdict.OVERTURN, target=Target.ROTATION)
    assert ruled.assignee == scene.reps[1]
    assert ruled.lead.status is LeadStatus.NEW and ruled.lead.sla_started_at == NOW
    assert scene.leads.kinds_of(1)[-1] is EventKind.OVERTURNED
    assert scene.uow.outbox.recipients(kinds.CARD) == {11}
    assert await scene.uow.flows.get(scene.analyst.id) is None


async def test_only_analysts_and_admins_rule() -> None:
    scene = a_scene()
    disputed(scene)
    for someone in (scene.reps[0], scene.marketer, scene.lead):
        with pytest.raises(Forbidden):
            await verdicts.queue(scene.uow, actor=someone, now=NOW)
        with pytest.raises(Forbidden):
            await verdicts.begin(scene.uow, actor=someone, dispute_id=1,
                                 verdict=Verdict.UPHOLD, now=NOW)  # fmt: skip
    waiting = await verdicts.queue(scene.uow, actor=scene.admin, now=NOW)
    assert [w.dispute.id for w in waiting] == [1]
    # 12:00 in Moscow + 9 working hours: six on Tuesday, three on Wednesday.
    assert waiting[0].due == NOW + timedelta(days=1)


async def test_the_queue_is_oldest_first_and_a_ruling_keeps_its_choices() -> None:
    scene = a_scene()
    for lid, age in ((1, 1), (2, 5)):
        given(scene, lid=lid, status=LeadStatus.DISPUTED)
        scene.disputes.by_id[lid] = a_dispute(lid, lead=lid, at=NOW - timedelta(hours=age))
    waiting = await verdicts.queue(scene.uow, actor=scene.analyst, now=NOW)
    assert [w.dispute.id for w in waiting] == [2, 1]
    async with scene.uow as uow:
        await verdicts.begin(uow, actor=scene.analyst, dispute_id=2, verdict=Verdict.OVERTURN,
                             now=NOW)  # fmt: skip
    async with scene.uow as uow:
        await verdicts.change(uow, actor=scene.analyst, target=Target.REP, rep_id=11, now=NOW)
    assert await scene.uow.flows.get(scene.analyst.id) == Ruling(
        2, Verdict.OVERTURN, "1.1", Target.REP, 11
    )


# --- sweeps and notices --------------------------------------------------------------------------


async def test_the_first_action_sweep_reminds_once_at_the_deadline() -> None:
    scene = a_scene()
    given(scene)
    assert await reminders.first_action(scene.uow, NOW + timedelta(hours=1, minutes=59)) == 0
    later = NOW + timedelta(hours=2)
    assert await reminders.first_action(scene.uow, later) == 1
    assert await reminders.first_action(scene.uow, later) == 0
    assert scene.uow.outbox.recipients(kinds.REMIND) == {10}
    assert scene.uow.outbox.recipients(kinds.ALERT) == {scene.lead.id}
    [row] = scene.uow.outbox.queued(kinds.REMIND)
    late = await notices.reminder(scene.uow, Due(row), later)
    assert late is not None and late.deadline == later


async def test_an_away_rep_is_not_reminded_and_their_clock_pauses() -> None:
    scene = a_scene()
    given(scene)
    await scene.uow.people.add_away(10, starts_at=NOW + timedelta(hours=1),
                                    ends_at=NOW + timedelta(days=2), now=NOW)  # fmt: skip
    assert await reminders.first_action(scene.uow, NOW + timedelta(hours=5)) == 0
    card = await queries.card(scene.uow, actor=scene.reps[0], lead_id=1, now=NOW)
    # One working hour before the absence, the second one after it (Thursday 10:00 Moscow).
    assert card.deadline == NOW + timedelta(days=2, hours=1)


async def test_the_decision_sweep_reminds_analysts_then_alerts_admins() -> None:
    scene = a_scene()
    disputed(scene)
    await reminders.decisions(scene.uow, NOW + timedelta(hours=23))
    assert scene.uow.outbox.recipients(kinds.DISPUTE_REMIND) == set()
    await reminders.decisions(scene.uow, NOW + timedelta(days=1))
    assert scene.uow.outbox.recipients(kinds.DISPUTE_REMIND) == {scene.analyst.id}
    assert scene.uow.outbox.recipients(kinds.DISPUTE_ALERT) == set()
    await reminders.decisions(scene.uow, NOW + timedelta(days=2))
    assert scene.uow.outbox.recipients(kinds.DISPUTE_ALERT) == {scene.admin.id}


async def test_a_card_notice_goes_only_while_the_lead_is_still_new_and_the_reps() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        scene.leads.put(a_sales_lead(1))
        await assignment.assign_to(uow, actor=scene.marketer, lead_id=1, rep_id=10, now=NOW)
    [row] = scene.uow.outbox.queued(kinds.CARD)
    notice = await notices.card(scene.uow, Due(row), NOW)
    assert isinstance(notice, notices.CardNotice)
    assert notice.card.deadline == NOW + timedelta(hours=2)
    async with scene.uow as uow:
        await working.take(uow, actor=scene.reps[0], lead_id=1, now=NOW)
    assert await notices.card(scene.uow, Due(row), NOW) == notices.MOVED_ON


# --- what people see -----------------------------------------------------------------------------


async def test_each_sees_their_scope_and_a_former_holder_no_contacts() -> None:
    scene = a_scene()
    given(scene, lid=1, rep=10)
    given(scene, lid=2, rep=12, team=2)
    mine = await queries.overview(scene.uow, actor=scene.reps[0], now=NOW)
    team = await queries.overview(scene.uow, actor=scene.lead, now=NOW)
    everything = await queries.overview(scene.uow, actor=scene.analyst, now=NOW)
    assert (mine.total, team.total, everything.total) == (1, 1, 2)
    assert not mine.may_export and team.may_export and everything.may_filter
    async with scene.uow as uow:
        await working.return_lead(
            uow, actor=scene.reps[0], lead_id=1, reason=ReturnReason.CANNOT_HANDLE, now=NOW
        )
    card = await queries.card(scene.uow, actor=scene.reps[0], lead_id=1, now=NOW)
    assert card.sight is Sight.FORMER and not card.shows_contacts and card.history == ()
    with pytest.raises(Forbidden):
        await queries.card(scene.uow, actor=scene.reps[2], lead_id=1, now=NOW)


async def test_the_verdict_notice_goes_to_both_sides_with_the_clause_as_it_was() -> None:
    scene = a_scene()
    disputed(scene)
    await rule(scene, Verdict.UPHOLD)
    rows = scene.uow.outbox.queued(kinds.VERDICT)
    found = {row.batch: await notices.verdict(scene.uow, Due(row), NOW) for row in rows}
    to_rep, to_source = found[kinds.VERDICT_REP], found[kinds.VERDICT_SOURCE]
    assert to_rep is not None and to_rep.to_rep and to_rep.recipient == scene.reps[0]
    assert to_source is not None and not to_source.to_rep
    assert to_source.clause is not None and to_source.clause.title == "Wrong or unreachable contact"
    assert to_source.analyst == scene.analyst


async def test_an_approval_notice_goes_only_while_the_dispute_waits_for_it() -> None:
    scene = a_scene()
    given(scene, status=LeadStatus.DISPUTED)
    scene.disputes.by_id[1] = a_dispute(1, status=DisputeStatus.APPROVAL)
    row = Row(kinds.APPROVAL, 1, kinds.APPROVAL_BATCH, scene.lead.id, 1004, NOW)
    notice = await notices.approval(scene.uow, Due(row), NOW)
    assert isinstance(notice, notices.DisputeNotice)
    assert notice.rep == scene.reps[0] and notice.why is Why.APPROVAL
    async with scene.uow as uow:
        await disputing.approve(uow, actor=scene.lead, dispute_id=1, now=NOW)
    assert await notices.approval(scene.uow, Due(row), NOW) == notices.DECIDED
    assert (await scene.disputes.get(1)).status is DisputeStatus.OPEN  # type: ignore[union-attr]


async def test_lists_pages_filters_and_search_in_the_persons_scope() -> None:
    scene = a_scene()
    for lid in range(1, 11):
        given(scene, lid=lid, rep=10 if lid % 2 else 11)
    page = await queries.lead_page(scene.uow, actor=scene.lead, status=None, page=1)
    assert (page.number, page.pages, page.total) == (1, 2, 10)
    assert [lead.id for lead in page.leads] == [2, 1]
    mine = await queries.lead_page(scene.uow, actor=scene.reps[0], status=LeadStatus.NEW, page=0)
    assert mine.total == 5
    with pytest.raises(NotFound):
        await queries.lead_page(scene.uow, actor=scene.reps[0], status=None, page=0, source_index=0)
    found = await queries.filters(scene.uow, actor=scene.marketer)
    assert found.sources == ["Site"]
    sited = await queries.overview(scene.uow, actor=scene.marketer, now=NOW, source_index=0)
    assert sited.total == 10 and sited.where.source == "Site"
    await queries.start_search(scene.uow, actor=scene.reps[0], now=NOW)
    hits = await queries.search(scene.uow, actor=scene.reps[0], text="lead 1")
    assert [lead.id for lead in hits] == [1]  # "Lead 10" is Vera's
    await scene.uow.people.add_away(11, starts_at=NOW, ends_at=NOW + timedelta(days=1), now=NOW)
    view = await queries.overview(scene.uow, actor=scene.lead, now=NOW)
    assert [(p.id, period.person_id) for p, period in view.away] == [(11, 11)]
