"""What the outbox sends about campaigns: each notice's decisions, made when its row is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain.campaigns import access, notices
from domain.campaigns.kinds import ANNOUNCE, CANCEL, ESCALATE, REFRESH, REMIND, REPORT, UPDATE
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import Announcement
from domain.campaigns.versions import Note, NoteKind
from domain.ports import Outgoing, Skip
from tests.support.builders.campaigns import (
    ANNA,
    BORIS,
    GLEB,
    LEAD,
    MARKETER,
    a_campaign,
    an_org,
)
from tests.support.builders.people import NOW, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow

LATER = NOW + timedelta(days=1)
REPS = (ANNA, BORIS, GLEB)


@dataclass(frozen=True, slots=True)
class Due:
    kind: str
    ref_id: int
    batch: str
    person_id: int


async def sent(campaign: Campaign, *, delivered: tuple[int, ...] = REPS) -> FakeUnitOfWork:
    """Campaign 1, its announcement queued for the three reps and delivered to some."""
    people, teams = an_org()
    uow = campaigns_uow(*people, teams=teams, campaigns=[campaign])
    reps = [p for p in people if p.id in REPS]
    await uow.outbox.enqueue(
        ANNOUNCE, 1, "announce", [Outgoing(p.id, p.telegram_id, NOW) for p in reps]
    )
    for person_id in delivered:
        uow.outbox.mark_sent(ANNOUNCE, 1, "announce", person_id)
    return uow


ANNOUNCED = a_campaign(1, status=Status.ANNOUNCED, announced_at=NOW)


async def test_the_first_scheduled_announcement_to_go_out_marks_the_campaign_announced() -> None:
    uow = await sent(a_campaign(1, status=Status.SCHEDULED), delivered=())
    async with uow:
        value = await notices.announcement(uow, Due(ANNOUNCE, 1, "announce", ANNA), LATER)
    assert value is not None and value.recipient.id == ANNA
    assert value.days_to_launch == 20 and value.acknowledged_at is None
    campaign = await uow.campaigns.get(1)
    assert campaign is not None
    assert campaign.status is Status.ANNOUNCED and campaign.announced_at == LATER
    async with uow:
        await notices.announcement(
            uow, Due(ANNOUNCE, 1, "announce", BORIS), LATER + timedelta(hours=1)
        )
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.announced_at == LATER  # the first one's moment


async def test_no_announcement_for_a_draft_a_cancelled_campaign_or_someone_deactivated() -> None:
    for status, reason in (
        (Status.DRAFT, "not-announced"),
        (Status.CANCELLED, "campaign-cancelled"),
    ):
        uow = await sent(a_campaign(1, status=status), delivered=())
        async with uow:
            skipped = await notices.announcement(uow, Due(ANNOUNCE, 1, "announce", ANNA), NOW)
        assert skipped == Skip(reason)
    uow = await sent(ANNOUNCED, delivered=())
    uow.people.put(a_rep(ANNA, active=False))
    async with uow:
        left = await notices.announcement(uow, Due(ANNOUNCE, 1, "announce", ANNA), NOW)
        gone = await notices.announcement(uow, Due(ANNOUNCE, 9, "announce", BORIS), NOW)
    assert left == Skip("recipient-inactive")
    assert gone == Skip("gone")


async def test_reminders_go_only_to_those_who_have_not_acknowledged_while_announced() -> None:
    uow = await sent(ANNOUNCED)
    await uow.campaigns.acknowledge(1, ANNA, at=NOW)
    due = Due(REMIND, 1, "reminder:1", ANNA)
    async with uow:
        assert await notices.reminder(uow, due, LATER) == Skip("acknowledged")
        boris = await notices.reminder(uow, Due(REMIND, 1, "reminder:1", BORIS), LATER)
    assert isinstance(boris, notices.CampaignReminder)
    assert boris.recipient.id == BORIS and boris.campaign.id == 1
    scheduled = await sent(a_campaign(1, status=Status.SCHEDULED))
    async with scheduled:
        early = await notices.reminder(scheduled, Due(REMIND, 1, "reminder:1", BORIS), LATER)
    assert early == Skip("not-announced")


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=UTC)


async def test_the_day_before_launch_reminder_is_not_sent_from_the_launch_day_on() -> None:
    uow = await sent(ANNOUNCED)
    eve = Due(REMIND, 1, "reminder:2", BORIS)  # rung 2 of the standard ladder
    # 20:00 UTC on the 14th: still the eve in Moscow, already launch day in Novosibirsk.
    async with uow:
        moscow = await notices.reminder(uow, eve, at(14, 20))
        siberia = await notices.reminder(uow, Due(REMIND, 1, "reminder:2", GLEB), at(14, 20))
    assert isinstance(moscow, notices.CampaignReminder)
    assert siberia == Skip("after-launch")


async def test_another_reminder_or_a_leads_alert_is_not_sent_after_the_launch_day() -> None:
    uow = await sent(ANNOUNCED)
    after_a_day = Due(REMIND, 1, "reminder:1", BORIS)
    alert = Due(ESCALATE, 1, "escalate", LEAD)
    async with uow:
        on_launch_day = await notices.reminder(uow, after_a_day, at(15, 15))  # 18:00 Moscow
        lead_on_launch_day = await notices.escalation(uow, alert, at(15, 15))  # 22:00 there
        day_after = await notices.reminder(uow, after_a_day, at(15, 21))  # 00:00 Moscow
        lead_day_after = await notices.escalation(uow, alert, at(15, 17))  # 00:00 there
    assert isinstance(on_launch_day, notices.CampaignReminder)
    assert isinstance(lead_on_launch_day, notices.Escalation)
    assert day_after == lead_day_after == Skip("after-launch")


async def test_a_late_announcement_still_goes_out_even_after_launch() -> None:
    uow = await sent(a_campaign(1, status=Status.SCHEDULED), delivered=())
    async with uow:
        late = await notices.announcement(uow, Due(ANNOUNCE, 1, "announce", ANNA), at(16, 9))
    assert isinstance(late, Announcement) and late.days_to_launch == -1


async def test_a_team_lead_hears_who_in_their_team_is_still_waiting() -> None:
    uow = await sent(ANNOUNCED)
    due = Due(ESCALATE, 1, "escalate", LEAD)
    async with uow:
        value = await notices.escalation(uow, due, LATER)
    assert value is not None and [p.id for p in value.waiting] == [GLEB]
    await uow.campaigns.acknowledge(1, GLEB, at=NOW)
    async with uow:
        assert await notices.escalation(uow, due, LATER) == Skip("all-acknowledged")


async def test_no_escalation_to_someone_no_longer_a_team_lead_or_once_cancelled() -> None:
    uow = await sent(ANNOUNCED)
    uow.people.put(a_rep(LEAD, team=2))
    async with uow:
        demoted = await notices.escalation(uow, Due(ESCALATE, 1, "escalate", LEAD), LATER)
    assert demoted == Skip("not-a-team-lead")
    cancelled = await sent(a_campaign(1, status=Status.CANCELLED))
    async with cancelled:
        late = await notices.escalation(cancelled, Due(ESCALATE, 1, "escalate", LEAD), LATER)
    assert late == Skip("campaign-cancelled")


async def test_an_update_or_the_cancellation_carries_the_note_its_batch_numbers() -> None:
    uow = await sent(ANNOUNCED)
    update = Note(1, NoteKind.UPDATE, "Launch moves")
    cancellation = Note(2, NoteKind.CANCELLATION, "Delayed")
    await uow.campaigns.add_note(1, update, by=MARKETER, at=NOW)
    await uow.campaigns.add_note(1, cancellation, by=MARKETER, at=NOW)
    async with uow:
        first = await notices.change(uow, Due(UPDATE, 1, "update:1", ANNA), LATER)
        second = await notices.change(uow, Due(CANCEL, 1, "update:2", ANNA), LATER)
        missing = await notices.change(uow, Due(UPDATE, 1, "update:3", ANNA), LATER)
    assert first is not None and first.note == update
    assert second is not None and second.note == cancellation
    assert missing == Skip("no-such-note")


async def test_a_refresh_edits_the_announcement_the_person_got_to_its_current_state() -> None:
    uow = await sent(a_campaign(1, status=Status.CANCELLED, revision=1), delivered=(ANNA,))
    await uow.campaigns.acknowledge(1, ANNA, at=NOW)
    async with uow:
        anna = await notices.refresh(uow, Due(REFRESH, 1, "refresh:1", ANNA), LATER)
        boris = await notices.refresh(uow, Due(REFRESH, 1, "refresh:1", BORIS), LATER)
    assert anna is not None and anna.recipient.id == ANNA
    assert anna.message_id == await uow.outbox.message_id(ANNOUNCE, 1, "announce", ANNA)
    assert anna.announcement.campaign.status is Status.CANCELLED
    assert anna.announcement.acknowledged_at == NOW
    assert boris == Skip("not-received")  # his announcement never went out: nothing to edit


async def test_a_faq_count_refresh_redraws_only_the_buttons_with_the_count_then() -> None:
    from domain.campaigns.counts import window_of
    from tests.support.builders.questions import a_question

    uow = await sent(ANNOUNCED, delivered=(ANNA,))
    uow.questions.put(a_question(1, by=ANNA), a_question(2, by=ANNA))
    batch, _ = window_of(NOW)
    async with uow:
        refresh = await notices.refresh(uow, Due(REFRESH, 1, batch, ANNA), LATER)
        update = await notices.refresh(uow, Due(REFRESH, 1, "refresh:1", ANNA), LATER)
    assert isinstance(refresh, notices.Refresh) and isinstance(update, notices.Refresh)
    assert refresh.buttons_only and refresh.announcement.open_questions == 2
    assert not update.buttons_only
    uow.campaigns.put(ANNOUNCED.with_(status=Status.CANCELLED))
    async with uow:
        cancelled = await notices.refresh(uow, Due(REFRESH, 1, batch, ANNA), LATER)
    assert cancelled == Skip("campaign-cancelled")  # no buttons left to count on


async def test_the_delivery_report_counts_who_got_it_and_who_could_not_be_reached() -> None:
    uow = await sent(ANNOUNCED, delivered=(ANNA, GLEB))
    uow.outbox.mark(ANNOUNCE, 1, "announce", BORIS, "unreachable")
    async with uow:
        report = await notices.delivery_report(uow, Due(REPORT, 1, "announce", MARKETER), LATER)
    assert report is not None and report.recipient.id == MARKETER
    total = report.total
    assert (total.recipients, total.delivered, total.unreachable) == (3, 2, 1)
    assert [p.id for p in total.unreachable_people] == [BORIS]


async def test_the_report_is_queued_once_for_the_creator_when_an_announcement_is_done() -> None:
    uow = await sent(ANNOUNCED)
    async with uow:
        assert await notices.queue_delivery_report(uow, ANNOUNCE, 1, "announce", LATER)
        assert await notices.queue_delivery_report(uow, ANNOUNCE, 1, "announce", LATER)
        assert not await notices.queue_delivery_report(uow, REMIND, 1, "reminder:1", LATER)
        assert not await notices.queue_delivery_report(uow, ANNOUNCE, 9, "announce", LATER)
    assert [(r.person_id, r.due_at) for r in uow.outbox.queued(REPORT)] == [(MARKETER, LATER)]
    uow.people.put(a_marketer(MARKETER, active=False))
    async with uow:
        assert not await notices.queue_delivery_report(uow, ANNOUNCE, 1, "announce", LATER)


async def test_no_reminder_while_the_person_is_away_and_one_after_they_are_back() -> None:
    uow = await sent(ANNOUNCED)
    await uow.people.add_away(BORIS, starts_at=NOW, ends_at=LATER + timedelta(hours=1), now=NOW)
    due = Due(REMIND, 1, "reminder:1", BORIS)
    async with uow:
        assert await notices.reminder(uow, due, LATER) == Skip("recipient-away")
        back = await notices.reminder(uow, due, LATER + timedelta(hours=2))
    assert isinstance(back, notices.CampaignReminder)


async def test_someone_who_blocked_the_bot_is_unreachable_for_updates_at_once() -> None:
    uow = await sent(ANNOUNCED)  # nothing else waits for anyone: only the announcement went
    async with uow:
        assert await access.unreachable_of(uow, 1, REPS) == set()
        await uow.people.set_blocked(BORIS, at=LATER)
        assert await access.unreachable_of(uow, 1, REPS) == {BORIS}
