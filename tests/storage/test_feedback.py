"""Field feedback on a real SQLite file: settings, submissions with their media and reactions,
whom a campaign reached, the prompt sweep, and the use cases' rules over real storage."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.campaigns.model import Audience, Status
from domain.errors import DomainError, Forbidden, InvalidInput
from domain.feedback import giving, prompts, reports, settings
from domain.feedback.flows import AddingExtras, Reacting, TypingDays
from domain.feedback.model import (
    Feedback,
    FeedbackSettings,
    KeyReaction,
    MediaKind,
    NewFeedback,
    Reaction,
)
from domain.people.model import NewPerson, Person, Role
from domain.ports import UnitOfWork
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import Recipient
from storage.flows import FlowCodec
from storage.uow import unit_of_work

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
LAUNCH = date(2026, 12, 15)
CODEC = FlowCodec([AddingExtras, Reacting, TypingDays])


class World:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.people: dict[str, Person] = {}

    async def person(
        self, name: str, *roles: Role, team: int | None = None, tz: str = "Europe/Moscow"
    ) -> Person:
        async with unit_of_work(self.db, CODEC) as uow:
            person = await uow.people.add(
                NewPerson(
                    7000 + len(self.people), name, None, None, "ru", tz, team, frozenset(roles)
                ),
                joined_at=T0,
            )
        self.people[name] = person
        return person

    async def campaign(self, marketer: Person, messages: tuple[str, ...] = ("A", "B")) -> int:
        async with unit_of_work(self.db, CODEC) as uow:
            draft = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
            campaign = draft.with_(
                name="Winter",
                product="D3",
                key_messages=messages,
                launch_date=LAUNCH,
                audience=Audience(all_reps=True),
                status=Status.ANNOUNCED,
                announced_at=T0,
            )
            await uow.campaigns.save(campaign, now=T0)
        return campaign.id

    async def reach(self, campaign_id: int, *people: Person, at: datetime = T0) -> None:
        """The announcement reached these people at ``at``."""
        async with self.db.transaction() as conn:
            repo = SqlDeliveryRepo(conn)
            await repo.enqueue(
                "campaign.announce",
                campaign_id,
                "announce",
                [Recipient(p.id, p.telegram_id, at) for p in people],
            )
            for p in people:
                row = await repo.get("campaign.announce", campaign_id, "announce", p.id)
                assert row is not None
                await repo.mark_sent(row.id, 100 + p.id, at)

    async def prompt(
        self, campaign_id: int, person: Person, *, day: int, message_id: int, at: datetime = T0
    ) -> None:
        """The day-``day`` prompt went out to the person as message ``message_id``."""
        async with self.db.transaction() as conn:
            repo = SqlDeliveryRepo(conn)
            batch = prompts.prompt_batch(day)
            await repo.enqueue(
                prompts.PROMPT, campaign_id, batch, [Recipient(person.id, person.telegram_id, at)]
            )
            row = await repo.get(prompts.PROMPT, campaign_id, batch, person.id)
            assert row is not None
            await repo.mark_sent(row.id, message_id, at)


async def rate(
    uow: UnitOfWork, actor: Person, campaign_id: int, rating: int, *, origin: int | None
) -> Feedback:
    """Rate, and keep the submission (the flow it opens is the giving tests' concern)."""
    rated = await giving.rate(
        uow, actor=actor, campaign_id=campaign_id, rating=rating, origin=origin, now=T0
    )
    return rated.feedback


@pytest.fixture
async def world(db: Database) -> World:
    return World(db)


async def test_settings_default_and_round_trip(db: Database, world: World) -> None:
    marketer = await world.person("M", Role.MARKETER)
    cid = await world.campaign(marketer)
    async with unit_of_work(db, CODEC) as uow:
        assert await uow.feedback.settings(cid) == FeedbackSettings(cid, False, (3, 14))
        await uow.feedback.save_settings(
            FeedbackSettings(cid, True, (2, 9)), by=marketer.id, now=T0
        )
        await uow.feedback.save_settings(FeedbackSettings(cid, True, (1,)), by=marketer.id, now=T0)
        assert await uow.feedback.settings(cid) == FeedbackSettings(cid, True, (1,))


async def test_submissions_with_media_and_reactions_round_trip(db: Database, world: World) -> None:
    marketer = await world.person("M", Role.MARKETER)
    ann = await world.person("Ann", Role.REP, team=None)
    cid = await world.campaign(marketer)
    async with unit_of_work(db, CODEC) as uow:
        repo = uow.feedback
        first = await repo.add(NewFeedback(cid, ann.id, None, False, "day:3", 55, 4, T0))
        assert (first.rating, first.source, first.comment, first.attachments) == (
            4,
            "day:3",
            None,
            (),
        )
        later = T0 + timedelta(minutes=5)
        await repo.set_rating(first.id, 2, now=later)
        await repo.set_comment(first.id, "Line one\nline <two>", now=later)
        await repo.add_attachment(first.id, MediaKind.PHOTO, "photo-1", now=later)
        await repo.add_attachment(first.id, MediaKind.VOICE, "voice-1", now=later)
        await repo.set_reaction(first.id, 0, "A", Reaction.NEUTRAL, now=later)
        await repo.set_reaction(first.id, 0, "A", Reaction.POSITIVE, now=later)  # changed
        await repo.set_reaction(first.id, 1, "B", Reaction.NEGATIVE, now=later)
        second = await repo.add(NewFeedback(cid, ann.id, None, True, "any", None, 5, later))
        again = await repo.get(first.id)
        assert again is not None
        assert (again.rating, again.comment, again.updated_at) == (2, "Line one\nline <two>", later)
        assert [(a.kind, a.file_id) for a in again.attachments] == [
            (MediaKind.PHOTO, "photo-1"),
            (MediaKind.VOICE, "voice-1"),
        ]
        assert again.reactions == (
            KeyReaction(0, "A", Reaction.POSITIVE),
            KeyReaction(1, "B", Reaction.NEGATIVE),
        )
        assert await repo.by_origin(ann.id, cid, 55) == again
        assert await repo.by_origin(ann.id, cid, 56) is None
        listed = await repo.for_campaign(cid)
        assert [f.id for f in listed] == [second.id, first.id]  # newest first
        assert listed[0].anonymous is True
        assert await repo.counts([cid, cid + 1]) == {cid: 2}
        assert await repo.get(999) is None


async def test_team_filter_and_whom_a_campaign_reached(db: Database, world: World) -> None:
    async with unit_of_work(db, CODEC) as uow:
        north = await uow.teams.add(name="North", region="N", timezone="Europe/Moscow")
        south = await uow.teams.add(name="South", region="S", timezone="Asia/Omsk")
    marketer = await world.person("M", Role.MARKETER)
    ann = await world.person("Ann", Role.REP, team=north.id)
    bob = await world.person("Bob", Role.REP, team=south.id)
    cid = await world.campaign(marketer)
    await world.reach(cid, ann, at=T0)
    await world.reach(cid, bob, at=T0 + timedelta(hours=1))
    async with unit_of_work(db, CODEC) as uow:
        assert await uow.feedback.reached(cid) == {ann.id: T0, bob.id: T0 + timedelta(hours=1)}
        await uow.feedback.add(NewFeedback(cid, ann.id, north.id, False, "any", None, 5, T0))
        await uow.feedback.add(NewFeedback(cid, bob.id, south.id, False, "any", None, 1, T0))
        assert [f.person_id for f in await uow.feedback.for_campaign(cid, team_id=south.id)] == [
            bob.id
        ]
        assert await uow.feedback.counts([cid], team_id=north.id) == {cid: 1}


async def test_the_sweep_queues_each_prompt_once_when_it_comes_due(
    db: Database, world: World
) -> None:
    marketer = await world.person("M", Role.MARKETER)
    moscow = await world.person("Moscow", Role.REP)
    omsk = await world.person("Omsk", Role.REP, tz="Asia/Omsk")  # UTC+6
    late = await world.person("Late", Role.REP)
    cid = await world.campaign(marketer)
    await world.reach(cid, moscow, omsk)
    # Reached only after the day-3 prompt's moment: that prompt is not sent to them.
    await world.reach(cid, late, at=datetime(2026, 12, 18, 9, 0, tzinfo=UTC))

    async def sweep(now: datetime) -> int:
        async with unit_of_work(db, CODEC) as uow:
            return await prompts.queue_due_prompts(uow, now)

    async def queued(batch: str) -> dict[int, str]:
        async with unit_of_work(db, CODEC) as uow:
            return await uow.outbox.statuses(prompts.PROMPT, cid, batch)

    assert await sweep(datetime(2026, 12, 18, 3, 59, tzinfo=UTC)) == 0
    assert await sweep(datetime(2026, 12, 18, 4, 0, tzinfo=UTC)) == 1  # 10:00 in Omsk
    assert await queued("day:3") == {omsk.id: "pending"}
    assert await sweep(datetime(2026, 12, 18, 7, 0, tzinfo=UTC)) == 1  # 10:00 in Moscow
    assert await sweep(datetime(2026, 12, 18, 12, 0, tzinfo=UTC)) == 0  # idempotent
    assert await queued("day:3") == {omsk.id: "pending", moscow.id: "pending"}
    # Two days after a moment it would be stale: not queued any more.
    assert await sweep(datetime(2026, 12, 31, 8, 0, tzinfo=UTC)) == 0
    assert set(await queued("day:14")) == set()
    assert await sweep(datetime(2026, 12, 29, 8, 0, tzinfo=UTC)) == 3
    assert set(await queued("day:14")) == {moscow.id, omsk.id, late.id}
    async with db.transaction() as conn:
        row = await SqlDeliveryRepo(conn).get(prompts.PROMPT, cid, "day:14", omsk.id)
    assert row is not None and row.due_at == datetime(2026, 12, 29, 4, 0, tzinfo=UTC)


async def test_rate_changes_the_same_prompt_and_checks_the_giver(
    db: Database, world: World
) -> None:
    marketer = await world.person("M", Role.MARKETER)
    ann = await world.person("Ann", Role.REP)
    bob = await world.person("Bob", Role.REP)
    outsider = await world.person("Out", Role.REP)
    cid = await world.campaign(marketer)
    await world.reach(cid, ann, bob)
    await world.prompt(cid, ann, day=3, message_id=10)
    await world.prompt(cid, bob, day=14, message_id=12)
    async with unit_of_work(db, CODEC) as uow:
        first = await rate(uow, ann, cid, 4, origin=10)
        same = await rate(uow, ann, cid, 2, origin=10)
        other = await rate(uow, ann, cid, 5, origin=11)
        bobs_message = await rate(uow, ann, cid, 3, origin=12)  # Bob's prompt, not Ann's
        assert same.id == first.id and same.rating == 2 and same.source == "day:3"
        assert other.id != first.id and not other.anonymous and other.source == "any"
        assert bobs_message.source == "any"
        for bad in (0, 6):
            with pytest.raises(InvalidInput):
                await rate(uow, ann, cid, bad, origin=None)
        with pytest.raises(Forbidden):
            await rate(uow, outsider, cid, 5, origin=None)
        with pytest.raises(Forbidden):
            await giving.add_comment(uow, actor=bob, feedback_id=first.id, text="not mine", now=T0)
        await giving.add_comment(uow, actor=ann, feedback_id=first.id, text="one", now=T0)
        updated = await giving.add_attachment(
            uow,
            actor=ann,
            feedback_id=first.id,
            kind=MediaKind.PHOTO,
            file_id="p1",
            caption="two",
            now=T0,
        )
        assert updated.comment == "one\ntwo"
        with pytest.raises(InvalidInput) as too_long:
            await giving.add_comment(uow, actor=ann, feedback_id=first.id, text="x" * 1999, now=T0)
        assert too_long.value.key == "error-feedback-comment-full"
        reacted = (
            await giving.react(
                uow, actor=ann, feedback_id=first.id, index=1, reaction=Reaction.POSITIVE, now=T0
            )
        ).feedback
        assert reacted.reactions == (KeyReaction(1, "B", Reaction.POSITIVE),)
        with pytest.raises(DomainError):
            await giving.react(
                uow, actor=ann, feedback_id=first.id, index=2, reaction=Reaction.POSITIVE, now=T0
            )


async def test_the_summary_scope_and_anonymity(db: Database, world: World) -> None:
    async with unit_of_work(db, CODEC) as uow:
        north = await uow.teams.add(name="North", region="N", timezone="Europe/Moscow")
        south = await uow.teams.add(name="South", region="S", timezone="Europe/Moscow")
    marketer = await world.person("M", Role.MARKETER)
    admin = await world.person("A", Role.ADMIN)
    lead = await world.person("Lead", Role.TEAM_LEAD, team=north.id)
    south_lead = await world.person("Lead2", Role.TEAM_LEAD, team=south.id)
    ann = await world.person("Ann", Role.REP, team=north.id)
    bob = await world.person("Bob", Role.REP, team=north.id)
    rep = await world.person("Rep", Role.REP, team=south.id)
    cid = await world.campaign(marketer)
    await world.reach(cid, ann, bob)
    # Bob's prompt went out while the campaign was anonymous; he rates it once it is not.
    async with unit_of_work(db, CODEC) as uow:
        await settings.toggle_anonymous(
            uow, actor=marketer, campaign_id=cid, now=T0 - timedelta(days=1)
        )
    await world.prompt(cid, bob, day=3, message_id=2, at=T0 - timedelta(hours=20))
    async with unit_of_work(db, CODEC) as uow:
        await settings.toggle_anonymous(
            uow, actor=marketer, campaign_id=cid, now=T0 - timedelta(hours=1)
        )
    async with unit_of_work(db, CODEC) as uow:
        named = await rate(uow, ann, cid, 5, origin=1)
        secret = await rate(uow, bob, cid, 1, origin=2)
        assert not named.anonymous and secret.anonymous and secret.source == "day:3"
        everything = await reports.summary(uow, actor=marketer, campaign_id=cid)
        assert everything.team_only is None
        assert everything.author(named) == ann
        assert everything.author(secret) is None and bob.id not in everything.authors
        assert (await reports.summary(uow, actor=admin, campaign_id=cid)).tally.submissions == 2
        own_team = await reports.summary(uow, actor=lead, campaign_id=cid)
        assert own_team.team_only == north.id and own_team.tally.submissions == 2
        for refused in (south_lead, rep, ann):
            with pytest.raises(Forbidden):
                await reports.summary(uow, actor=refused, campaign_id=cid)
        # Anonymous for everyone once switched on; the earlier promise outlives switching off.
        await settings.toggle_anonymous(uow, actor=marketer, campaign_id=cid, now=T0)
        assert (await reports.summary(uow, actor=marketer, campaign_id=cid)).authors == {}
        await settings.toggle_anonymous(uow, actor=marketer, campaign_id=cid, now=T0)
        again = await reports.summary(uow, actor=marketer, campaign_id=cid)
        assert again.author(named) == ann and again.author(secret) is None
        with pytest.raises(Forbidden):
            await settings.toggle_anonymous(uow, actor=lead, campaign_id=cid, now=T0)
        with pytest.raises(InvalidInput):
            await settings.set_prompt_days(
                uow, actor=marketer, campaign_id=cid, days=[0, 3], now=T0
            )
        listing = await reports.campaigns_with_feedback(uow, actor=lead)
        assert [(c.id, n) for c, n in listing] == [(cid, 2)]
        assert await reports.campaigns_with_feedback(uow, actor=south_lead) == []


async def test_the_feedback_flow_states_survive_storage(db: Database, world: World) -> None:
    ann = await world.person("Ann", Role.REP)
    for state in (AddingExtras(7, 3), Reacting(7, 3, 1), TypingDays(3)):
        async with unit_of_work(db, CODEC) as uow:
            await uow.flows.save(ann.id, state, now=T0)
        async with unit_of_work(db, CODEC) as uow:
            assert await uow.flows.get(ann.id) == state
