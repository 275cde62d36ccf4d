"""Seeding a bot's database fast, through the same use cases and repositories the bot uses:
many reps at once, and a campaign announced to all of them. For benchmarks and for tests that
need a crowd (the crash test), where joining each person through an invite would take long."""

from __future__ import annotations

from datetime import timedelta

from domain.campaigns import audience, drafting, scheduling
from domain.campaigns.flows import Step
from domain.campaigns.schedule import Schedule, ScheduleMode
from domain.people.model import NewPerson, Role
from storage.people import SqlPeopleRepo
from tests.support.harness import Tandem

FIRST_REP = 10_000_000

KEY_MESSAGES = (
    "Принимать ежедневно в течение всего сезона простуд.",
    "Клинически подтверждённый состав, без сахара и красителей.",
    "Для взрослых и детей старше 12 лет; одна капсула в день.",
)


async def announce_campaign(tandem: Tandem, by: int) -> int:
    """Draft a realistic campaign as ``by`` (the Telegram id of an admin or marketer) and send
    it now, through the same use cases the marketer's buttons call; returns the number of
    recipients."""
    now = tandem.clock.now()
    async with tandem.services.services.uow() as uow:
        actor = await uow.people.by_telegram_id(by)
        assert actor is not None
        asked = await drafting.start(uow, actor=actor, now=now)
        cid = asked.prompt.state.campaign_id
        for step, text in (
            (Step.NAME, "Зимний иммунитет"),
            (Step.PRODUCT, "Иммуно-Плюс, 30 капсул"),
            (Step.GOAL, "+15% продаж в аптечных сетях за сезон."),
        ):
            await drafting.set_field(
                uow, actor=actor, campaign_id=cid, step=step, text=text, now=now
            )
        for message in KEY_MESSAGES:
            await drafting.add_key_message(uow, actor=actor, campaign_id=cid, text=message, now=now)
        await drafting.set_launch_date(
            uow, actor=actor, campaign_id=cid, launch=now.date() + timedelta(days=21), now=now
        )
        await audience.toggle_audience(uow, actor=actor, campaign_id=cid, all_reps=True, now=now)
        result = await scheduling.schedule(
            uow, actor=actor, campaign_id=cid, when=Schedule(ScheduleMode.NOW), now=now
        )
    return result.recipients


async def add_reps(tandem: Tandem, count: int) -> list[int]:
    now = tandem.clock.now()
    recipients = []
    async with tandem.services.db.transaction() as conn:
        repo = SqlPeopleRepo(conn)
        for n in range(count):
            telegram_id = FIRST_REP + n
            await repo.add(
                NewPerson(
                    telegram_id=telegram_id,
                    first_name=f"Rep {n}",
                    last_name=None,
                    username=None,
                    telegram_language="ru",
                    timezone="Europe/Moscow",
                    team_id=None,
                    roles=frozenset({Role.REP}),
                ),
                joined_at=now,
            )
            user = tandem.fake.user(telegram_id, f"Rep {n}", language_code="ru")
            user.started = True  # they joined through an invite long ago
            recipients.append(telegram_id)
    return recipients
