from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.campaigns.figures import figures
from domain.campaigns.flows import WIZARD, Drafting, Step, resume_at
from domain.campaigns.model import Audience, Campaign, Status, recipients
from domain.campaigns.schedule import ReminderRule, Schedule, ScheduleMode
from domain.campaigns.timing import delivery_moment, reminder_moments
from domain.errors import InvalidInput
from domain.people.model import Role
from tests.support.builders.people import NOW
from tests.support.builders.people import a_person as person


def campaign(**changes: object) -> Campaign:
    base = Campaign(
        id=1,
        name="Winter",
        product="Vitamin D",
        goal="",
        key_messages=("Take it daily",),
        launch_date=date(2026, 12, 10),
        audience=Audience(all_reps=True),
        protect_content=True,
        status=Status.DRAFT,
        schedule=None,
        reminders=(ReminderRule.AFTER_24H, ReminderRule.DAY_BEFORE_LAUNCH),
        created_by=1,
        created_at=NOW,
    )
    return base.with_(**changes)


def test_audience_is_the_union_of_its_selectors() -> None:
    people = [
        person(1, Role.REP, team=1),
        person(2, Role.REP, team=2),
        person(3, Role.TEAM_LEAD, team=2),
        person(4, Role.MARKETER),
        person(5, Role.REP, team=1, active=False),
    ]
    assert [p.id for p in recipients(Audience(all_reps=True), people)] == [1, 2]
    assert [p.id for p in recipients(Audience(team_ids=frozenset({2})), people)] == [2, 3]
    both = Audience(team_ids=frozenset({2}), roles=frozenset({Role.MARKETER}))
    assert [p.id for p in recipients(both, people)] == [2, 3, 4]
    assert Audience().is_empty
    assert recipients(Audience(), people) == []


def test_audience_round_trips_through_json() -> None:
    audience = Audience(True, frozenset({3, 1}), frozenset({Role.ANALYST}))
    assert Audience.from_json(audience.to_json()) == audience


def test_a_campaign_lists_what_is_missing() -> None:
    assert campaign().missing() == []
    empty = campaign(name="", key_messages=(), launch_date=None, audience=Audience())
    assert empty.missing() == ["name", "messages", "launch", "audience"]


def test_now_is_now_unless_quiet_hours() -> None:
    moscow = person(1)
    assert delivery_moment(Schedule(ScheduleMode.NOW), moscow, now=NOW) == NOW
    # 16:00 in Novosibirsk; quiet 15:00-18:00 holds it until 18:00 local = 11:00 UTC.
    quiet = person(2, tz="Asia/Novosibirsk", quiet="15:00-18:00")
    assert delivery_moment(Schedule(ScheduleMode.NOW), quiet, now=NOW) == datetime(
        2026, 11, 24, 11, 0, tzinfo=UTC
    )


def test_local_schedule_reaches_each_person_at_their_own_wall_clock() -> None:
    when = Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 3), local_time=time(9, 0))
    moscow = delivery_moment(when, person(1), now=NOW)
    vladivostok = delivery_moment(when, person(2, tz="Asia/Vladivostok"), now=NOW)
    assert moscow == datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    assert vladivostok == datetime(2026, 12, 2, 23, 0, tzinfo=UTC)


def test_exact_schedule_in_the_past_goes_now() -> None:
    when = Schedule(ScheduleMode.AT, at=NOW - timedelta(hours=1))
    assert delivery_moment(when, person(1), now=NOW) == NOW


def test_schedule_round_trips_through_json() -> None:
    for when in (
        Schedule(ScheduleMode.NOW),
        Schedule(ScheduleMode.AT, at=NOW),
        Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 1), local_time=time(10, 30)),
    ):
        assert Schedule.from_json(when.to_json()) == when


def test_reminder_ladder() -> None:
    rep = person(1)
    moments = reminder_moments(campaign(), rep, announced=NOW)
    assert moments == [
        NOW + timedelta(hours=24),
        datetime(2026, 12, 9, 7, 0, tzinfo=UTC),  # 10:00 Moscow the day before launch
    ]


def test_reminders_respect_quiet_hours() -> None:
    rep = person(1, tz="Asia/Novosibirsk", quiet="22:00-08:00")
    # Announced at 23:00 UTC = 06:00 local (would be inside quiet hours 24 h later).
    announced = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    first, second = reminder_moments(campaign(), rep, announced=announced)
    assert first == datetime(2026, 11, 26, 1, 0, tzinfo=UTC)  # 08:00 local
    assert second == datetime(2026, 12, 9, 3, 0, tzinfo=UTC)  # 10:00 local


def test_rungs_before_the_announcement_are_dropped() -> None:
    late = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # announced the day before launch
    moments = reminder_moments(campaign(), person(1), announced=late)
    assert moments == [late + timedelta(hours=24)]
    assert reminder_moments(campaign(reminders=()), person(1), announced=NOW) == []


def test_figures_per_team_and_for_one_team() -> None:
    rows = [
        (person(1, team=1, name="Anna"), "sent", True),
        (person(2, team=1, name="Boris"), "sent", False),
        (person(3, team=2, name="Vera"), "unreachable", False),
        (person(4, team=2, name="Gleb"), "pending", False),
        (person(5, name="Dina"), "sent", False),
    ]
    result = figures(rows)
    total = result.total
    assert (total.recipients, total.delivered, total.acknowledged) == (5, 3, 1)
    assert (total.unreachable, total.pending) == (1, 1)
    assert [p.first_name for p in total.not_acknowledged] == ["Boris", "Dina"]
    assert [p.first_name for p in total.unreachable_people] == ["Vera"]
    assert [t.team_id for t in result.teams] == [1, 2, None]
    team_one = figures(rows, only_team=1)
    assert team_one.total.recipients == 2
    assert [p.first_name for p in team_one.total.not_acknowledged] == ["Boris"]


