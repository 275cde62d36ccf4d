"""Every KPI aggregate against a fixture counted by hand, on a real SQLite file.

The reader sits in Vladivostok (UTC+10). The week W is Monday 23 to Sunday 29 November 2026
there: 2026-11-22 14:00 to 2026-11-29 14:00 UTC; the week before, W0, ends where W begins.
Three teams: Север (1, Moscow, two reps), Юг (2, Vladivostok), Solo (3, one rep in UTC).
The comments beside each row say why it counts or not.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.kpis.model import (
    AckTally,
    DecisionTally,
    LeadTally,
    MeetingTally,
    QuestionTally,
    RatingTally,
    ReactionTally,
)
from domain.kpis.periods import Window, week_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import EVERYONE, Slice
from storage.db import Database
from storage.kpis.repo import SqlKpiRepo
from storage.uow import unit_of_work

VLAD = "Asia/Vladivostok"
W = week_of(date(2026, 11, 23), VLAD)
W0 = week_of(date(2026, 11, 16), VLAD)
NOW = datetime(2026, 11, 29, 12, 30, tzinfo=UTC)  # Sunday 22:30 in Vladivostok
EMPTY = week_of(date(2026, 6, 1), VLAD)
TEAM1, TEAM2, TEAM3 = Slice(team_id=1), Slice(team_id=2), Slice(team_id=3)


def ts(text: str) -> str:
    """A UTC timestamp as storage writes it."""
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S.%f")


PEOPLE = [
    # id, name, zone, team, role
    (1, "Марина", "Europe/Moscow", None, "marketer"),
    (10, "Антон", "Europe/Moscow", 1, "rep"),
    (11, "Вера", "Europe/Moscow", 1, "rep"),
    (20, "Глеб", VLAD, 2, "rep"),
    (30, "Solo", "UTC", 3, "rep"),
]

LEADS = [
    # id, team, delivered to, delivered at, status, taken, returned, disputed, overturned,
    # sla due, sla met, source, campaign
    (1, 1, 10, "2026-11-23 10:00", "won", 1, 0, 0, 0, 1, 1, "Сайт", 1),
    (2, 1, 10, "2026-11-24 10:00", "disqualified", 1, 0, 1, 0, 1, 1, "Сайт", 1),
    (3, 1, 11, "2026-11-25 10:00", "new", 0, 0, 1, 1, 1, 0, "Выставка", None),
    (4, 1, 11, "2026-11-26 10:00", "lost", 1, 0, 0, 0, 1, 1, None, 1),
    # Sunday 23:30 in Vladivostok: still W there.
    (5, 2, 20, "2026-11-29 13:30", "taken", 1, 1, 0, 0, 1, 1, "Сайт", 2),
    (6, 3, 30, "2026-11-27 10:00", "disputed", 0, 0, 1, 0, 1, 1, "Сайт", 2),
    # Monday 00:00 in Vladivostok: the next week.
    (7, 2, 20, "2026-11-29 14:00", "new", 0, 0, 0, 0, 0, 0, "Сайт", None),
    # A minute before W began: W0.
    (8, 1, 10, "2026-11-22 13:59", "won", 1, 0, 0, 0, 1, 1, "Сайт", None),
    (10, 1, 11, "2026-11-16 10:00", "disqualified", 1, 0, 1, 0, 1, 1, "Выставка", None),
]
# Lead 9 was never delivered (unassigned): it counts nowhere.

DISPUTES = [
    # id, lead, rep, team, status, decided at, reminded (decided late)
    (1, 2, 10, 1, "upheld", "2026-11-25 10:00", False),
    (2, 3, 11, 1, "overturned", "2026-11-26 10:00", True),
    (3, 6, 30, 3, "open", None, False),
    (4, 10, 11, 1, "upheld", "2026-11-17 10:00", False),
]


async def seed(db: Database) -> None:
    async with db.transaction() as conn:

        async def run(sql: str, *args: object) -> None:
            await conn.execute(sql, args)

        for tid, name, zone in ((1, "Север", "Europe/Moscow"), (2, "Юг", VLAD), (3, "Solo", "UTC")):
            await run(
                "INSERT INTO teams (id, name, region, timezone) VALUES (?, ?, 'R', ?)",
                tid,
                name,
                zone,
            )
        for pid, name, zone, team, role in PEOPLE:
            await run(
                "INSERT INTO people (id, telegram_id, first_name, timezone, team_id, joined_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                pid,
                5000 + pid,
                name,
                zone,
                team,
                ts("2026-01-01 00:00"),
            )
            await run("INSERT INTO person_roles VALUES (?, ?)", pid, role)
        created = ts("2026-11-01 00:00")
        for c, name, launch, status in (
            (1, "Зима", "2026-11-26", "announced"),
            (2, "Весна", "2026-12-10", "announced"),
            (3, "Черновик", "2026-11-27", "draft"),
        ):
            await run(
                "INSERT INTO campaigns (id, name, launch_date, status, created_by, created_at,"
                ' updated_at, key_messages) VALUES (?, ?, ?, ?, 1, ?, ?, \'["A","B"]\')',
                c,
                name,
                launch,
                status,
                created,
                created,
            )
        for lid, team, rep, at, status, tk, rt, dp, ov, due, met, source, cmp in LEADS:
            await run(
                "INSERT INTO leads (id, name, status, team_id, assignee_id, source, campaign_id,"
                " created_at, updated_at, delivered_at, delivered_to, taken, returned, disputed,"
                " overturned, sla_due, sla_met) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?)",
                lid,
                f"Лид {lid}",
                status,
                team,
                rep,
                source,
                cmp,
                created,
                created,
                ts(at),
                rep,
                tk,
                rt,
                dp,
                ov,
                due,
                met,
            )
        await run(
            "INSERT INTO leads (id, name, status, created_at, updated_at)"
            " VALUES (9, 'Лид 9', 'unassigned', ?, ?)",
            created,
            created,
        )
        await run(
            "INSERT INTO regulation_versions (version, status, dispute_window_hours,"
            " first_action_minutes, decision_minutes, dispute_cap_percent, created_at)"
            " VALUES (1, 'published', 72, 120, 540, 20, ?)",
            created,
        )
        await run(
            "INSERT INTO regulation_clauses VALUES (1, '1.1', 'dispute', 'Wrong contact', '', 1)"
        )
        for did, lead, rep, team, status, decided, reminded in DISPUTES:
            await run(
                "INSERT INTO disputes (id, lead_id, rep_id, team_id, version, clause, status,"
                " opened_at, decided_at) VALUES (?, ?, ?, ?, 1, '1.1', ?, ?, ?)",
                did,
                lead,
                rep,
                team,
                status,
                ts("2026-11-20 10:00"),
                ts(decided) if decided else None,
            )
            if reminded:
                await _delivery(conn, "dispute.remind", did, "remind", 1, "sent", None)
        # Announcements: c1 to 10, 11 and 30 (sent) and 20 (blocked the bot); c2 to 10.
        for c, person, status in (
            (1, 10, "sent"),
            (1, 11, "sent"),
            (1, 30, "sent"),
            (1, 20, "unreachable"),
            (2, 10, "sent"),
        ):
            sent = ts("2026-11-20 09:00") if status == "sent" else None
            await _delivery(conn, "campaign.announce", c, "announce", person, status, sent)
        for c, person, at in (
            (1, 10, "2026-11-20 10:00"),  # an hour after delivery: before launch
            (1, 11, "2026-11-25 21:30"),  # 00:30 on launch day in Moscow: not before launch
            (1, 30, "2026-11-25 23:00"),  # 23:00 the day before in UTC: before launch
            (2, 10, "2026-11-21 09:00"),  # c2 launches after W
        ):
            await run("INSERT INTO campaign_acks VALUES (?, ?, ?)", c, person, ts(at))
        for qid, by, asked, status, answered, published in (
            (1, 10, "2026-11-23 10:00", "answered", "2026-11-23 12:00", "2026-11-24 10:00"),
            (2, 11, "2026-11-24 10:00", "open", None, None),
            (3, 20, "2026-11-20 10:00", "answered", "2026-11-25 10:00", None),
            (4, 10, "2026-11-26 10:00", "duplicate", "2026-11-26 11:00", None),
            (5, 30, "2026-11-29 14:30", "open", None, None),  # after W
        ):
            await run(
                "INSERT INTO questions (id, campaign_id, asked_by, kind, text, asked_at, status,"
                " answered_at, published_at) VALUES (?, 1, ?, 'text', ?, ?, ?, ?, ?)",
                qid,
                by,
                f"Вопрос {qid}",
                ts(asked),
                status,
                ts(answered) if answered else None,
                ts(published) if published else None,
            )
        for question, person in ((2, 10), (2, 20), (5, 10)):
            await run("INSERT INTO question_votes VALUES (?, ?, ?)", question, person, created)
        for fid, person, team, rating, comment, at, reactions in (
            (1, 10, 1, 2, "Дорого", "2026-11-26 10:00", ("negative", "positive")),
            (2, 11, 1, 4, None, "2026-11-27 10:00", ("negative", "neutral")),
            (3, 20, 2, 5, "Отлично", "2026-11-28 10:00", ("positive",)),
            (4, 10, 1, 3, "Так себе", "2026-11-18 10:00", ()),  # W0
        ):
            await run(
                "INSERT INTO feedback (id, campaign_id, person_id, team_id, anonymous, source,"
                " rating, comment, created_at, updated_at) VALUES (?, 1, ?, ?, 0, 'any', ?, ?,"
                " ?, ?)",
                fid,
                person,
                team,
                rating,
                comment,
                ts(at),
                ts(at),
            )
            for index, reaction in enumerate(reactions):
                await run(
                    "INSERT INTO feedback_reactions VALUES (?, ?, ?, ?, ?)",
                    fid,
                    index,
                    "AB"[index],
                    reaction,
                    ts(at),
                )
        for mid, status, start in (
            (1, "scheduled", "2026-11-24 08:00"),
            (2, "scheduled", "2026-11-28 08:00"),
            (3, "cancelled", "2026-11-25 08:00"),
            (4, "scheduled", "2026-11-29 13:00"),
        ):  # not started by NOW
            await run(
                "INSERT INTO meetings (id, organiser_id, title, status, zone, starts_at,"
                " created_at, updated_at) VALUES (?, 1, 'Sync', ?, 'Europe/Moscow', ?, ?, ?)",
                mid,
                status,
                ts(start),
                created,
                created,
            )
        for mid, person, attended in (
            (1, 10, 1),
            (1, 11, 0),
            (1, 20, None),
            (1, 1, 1),
            (2, 20, 1),
            (3, 10, 1),
            (4, 10, 1),
        ):
            await run(
                "INSERT INTO meeting_participants VALUES (?, ?, ?, NULL, NULL, ?)",
                mid,
                person,
                created,
                attended,
            )
        for aid, owner, due, done in (
            (1, 10, "2026-11-25", "2026-11-25 20:30"),  # 23:30 on the day in Moscow: on time
            (2, 20, "2026-11-25", "2026-11-25 15:00"),  # 01:00 the next day there: late
            (3, 11, "2026-11-26", None),  # overdue
            (4, 10, "2026-11-29", None),  # due today: not settled yet
            (5, 10, "2026-11-20", "2026-11-19 10:00"),  # W0
        ):
            await run(
                "INSERT INTO meeting_actions (id, meeting_id, text, owner_id, due, created_at,"
                " done_at) VALUES (?, 1, ?, ?, ?, ?, ?)",
                aid,
                f"Задача {aid}",
                owner,
                due,
                created,
                ts(done) if done else None,
            )


async def _delivery(
    conn: object, kind: str, ref: int, batch: str, person: int, status: str, sent: str | None
) -> None:
    await conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO deliveries (kind, ref_id, batch, person_id, chat_id, due_at, status,"
        " next_attempt_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            kind,
            ref,
            batch,
            person,
            5000 + person,
            sent or ts("2026-11-20 09:00"),
            status,
            ts("2026-11-20 09:00"),
            sent,
        ),
    )


@pytest.fixture
async def kpis(db: Database) -> SqlKpiRepo:
    await seed(db)
    return SqlKpiRepo(db.raw)


def by_key(tallies: object) -> dict[object, object]:
    return {t.key: t for t in tallies}  # type: ignore[attr-defined]


# --- leads ----------------------------------------------------------------------------------


async def test_leads_delivered_in_the_week_and_what_became_of_them(kpis: SqlKpiRepo) -> None:
    [total] = await kpis.leads(W, EVERYONE, Grouping.NONE)
    assert total == LeadTally(
        None,
        delivered=6,
        taken=4,
        disputed=3,
        upheld=1,
        overturned=1,
        returned=1,
        won=1,
        lost=1,
        in_work=3,
        sla_due=6,
        sla_met=5,
    )
    assert total.quality.percent == 83


async def test_leads_by_team_source_and_campaign(kpis: SqlKpiRepo) -> None:
    teams = by_key(await kpis.leads(W, EVERYONE, Grouping.TEAM))
    assert teams[1] == LeadTally(
        1,
        delivered=4,
        taken=3,
        disputed=2,
        upheld=1,
        overturned=1,
        won=1,
        lost=1,
        in_work=1,
        sla_due=4,
        sla_met=3,
    )
    assert teams[2] == LeadTally(
        2, delivered=1, taken=1, returned=1, in_work=1, sla_due=1, sla_met=1
    )
    assert teams[3] == LeadTally(3, delivered=1, disputed=1, in_work=1, sla_due=1, sla_met=1)
    sources = by_key(await kpis.leads(W, EVERYONE, Grouping.SOURCE))
    assert {k: t.delivered for k, t in sources.items()} == {"Сайт": 4, "Выставка": 1, None: 1}
    campaigns = by_key(await kpis.leads(W, EVERYONE, Grouping.CAMPAIGN))
    assert {k: t.delivered for k, t in campaigns.items()} == {1: 3, 2: 2, None: 1}


async def test_a_sunday_night_lead_in_vladivostok_counts_in_that_week_there(
    kpis: SqlKpiRepo,
) -> None:
    [south] = await kpis.leads(W, TEAM2, Grouping.NONE)
    assert south.delivered == 1  # lead 5 at 23:30; lead 7 at 00:00 Monday is next week's
    next_week = week_of(date(2026, 11, 30), VLAD)
    assert [t.delivered for t in await kpis.leads(next_week, TEAM2, Grouping.NONE)] == [1]


async def test_a_reps_own_leads_and_a_one_person_team(kpis: SqlKpiRepo) -> None:
    [mine] = await kpis.leads(W, Slice(person_id=10), Grouping.NONE)
    assert (mine.delivered, mine.upheld, mine.won) == (2, 1, 1)
    [solo] = await kpis.leads(W, TEAM3, Grouping.NONE)
    assert solo.dispute_rate.percent == 100
    assert solo.first_action_sla.percent == 100


async def test_the_week_before_and_an_empty_week(kpis: SqlKpiRepo) -> None:
    [before] = await kpis.leads(W0, EVERYONE, Grouping.NONE)
    assert (before.delivered, before.upheld, before.won) == (2, 1, 1)
    assert await kpis.leads(EMPTY, EVERYONE, Grouping.NONE) == []
    assert await kpis.leads(EMPTY, EVERYONE, Grouping.TEAM) == []
    assert await kpis.decisions(EMPTY, EVERYONE, Grouping.NONE) == []


async def test_leads_week_by_week(kpis: SqlKpiRepo) -> None:
    weeks = await kpis.lead_weeks([W0, W], EVERYONE)
    assert {t.key: t.delivered for t in weeks} == {0: 2, 1: 6}
    assert {t.key: t.delivered for t in await kpis.lead_weeks([W0, W], TEAM2)} == {1: 1}


async def test_verdicts_overturned_and_within_the_decision_sla(kpis: SqlKpiRepo) -> None:
    assert await kpis.decisions(W, EVERYONE, Grouping.NONE) == [
        DecisionTally(None, decided=2, overturned=1, on_time=1)
    ]
    assert by_key(await kpis.decisions(W, EVERYONE, Grouping.TEAM)) == {
        1: DecisionTally(1, decided=2, overturned=1, on_time=1)
    }
    assert await kpis.decisions(W0, EVERYONE, Grouping.NONE) == [
        DecisionTally(None, decided=1, overturned=0, on_time=1)
    ]
    assert await kpis.decisions(W, Slice(person_id=10), Grouping.NONE) == [
        DecisionTally(None, decided=1, overturned=0, on_time=1)
    ]
    weeks = await kpis.decision_weeks([W0, W], EVERYONE)
    assert [(d.key, d.decided) for d in weeks] == [(0, 1), (1, 2)]


# --- campaigns ------------------------------------------------------------------------------


async def test_acknowledged_before_the_launch_day_began_in_each_recipients_zone(
    kpis: SqlKpiRepo,
) -> None:
    assert await kpis.acknowledgements(W, EVERYONE) == [
        AckTally(1, "Зима", date(2026, 11, 26), delivered=3, acknowledged=2, unreachable=1)
    ]
    assert await kpis.acknowledgements(W, TEAM1) == [
        AckTally(1, "Зима", date(2026, 11, 26), delivered=2, acknowledged=1, unreachable=0)
    ]
    [south] = await kpis.acknowledgements(W, TEAM2)
    assert south.share.value is None  # nobody reached: no data, not 0 %
    assert await kpis.unreachable(W, EVERYONE) == 1
    assert await kpis.unreachable(W, TEAM1) == 0
    assert await kpis.acknowledgements(EMPTY, EVERYONE) == []


async def test_the_median_time_to_acknowledge(kpis: SqlKpiRepo) -> None:
    # 60, 7,950 and 8,040 minutes after delivery.
    assert await kpis.ack_minutes(W, EVERYONE) == pytest.approx(7950, abs=0.01)
    # Team Север: 60 and 7,950: the mean of the middle two.
    assert await kpis.ack_minutes(W, TEAM1) == pytest.approx(4005, abs=0.01)
    assert await kpis.ack_minutes(EMPTY, EVERYONE) is None


# --- questions and feedback -----------------------------------------------------------------


async def test_questions_open_at_the_weeks_end_answered_and_published(kpis: SqlKpiRepo) -> None:
    assert await kpis.questions(W, EVERYONE) == QuestionTally(
        None, asked=3, open=1, answered=1, published=1
    )
    # At the end of W0 question 3 was still open (it was answered in W).
    assert await kpis.questions(W0, EVERYONE) == QuestionTally(None, asked=1, open=1)
    assert await kpis.questions(W, TEAM2) == QuestionTally(None)
    assert await kpis.answer_minutes(W, EVERYONE) == pytest.approx(120, abs=0.01)
    assert await kpis.answer_minutes(EMPTY, EVERYONE) is None


async def test_ratings_per_campaign_and_thumbs_down_per_key_message(kpis: SqlKpiRepo) -> None:
    assert await kpis.ratings(W, EVERYONE) == [RatingTally(1, "Зима", count=3, total=11)]
    assert await kpis.ratings(W0, EVERYONE) == [RatingTally(1, "Зима", count=1, total=3)]
    assert await kpis.ratings(W, TEAM1) == [RatingTally(1, "Зима", count=2, total=6)]
    assert await kpis.reactions(W, EVERYONE) == [
        ReactionTally(1, 0, "A", total=3, negative=2),
        ReactionTally(1, 1, "B", total=2, negative=0),
    ]
    assert await kpis.ratings(EMPTY, EVERYONE) == []


# --- meetings -------------------------------------------------------------------------------


async def test_meetings_held_attendance_and_action_items_on_time(kpis: SqlKpiRepo) -> None:
    assert await kpis.meetings(W, EVERYONE, now=NOW) == MeetingTally(
        held=2, recorded=4, attended=3, actions_due=3, actions_on_time=1
    )
    assert await kpis.meetings(W, TEAM1, now=NOW) == MeetingTally(
        held=1, recorded=2, attended=1, actions_due=2, actions_on_time=1
    )
    assert await kpis.meetings(W, TEAM2, now=NOW) == MeetingTally(
        held=2, recorded=1, attended=1, actions_due=1, actions_on_time=0
    )
    assert await kpis.meetings(EMPTY, EVERYONE, now=NOW) == MeetingTally()


# --- what the agenda is built from ------------------------------------------------------------


async def test_the_agendas_sources(kpis: SqlKpiRepo) -> None:
    assert await kpis.disputes_waiting(EVERYONE) == 1
    assert await kpis.disputes_waiting(TEAM1) == 0
    [overturned] = await kpis.overturned(W, EVERYONE, 3)
    assert (overturned.lead, overturned.clause) == ("Лид 3", "1.1")
    questions = await kpis.top_questions(EVERYONE, 3)
    assert [(q.question_id, q.votes) for q in questions] == [(2, 2), (5, 1)]
    [low] = await kpis.lowest_ratings(W, EVERYONE, 3)
    assert (low.rating, low.comment) == (2, "Дорого")
    overdue = await kpis.overdue_actions(EVERYONE, date(2026, 11, 29), 5)
    assert [a.action_id for a in overdue] == [3]
    assert (await kpis.overdue_actions(TEAM2, date(2026, 11, 29), 5)) == []


async def test_no_figure_reads_rows_into_python_to_count(kpis: SqlKpiRepo) -> None:
    """The lead scans use the covering indexes (SQLite's plan says so)."""
    async with kpis._conn.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*), SUM(taken) FROM leads"
        " WHERE delivered_at >= ? AND delivered_at < ? AND team_id = ?",
        ("a", "b", 1),
    ) as cur:
        plan = " ".join(str(row[3]) for row in await cur.fetchall())
    assert "COVERING INDEX leads_kpi_team" in plan


