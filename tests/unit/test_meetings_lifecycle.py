"""A meeting's life on the in-memory fakes: sending, the poll and its close, RSVP, late
joiners, reminders, changes and cancellation, series, minutes and action items, and the
notices' decisions. The tests play the broadcast engine with the fake outbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from domain.campaigns.model import Audience
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.meetings import (
    changes,
    kinds,
    minutes,
    notices,
    queries,
    reminders,
    responding,
    sending,
    series,
)
from domain.meetings.flows import Change, Changing, Minute, Recording
from domain.meetings.model import Recurrence, Status
from domain.meetings.participants import Rsvp
from domain.meetings.polls import Answer
from domain.meetings.recurrence import Scope
from domain.people.model import Role
from domain.timezones import QuietHours
from tests.support.builders.meetings import Scene, a_meeting, a_scene
from tests.support.builders.people import NOW


async def sent_scene(**changes_: object) -> Scene:
    """A draft of team 1 sent at NOW: everyone invited, invitations delivered."""
    scene = a_scene()
    scene.meetings.put(a_meeting(status=Status.DRAFT, invited_at=None, **changes_))
    async with scene.uow as uow:
        await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
    scene.uow.outbox.send_all(kinds.INVITE)
    return scene


async def test_sending_invites_the_audience_and_the_organiser_outside_quiet_hours() -> None:
    scene = a_scene()
    sleeper = replace(scene.reps[1], quiet_hours=QuietHours.parse("11:00-13:00"))  # NOW: 12:00
    scene.uow.people.put(sleeper)
    scene.meetings.put(a_meeting(status=Status.DRAFT, invited_at=None))
    async with scene.uow as uow:
        sent = await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert not sent.poll and sent.recipients == 5
    rows = {r.person_id: r for r in scene.uow.outbox.queued(kinds.INVITE)}
    assert set(rows) == {1, 10, 11, 12, 13}
    assert rows[11].due_at == datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(hours=1)
    assert rows[10].due_at == NOW
    meeting = scene.meetings.by_id[1]
    assert meeting.status is Status.SCHEDULED and meeting.invited_at == NOW
    organiser = await scene.meetings.participant(1, scene.lead.id)
    assert organiser is not None and organiser.rsvp is Rsvp.YES


async def test_a_poll_is_voted_changed_and_closed_at_its_deadline() -> None:
    scene = a_scene()
    scene.meetings.put(
        a_meeting(status=Status.DRAFT, starts_at=None, poll_deadline=NOW + timedelta(days=1))
    )
    first, second = NOW + timedelta(days=2), NOW + timedelta(days=3)
    await scene.meetings.add_slot(1, first)
    await scene.meetings.add_slot(1, second)
    async with scene.uow as uow:
        sent = await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert sent.poll and scene.uow.outbox.recipients(kinds.POLL) == {1, 10, 11, 12, 13}
    kira, misha = scene.reps[0], scene.reps[1]
    async with scene.uow as uow:
        await sending.vote(uow, actor=kira, meeting_id=1, slot_id=1, answer=Answer.YES, now=NOW)
        await sending.vote(uow, actor=misha, meeting_id=1, slot_id=2, answer=Answer.YES, now=NOW)
        await sending.vote(uow, actor=kira, meeting_id=1, slot_id=2, answer=Answer.IF_NEED, now=NOW)
        # Kira changes her mind about the first slot.
        view = await sending.vote(
            uow, actor=kira, meeting_id=1, slot_id=1, answer=Answer.NO, now=NOW
        )
    assert view.my_votes == {1: "no", 2: "maybe"}
    with pytest.raises(Forbidden):
        async with scene.uow as uow:
            await sending.vote(
                uow, actor=scene.outsider, meeting_id=1, slot_id=1, answer=Answer.YES, now=NOW
            )
    async with scene.uow as uow:
        organiser_view = await queries.view(uow, actor=scene.lead, meeting_id=1)
    assert isinstance(organiser_view, queries.MeetingView)
    assert [len(t.yes) for t in organiser_view.tallies] == [0, 1]
    async with scene.uow as uow:
        assert await sending.close_polls(uow, NOW + timedelta(hours=23)) == 0
        assert await sending.close_polls(uow, NOW + timedelta(days=1)) == 1
    meeting = scene.meetings.by_id[1]
    assert (meeting.status, meeting.starts_at) == (Status.SCHEDULED, second)
    assert scene.uow.outbox.recipients(kinds.INVITE) == {1, 10, 11, 12, 13}
    assert scene.uow.outbox.queued(kinds.POLL_REPORT)[0].batch == "poll-closed"
    with pytest.raises(InvalidInput):
        async with scene.uow as uow:
            await sending.vote(uow, actor=kira, meeting_id=1, slot_id=1, answer=Answer.YES, now=NOW)


async def test_a_poll_nobody_answered_waits_for_the_organiser_who_is_told() -> None:
    scene = a_scene()
    scene.meetings.put(
        a_meeting(status=Status.DRAFT, starts_at=None, poll_deadline=NOW + timedelta(days=1))
    )
    await scene.meetings.add_slot(1, NOW + timedelta(days=2))
    await scene.meetings.add_slot(1, NOW + timedelta(days=3))
    async with scene.uow as uow:
        await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
        await sending.close_polls(uow, NOW + timedelta(days=1, minutes=1))
    assert scene.meetings.by_id[1].status is Status.UNDECIDED
    [report] = scene.uow.outbox.queued(kinds.POLL_REPORT)
    assert (report.person_id, report.batch) == (scene.lead.id, "poll-unanswered")
    assert scene.uow.outbox.queued(kinds.INVITE) == []
    async with scene.uow as uow:
        await sending.pick(
            uow, actor=scene.lead, meeting_id=1, slot_id=2, now=NOW + timedelta(days=1)
        )
    assert scene.meetings.by_id[1].starts_at == NOW + timedelta(days=3)


async def test_rsvp_is_for_participants_and_the_organiser_sees_it_per_team() -> None:
    scene = await sent_scene()
    kira, misha, vlad, _ = scene.reps
    async with scene.uow as uow:
        await responding.rsvp(uow, actor=kira, meeting_id=1, answer=Rsvp.YES, now=NOW)
        await responding.rsvp(uow, actor=misha, meeting_id=1, answer=Rsvp.NO, now=NOW)
        await responding.rsvp(uow, actor=vlad, meeting_id=1, answer=Rsvp.MAYBE, now=NOW)
        await responding.rsvp(uow, actor=vlad, meeting_id=1, answer=Rsvp.YES, now=NOW)
        view = await queries.view(uow, actor=scene.lead, meeting_id=1)
    assert isinstance(view, queries.MeetingView) and view.total is not None
    assert [p.first_name for p in view.total.yes] == ["Kira", "Lev", "Vlad"]
    assert [p.first_name for p in view.total.no] == ["Misha"]
    assert [p.first_name for p in view.total.waiting] == ["Nora"]
    for stranger, error in ((scene.outsider, Forbidden), (scene.admin, Forbidden)):
        with pytest.raises(error):
            async with scene.uow as uow:
                await responding.rsvp(uow, actor=stranger, meeting_id=1, answer=Rsvp.YES, now=NOW)
    with pytest.raises(NotFound):
        async with scene.uow as uow:
            await responding.rsvp(uow, actor=kira, meeting_id=99, answer=Rsvp.YES, now=NOW)
    with pytest.raises(InvalidInput):
        async with scene.uow as uow:
            await responding.rsvp(
                uow, actor=kira, meeting_id=1, answer=Rsvp.NO, now=NOW + timedelta(days=4)
            )


async def test_a_person_who_joins_the_team_later_is_invited_too() -> None:
    scene = await sent_scene()
    newcomer = replace(scene.outsider, id=40, telegram_id=1040, team_id=1)
    scene.uow.people.put(newcomer)
    async with scene.uow as uow:
        assert await sending.invite_late_joiners(uow, NOW + timedelta(minutes=5)) == 1
        assert await sending.invite_late_joiners(uow, NOW + timedelta(minutes=6)) == 0
    assert 40 in scene.uow.outbox.recipients(kinds.INVITE)


async def test_reminders_go_once_each_not_to_decliners_and_never_after_the_start() -> None:
    scene = await sent_scene(starts_at=NOW + timedelta(hours=30))
    async with scene.uow as uow:
        await responding.rsvp(uow, actor=scene.reps[1], meeting_id=1, answer=Rsvp.NO, now=NOW)
    for hours in (5, 6, 7, 28, 29, 29.5, 30, 31):
        async with scene.uow as uow:
            await reminders.remind_meetings(uow, NOW + timedelta(hours=hours))
    batches = {row.batch for row in scene.uow.outbox.queued(kinds.REMIND)}
    assert batches == {"remind:1440:20261125T1500", "remind:60:20261125T1500"}
    for batch in batches:
        assert scene.uow.outbox.recipients(kinds.REMIND, batch=batch) == {1, 10, 12, 13}
    # The composer says nothing once the meeting has started, or to someone who declined.
    row = scene.uow.outbox.queued(kinds.REMIND)[0]
    async with scene.uow as uow:
        assert await notices.reminder(uow, row, NOW + timedelta(hours=30)) == notices.STARTED
        value = await notices.reminder(uow, row, NOW + timedelta(hours=7))
    assert isinstance(value, notices.Reminder) and value.minutes == 1440


async def test_a_reminder_missed_during_downtime_is_not_sent_stale() -> None:
    scene = await sent_scene(starts_at=NOW + timedelta(hours=30))
    async with scene.uow as uow:
        await reminders.remind_meetings(uow, NOW + timedelta(hours=29, minutes=30))
    assert {r.batch for r in scene.uow.outbox.queued(kinds.REMIND)} == {"remind:60:20261125T1500"}


async def test_a_reschedule_raises_the_sequence_and_tells_everyone_with_a_calendar_file() -> None:
    scene = await sent_scene()
    state = Changing(1, Change.TIME, Scope.ONE)
    async with scene.uow as uow:
        changed = await changes.type_change(
            uow, actor=scene.lead, state=state, text="01.12 16:00", now=NOW
        )
    assert changed.recipients == 5
    meeting = scene.meetings.by_id[1]
    assert meeting.sequence == 1
    assert meeting.starts_at == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    [batch] = {r.batch for r in scene.uow.outbox.queued(kinds.CHANGE)}
    assert batch == "change:1:time"
    assert scene.uow.outbox.recipients(kinds.REFRESH) == {1, 10, 11, 12, 13}
    row = scene.uow.outbox.queued(kinds.CHANGE)[0]
    async with scene.uow as uow:
        value = await notices.change(uow, row, NOW)
    assert isinstance(value, notices.ChangeNotice)
    [event] = icalendar.Calendar.from_ical(value.calendar.data).walk("VEVENT")
    assert event["sequence"] == 1 and event.decoded("dtstart") == meeting.starts_at
    with pytest.raises(Forbidden):
        async with scene.uow as uow:
            await changes.type_change(
                uow, actor=scene.reps[0], state=state, text="02.12 16:00", now=NOW
            )


async def test_cancelling_sends_method_cancel_with_the_same_uid() -> None:
    scene = await sent_scene()
    async with scene.uow as uow:
        await changes.cancel(uow, actor=scene.lead, meeting_id=1, scope=Scope.ONE, now=NOW)
    assert scene.meetings.by_id[1].status is Status.CANCELLED
    row = scene.uow.outbox.queued(kinds.CHANGE)[0]
    async with scene.uow as uow:
        value = await notices.change(uow, row, NOW)
        assert await notices.reminder(uow, row, NOW) == notices.NOT_SCHEDULED
    assert isinstance(value, notices.ChangeNotice) and value.what == "cancel"
    parsed = icalendar.Calendar.from_ical(value.calendar.data)
    assert parsed["method"] == "CANCEL"
    assert str(parsed.walk("VEVENT")[0]["uid"]) == "tandem-meeting-1@tandem.bot"


async def test_a_series_creates_each_occurrence_when_the_last_one_starts_and_ends() -> None:
    scene = await sent_scene(recurrence=Recurrence.WEEKLY, repeat_count=3)
    first = scene.meetings.by_id[1]
    assert (first.series_id, first.occurrence, first.next_due_at) == (1, 1, first.starts_at)
    assert first.starts_at is not None
    async with scene.uow as uow:
        assert await series.create_next_occurrences(uow, NOW) == 0
        assert await series.create_next_occurrences(uow, first.starts_at) == 1
    second = scene.meetings.by_id[2]
    assert (second.series_id, second.occurrence) == (1, 2)
    assert second.starts_at == first.starts_at + timedelta(weeks=1)
    assert scene.uow.outbox.recipients(kinds.INVITE, ref_id=2) == {1, 10, 11, 12, 13}
    assert second.starts_at is not None
    async with scene.uow as uow:
        await series.create_next_occurrences(uow, second.starts_at)
        third = scene.meetings.by_id[3]
        assert third.starts_at is not None
        assert await series.create_next_occurrences(uow, third.starts_at) == 0
    assert len(scene.meetings.by_id) == 3 and third.next_due_at is not None
    assert scene.meetings.by_id[3].next_due_at is None


async def test_minutes_prefill_attendance_and_owners_are_reminded_and_overdue_reported() -> None:
    scene = await sent_scene()
    kira = scene.reps[0]
    held = NOW + timedelta(days=3, hours=1)
    async with scene.uow as uow:
        await responding.rsvp(uow, actor=kira, meeting_id=1, answer=Rsvp.YES, now=NOW)
        with pytest.raises(InvalidInput):
            await minutes.open_minutes(uow, actor=scene.lead, meeting_id=1, now=NOW)
    async with scene.uow as uow:
        view = await minutes.open_minutes(uow, actor=scene.lead, meeting_id=1, now=held)
    assert {p.person_id for p in view.participants if p.attended} == {1, 10}
    async with scene.uow as uow:
        await minutes.typed(
            uow,
            actor=scene.lead,
            state=Recording(1, Minute.DECISION),
            text="Launch in December",
            now=held,
        )
        await minutes.typed(
            uow,
            actor=scene.lead,
            state=Recording(1, Minute.ACTION_TEXT),
            text="Call 5 pharmacies",
            now=held,
        )
        await minutes.choose_owner(uow, actor=scene.lead, meeting_id=1, person_id=kira.id, now=held)
        state = await uow.flows.get(scene.lead.id)
        assert isinstance(state, Recording)
        await minutes.typed(uow, actor=scene.lead, state=state, text="01.12", now=held)
        await minutes.send_minutes(uow, actor=scene.lead, meeting_id=1, now=held)
    assert scene.uow.outbox.recipients(kinds.MINUTES) == {1, 10, 11, 12, 13}
    [item] = scene.meetings.actions_by.values()
    assert (item.owner_id, item.due) == (kira.id, date(2026, 12, 1))
    assert scene.uow.outbox.recipients(kinds.ACTION, ref_id=item.id) == {kira.id}
    # Kira is in Kaliningrad: 10:00 there is 08:00 UTC on the due date.
    async with scene.uow as uow:
        await reminders.remind_actions(uow, datetime(2026, 12, 1, 7, 59, tzinfo=UTC))
        assert scene.uow.outbox.queued(kinds.ACTION_DUE) == []
        await reminders.remind_actions(uow, datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
        await reminders.remind_actions(uow, datetime(2026, 12, 2, 0, 0, tzinfo=UTC))
    assert scene.uow.outbox.recipients(kinds.ACTION_DUE) == {kira.id}
    assert scene.uow.outbox.recipients(kinds.ACTION_OVERDUE) == {scene.lead.id}
    async with scene.uow as uow:
        with pytest.raises(Forbidden):
            await minutes.mark_done(uow, actor=scene.reps[1], action_id=item.id, now=held)
        done = await minutes.mark_done(uow, actor=kira, action_id=item.id, now=held)
        again = await minutes.mark_done(uow, actor=kira, action_id=item.id, now=held)
        listed = await queries.actions_of(uow, actor=kira)
    assert done.first and not again.first and listed.mine == ()


async def test_open_action_items_of_the_last_occurrence_are_on_the_next_agenda() -> None:
    scene = await sent_scene(recurrence=Recurrence.WEEKLY, repeat_count=2)
    first = scene.meetings.by_id[1]
    assert first.starts_at is not None
    async with scene.uow as uow:
        await series.create_next_occurrences(uow, first.starts_at)
        await scene.meetings.add_action(
            1, "Send the price list", owner_id=10, due=date(2026, 12, 5), at=first.starts_at
        )
        view = await queries.view(uow, actor=scene.reps[0], meeting_id=2)
    assert isinstance(view, queries.MeetingView)
    assert [a.text for a in view.agenda.carried] == ["Send the price list"]


async def test_late_joiners_are_found_by_team_role_and_name_without_repeats() -> None:
    scene = await sent_scene(
        audience=Audience(team_ids=frozenset({1}), roles=frozenset({Role.MARKETER}))
    )
    marketer = replace(scene.outsider, id=41, telegram_id=1041, roles=frozenset({Role.MARKETER}))
    inactive = replace(scene.outsider, id=42, telegram_id=1042, team_id=1, active=False)
    scene.uow.people.put(marketer, inactive)
    async with scene.uow as uow:
        assert await sending.invite_late_joiners(uow, NOW) == 1
    assert scene.uow.outbox.recipients(kinds.INVITE) == {1, 10, 11, 12, 13, 41}


async def test_the_notices_say_nothing_once_they_are_stale() -> None:
    scene = await sent_scene()
    invitation = scene.uow.outbox.queued(kinds.INVITE)[0]
    async with scene.uow as uow:
        assert isinstance(await notices.invitation(uow, invitation, NOW), notices.Invitation)
        # After the meeting has ended, an invitation that was held back is not sent.
        assert await notices.invitation(uow, invitation, NOW + timedelta(days=4)) == notices.OVER
        # A change superseded by a later one is not sent: the later one is.
        await changes.send_agenda(uow, actor=scene.lead, meeting_id=1, now=NOW)
        await changes.send_agenda(uow, actor=scene.lead, meeting_id=1, now=NOW)
    first, second = sorted(
        {r.batch for r in scene.uow.outbox.queued(kinds.CHANGE)}, key=lambda b: int(b.split(":")[1])
    )
    rows = {r.batch: r for r in scene.uow.outbox.queued(kinds.CHANGE)}
    async with scene.uow as uow:
        assert await notices.change(uow, rows[first], NOW) == notices.SUPERSEDED
        assert isinstance(await notices.change(uow, rows[second], NOW), notices.ChangeNotice)
        # Someone no longer a participant (a forged row) gets nothing.
        stranger_row = replace(invitation, person_id=scene.outsider.id)
        assert await notices.invitation(uow, stranger_row, NOW) == notices.NOT_INVITED


async def test_cancelling_a_poll_withdraws_the_poll_not_yet_sent() -> None:
    scene = a_scene()
    scene.meetings.put(
        a_meeting(status=Status.DRAFT, starts_at=None, poll_deadline=NOW + timedelta(days=1))
    )
    await scene.meetings.add_slot(1, NOW + timedelta(days=2))
    await scene.meetings.add_slot(1, NOW + timedelta(days=3))
    async with scene.uow as uow:
        await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
        await changes.cancel(uow, actor=scene.lead, meeting_id=1, scope=Scope.ONE, now=NOW)
    assert scene.uow.outbox.queued(kinds.POLL) == []
    assert scene.meetings.by_id[1].status is Status.CANCELLED


async def test_a_series_moved_or_cancelled_from_one_occurrence_on() -> None:
    scene = await sent_scene(recurrence=Recurrence.WEEKLY, repeat_count=4)
    first = scene.meetings.by_id[1]
    assert first.starts_at is not None
    async with scene.uow as uow:
        await series.create_next_occurrences(uow, first.starts_at)
    scene.uow.outbox.send_all(kinds.INVITE)
    second = scene.meetings.by_id[2]
    assert second.starts_at is not None
    now = first.starts_at + timedelta(hours=2)
    # Move the second occurrence and all later ones an hour later.
    state = Changing(2, Change.TIME, Scope.FUTURE)
    local = second.starts_at + timedelta(hours=4)  # 12:00 UTC + 3 h Moscow + 1 h
    text = local.strftime("%d.%m %H:%M")
    async with scene.uow as uow:
        changed = await changes.type_change(uow, actor=scene.lead, state=state, text=text, now=now)
    assert changed.occurrences == 1  # the only later occurrence that exists yet
    moved = scene.meetings.by_id[2]
    assert moved.starts_at == second.starts_at + timedelta(hours=1)
    assert moved.original_start == second.starts_at  # its RECURRENCE-ID stays
    assert moved.starts_at is not None
    # The next occurrence follows the move.
    async with scene.uow as uow:
        await series.create_next_occurrences(uow, moved.starts_at)
    scene.uow.outbox.send_all(kinds.INVITE)
    third = scene.meetings.by_id[3]
    assert third.starts_at == moved.starts_at + timedelta(weeks=1)
    # Cancelling from the third on ends the series: the calendar's RRULE is cut short.
    async with scene.uow as uow:
        await changes.cancel(uow, actor=scene.lead, meeting_id=3, scope=Scope.FUTURE, now=now)
        row = next(r for r in scene.uow.outbox.queued(kinds.CHANGE) if r.ref_id == 3)
        value = await notices.change(uow, row, now)
        assert third.starts_at is not None
        assert await series.create_next_occurrences(uow, third.starts_at) == 0
    assert isinstance(value, notices.ChangeNotice) and value.future
    [event] = icalendar.Calendar.from_ical(value.calendar.data).walk("VEVENT")
    assert event["rrule"]["UNTIL"][0] < (third.original_start or third.starts_at)
    assert scene.meetings.by_id[3].status is Status.CANCELLED