@pytest.mark.parametrize("status", list(Status))
def test_only_cancelled_campaigns_are_frozen(status: Status) -> None:
    assert campaign(status=status).editable == (status is not Status.CANCELLED)


# --- scheduling rules and the wizard's steps ------------------------------------------------


def test_days_before_launch_are_offered_while_still_ahead_in_the_given_zone() -> None:
    launch = campaign(launch_date=date(2026, 12, 1))
    evening = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # already the 25th in Vladivostok
    assert launch.days_before_options(evening, "Europe/Moscow") == (7, 3, 1)
    assert launch.days_before_options(evening, "Asia/Vladivostok") == (3, 1)
    assert campaign(launch_date=None).days_before_options(NOW, "Europe/Moscow") == ()


def test_n_days_before_launch_means_ten_oclock_local_that_day() -> None:
    assert campaign().days_before(3) == Schedule(
        ScheduleMode.LOCAL, day=date(2026, 12, 7), local_time=time(10, 0)
    )
    with pytest.raises(InvalidInput):
        campaign().days_before(2)
    with pytest.raises(InvalidInput, match="error-campaign-incomplete"):
        campaign(launch_date=None).days_before(3)


def test_an_announcement_may_not_go_out_after_launch_as_the_marketer_sees_the_day() -> None:
    # 22:00 UTC on launch day (the 10th) is still the 10th in London, the 11th in Moscow.
    on_the_eve = Schedule(ScheduleMode.AT, at=datetime(2026, 12, 10, 22, 0, tzinfo=UTC))
    campaign().check_goes_out_before_launch(on_the_eve, "Europe/London")
    with pytest.raises(InvalidInput, match="error-after-launch"):
        campaign().check_goes_out_before_launch(on_the_eve, "Europe/Moscow")
    late = Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 11), local_time=time(9, 0))
    with pytest.raises(InvalidInput, match="error-after-launch"):
        campaign().check_goes_out_before_launch(late, "Europe/Moscow")
    campaign().check_goes_out_before_launch(Schedule(ScheduleMode.NOW), "Europe/Moscow")


def test_the_wizard_walks_every_step_once_and_resumes_at_the_first_gap() -> None:
    state: Drafting | None = Drafting(1, Step.NAME, wizard=True)
    walked = []
    while state is not None:
        walked.append((state.step, state.position))
        state = state.next()
    assert walked == [(step, n) for n, step in enumerate(WIZARD, 1)]
    assert Drafting(1, Step.GOAL).next() is None  # one field from the card
    assert resume_at(campaign(product="", audience=Audience())).step is Step.PRODUCT
    assert resume_at(campaign()) == Drafting(1, Step.MATERIALS, wizard=True)


def test_acknowledged_share_is_of_those_it_was_delivered_to() -> None:
    rows = [(person(1), "sent", True), (person(2), "sent", False), (person(3), "failed", False)]
    assert figures(rows).total.acknowledged_percent == 50
    assert figures([]).total.acknowledged_percent == 0


def test_a_reminder_is_past_its_use_at_launch_for_the_eve_and_after_it_for_the_others() -> None:
    launch = campaign()  # launches on the 10th; rung 1: 24 h after, rung 2: the day before
    eve, after_a_day = launch.rung_rule(2), launch.rung_rule(1)
    assert (eve, after_a_day, launch.rung_rule(3)) == (
        ReminderRule.DAY_BEFORE_LAUNCH,
        ReminderRule.AFTER_24H,
        None,
    )
    assert not launch.reminder_outdated(eve, date(2026, 12, 9))
    assert launch.reminder_outdated(eve, date(2026, 12, 10))
    assert not launch.reminder_outdated(after_a_day, date(2026, 12, 10))
    assert launch.reminder_outdated(after_a_day, date(2026, 12, 11))
    assert not launch.escalation_outdated(date(2026, 12, 10))
    assert launch.escalation_outdated(date(2026, 12, 11))
    undated = campaign(launch_date=None)
    assert not undated.reminder_outdated(eve, date(2027, 1, 1))
    assert not undated.escalation_outdated(date(2027, 1, 1))


def test_a_regions_teams_are_ticked_together_and_unticked_together() -> None:
    from domain.campaigns.model import Audience, region_teams
    from tests.support.builders.people import a_team

    teams = [
        a_team(1, "Москва", region="Центр"),
        a_team(2, "Подмосковье", region="центр"),
        a_team(3, "Сибирь", region="Новосибирск"),
    ]
    assert region_teams(teams, 2) == {1, 2}
    assert region_teams(teams, 9) == frozenset()
    one = Audience(team_ids=frozenset({1}))
    both = one.toggled(region={1, 2})
    assert both.team_ids == {1, 2}  # not all were ticked: all are now
    assert both.toggled(region={1, 2}).team_ids == frozenset()
    assert one.toggled(all_reps=True, role=Role.ANALYST) == Audience(
        True, frozenset({1}), frozenset({Role.ANALYST})
    )
    assert one.toggled() == one