async def test_window_bounds_are_half_open(kpis: SqlKpiRepo) -> None:
    edge = Window(W.start, W.start, W.first_day, W.first_day)
    assert await kpis.leads(edge, EVERYONE, Grouping.NONE) == []


# --- settings and drafts --------------------------------------------------------------------


async def test_digest_settings_and_agenda_drafts_are_kept(db: Database) -> None:
    from datetime import time

    from domain.kpis.records import AgendaDraft, AgendaItem, AgendaStatus, DigestSettings, ItemKind

    draft = AgendaDraft(
        1,
        (
            AgendaItem(ItemKind.QUESTION, (("text", "Где?"), ("votes", 2))),
            AgendaItem(ItemKind.DISPUTES_WAITING, (("count", 3),), kept=False),
        ),
        AgendaStatus.DRAFT,
        NOW,
    )
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
            " VALUES (1, 1, 'A', 'UTC', '2026-01-01 00:00:00.000000')"
        )
        await conn.execute(
            "INSERT INTO meetings (id, organiser_id, zone, created_at, updated_at)"
            " VALUES (1, 1, 'UTC', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
        )
    async with unit_of_work(db) as uow:
        assert await uow.kpis.digest_settings() == DigestSettings()
        await uow.kpis.save_digest_settings(DigestSettings(5, time(17, 30), False), by=1, now=NOW)
    async with unit_of_work(db) as uow:
        assert await uow.kpis.digest_settings() == DigestSettings(5, time(17, 30), False)
        await uow.kpis.save_agenda(draft)
        assert await uow.kpis.agenda(1) == draft
        assert await uow.kpis.agendas_of([1, 2]) == {1}
