"""What marketers and team leads see of field feedback: scope, names, the export, /feedback."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.campaigns.model import Status
from domain.errors import Forbidden
from domain.feedback import reports
from domain.feedback.flows import AddingExtras, TypingDays
from domain.feedback.model import FeedbackSettings, KeyReaction, MediaKind, Reaction
from tests.support.builders.feedback import (
    a_feedback,
    an_announced_campaign,
    announced_to,
    feedback_uow,
)
from tests.support.builders.people import (
    NOW,
    a_lead,
    a_marketer,
    a_rep,
    a_team,
    an_admin,
    an_analyst,
)
from tests.support.fakes import FakeUnitOfWork

MARKETER = a_marketer(1)
NORTH, SOUTH = 7, 8
ANN, BOB, CAROL = (
    a_rep(11, team=NORTH, name="Ann"),
    a_rep(12, team=NORTH, name="Bob"),
    a_rep(13, team=SOUTH, name="Carol"),
)
NORTH_LEAD = a_lead(2, team=NORTH)


async def given() -> FakeUnitOfWork:
    """Ann (named, with a comment and a photo), Bob (anonymous) of North, Carol of South."""
    campaign = an_announced_campaign()
    uow = feedback_uow(campaign)
    uow.teams.put(a_team(NORTH, "North"), a_team(SOUTH, "South"))
    await announced_to(uow, campaign, ANN, BOB, CAROL)
    up = (KeyReaction(0, "Daily", Reaction.POSITIVE),)
    uow.feedback.put(
        a_feedback(
            1, 5, pid=ANN.id, team=NORTH, comment="Ok", media=(MediaKind.PHOTO,), reactions=up
        ),
        a_feedback(2, 1, pid=BOB.id, team=NORTH, anonymous=True, source="day:3"),
        a_feedback(3, 3, pid=CAROL.id, team=SOUTH),
    )
    return uow


async def test_marketers_and_admins_see_everything_with_names_unless_anonymous() -> None:
    uow = await given()
    for viewer in (MARKETER, an_admin(3)):
        found = await reports.summary(uow, actor=viewer, campaign_id=1)
        assert [f.id for f in found.feedback] == [3, 2, 1]  # newest first
        assert found.team_only is None and found.settings_may_change
        assert found.tally.submissions == 3
        by_id = {f.id: f for f in found.feedback}
        assert found.author(by_id[1]) == ANN and found.author(by_id[2]) is None
        assert BOB.id not in found.authors
        assert found.teams[NORTH].name == "North"
        assert [f.id for f in found.with_comments] == [1]
        assert found.attachments(MediaKind.PHOTO) == [(by_id[1], "f0")]


async def test_once_anonymous_nobody_carries_a_name() -> None:
    uow = await given()
    await uow.feedback.save_settings(FeedbackSettings(1, anonymous=True), by=1, now=NOW)
    found = await reports.summary(uow, actor=MARKETER, campaign_id=1)
    assert found.authors == {} and all(found.author(f) is None for f in found.feedback)


async def test_a_team_lead_sees_only_their_teams_feedback_and_no_settings() -> None:
    uow = await given()
    found = await reports.summary(uow, actor=NORTH_LEAD, campaign_id=1)
    assert found.team_only == NORTH and not found.settings_may_change
    assert [f.id for f in found.feedback] == [2, 1]
    assert found.tally.people == 2


async def test_a_team_lead_whose_team_it_did_not_reach_and_everyone_else_are_refused() -> None:
    uow = await given()
    for viewer in (a_lead(4, team=99), a_lead(5), ANN, an_analyst(6)):
        with pytest.raises(Forbidden):
            await reports.summary(uow, actor=viewer, campaign_id=1)
        with pytest.raises(Forbidden):
            await reports.export(uow, actor=viewer, campaign_id=1)


async def test_a_cancelled_campaigns_feedback_is_still_seen_but_its_settings_stay() -> None:
    uow = await given()
    uow.campaigns.put(an_announced_campaign(status=Status.CANCELLED))
    found = await reports.summary(uow, actor=MARKETER, campaign_id=1)
    assert found.tally.submissions == 3 and not found.settings_may_change


async def test_opening_the_summary_leaves_a_half_typed_days_step_only() -> None:
    uow = await given()
    uow.flows.states[MARKETER.id] = TypingDays(1)
    await reports.open_summary(uow, actor=MARKETER, campaign_id=1)
    assert uow.flows.states == {}
    uow.flows.states[MARKETER.id] = AddingExtras(9, 1)
    await reports.open_summary(uow, actor=MARKETER, campaign_id=1)
    assert uow.flows.states[MARKETER.id] == AddingExtras(9, 1)


async def test_the_export_dates_rows_in_the_viewers_zone_and_hides_names() -> None:
    uow = await given()
    viewer = a_marketer(1, tz="Asia/Novosibirsk")
    found = await reports.export(uow, actor=viewer, campaign_id=1)
    assert found.zone == "Asia/Novosibirsk"
    assert [m.message for m in found.messages] == ["Daily", "Discount"]
    carol, bob, ann = found.rows
    assert ann.at.replace(tzinfo=None) == datetime(2026, 11, 24, 16, 1)  # 09:01 UTC
    assert (ann.author, ann.team, ann.day, ann.rating, ann.comment) == (
        ANN,
        uow.teams.by_id[7],
        0,
        5,
        "Ok",
    )
    assert (ann.photos, ann.voices, ann.reactions) == (1, 0, (Reaction.POSITIVE, None))
    assert (bob.author, bob.day, bob.comment, bob.reactions) == (None, 3, "", (None, None))
    assert carol.team is not None and carol.team.name == "South"


async def test_an_anonymous_row_of_the_export_keeps_the_day_only_and_no_team() -> None:
    """With the minute and the team, an anonymous answer is easy to put a name to: an
    anonymous row keeps the date it was given, and nothing else that points at someone."""
    uow = await given()
    viewer = a_marketer(1, tz="Asia/Novosibirsk")
    _carol, bob, ann = (await reports.export(uow, actor=viewer, campaign_id=1)).rows
    assert (bob.on, bob.at, bob.team, bob.author) == (date(2026, 11, 24), None, None, None)
    assert ann.at is not None and ann.on == ann.at.date() and ann.team is not None
    # Once the whole campaign is anonymous, every row is so.
    await uow.feedback.save_settings(FeedbackSettings(1, anonymous=True), by=1, now=NOW)
    rows = (await reports.export(uow, actor=viewer, campaign_id=1)).rows
    assert all((row.at, row.team, row.author) == (None, None, None) for row in rows)
    assert {row.on for row in rows} == {date(2026, 11, 24)}


async def test_a_team_leads_export_has_their_team_only() -> None:
    uow = await given()
    found = await reports.export(uow, actor=NORTH_LEAD, campaign_id=1)
    assert [r.rating for r in found.rows] == [1, 5]


async def test_feedback_lists_campaigns_that_went_out_with_what_the_viewer_may_count() -> None:
    uow = await given()
    uow.campaigns.put(
        an_announced_campaign(2, status=Status.CANCELLED),
        an_announced_campaign(3, status=Status.DRAFT),
        an_announced_campaign(4, status=Status.SCHEDULED),
    )
    listed = await reports.campaigns_with_feedback(uow, actor=MARKETER)
    assert [(c.id, n) for c, n in listed] == [(2, 0), (1, 3)]
    own = await reports.campaigns_with_feedback(uow, actor=NORTH_LEAD)
    assert [(c.id, n) for c, n in own] == [(1, 2)]
    assert await reports.campaigns_with_feedback(uow, actor=a_lead(5)) == []
    assert await reports.campaigns_with_feedback(uow, actor=a_lead(4, team=99)) == []
    with pytest.raises(Forbidden):
        await reports.campaigns_with_feedback(uow, actor=ANN)


async def test_more_than_a_few_voice_messages_are_queued_one_row_each_and_keep_anonymity() -> None:
    from domain.feedback import notices
    from domain.feedback.reports import FILE
    from tests.support.fakes.shared import Row

    uow = await given()
    uow.people.put(MARKETER)
    voices = (MediaKind.VOICE, MediaKind.VOICE)
    uow.feedback.put(
        a_feedback(4, 4, pid=ANN.id, team=NORTH, media=voices),
        a_feedback(5, 2, pid=BOB.id, team=NORTH, anonymous=True, media=voices),
    )
    few = await reports.files(uow, actor=MARKETER, campaign_id=1, kind=MediaKind.PHOTO, now=NOW)
    assert few.queued == 0 and uow.outbox.queued(FILE) == []  # an album: sent at once
    many = await reports.files(uow, actor=MARKETER, campaign_id=1, kind=MediaKind.VOICE, now=NOW)
    rows = uow.outbox.queued(FILE)
    assert many.queued == 4 and len(rows) == 4
    assert {(r.ref_id, r.person_id) for r in rows} == {(4, MARKETER.id), (5, MARKETER.id)}
    by_ann = next(r for r in rows if r.ref_id == 4)
    by_bob = next(r for r in rows if r.ref_id == 5)
    ann = await notices.feedback_file(uow, by_ann, NOW)
    bob = await notices.feedback_file(uow, by_bob, NOW)
    assert isinstance(ann, notices.FeedbackFile) and ann.author == ANN and ann.rating == 4
    assert isinstance(bob, notices.FeedbackFile) and bob.author is None  # anonymous
    assert ann.kind is MediaKind.VOICE and ann.file_id.startswith("f")
    # A viewer who may not see a submission does not get its file.
    south_lead = a_lead(3, team=SOUTH)
    uow.people.put(south_lead)
    other = Row(FILE, 4, by_ann.batch, south_lead.id, south_lead.telegram_id, NOW)
    assert await notices.feedback_file(uow, other, NOW) == notices.Skip("not-allowed")
