"""A small company for campaign tests: an admin, a marketer, a team lead, five reps in two
teams in different time zones, one of them with quiet hours."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.harness import Player, Tandem
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join


@dataclass
class Org:
    admin: Player
    marketer: Player
    lead: Player  # team lead of «Сибирь»
    reps: list[Player]  # 0-2 in «Москва», 3-4 in «Сибирь»

    @property
    def everyone(self) -> list[Player]:
        return [self.admin, self.marketer, self.lead, *self.reps]


async def build_org(tandem: Tandem) -> Org:
    admin = await an_admin(tandem)
    await create_team(admin, "Москва", "Центр", "Europe/Moscow")
    await create_team(admin, "Сибирь", "Новосибирск", "Asia/Novosibirsk")
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    lead = await join(tandem, admin, 2100, "Лев", ["team_lead"], team="Сибирь")
    reps = [
        await join(tandem, admin, 3001, "Антон", ["rep"], team="Москва"),
        await join(tandem, admin, 3002, "Bella", ["rep"], team="Москва", language_code="en"),
        await join(tandem, admin, 3003, "Вера", ["rep"], team="Москва"),
        await join(tandem, admin, 3004, "Глеб", ["rep"], team="Сибирь"),
        await join(tandem, admin, 3005, "Dana", ["rep"], team="Сибирь", language_code="en"),
    ]
    # Вера keeps quiet hours in the morning.
    vera = reps[2]
    await vera.send("/settings")
    await vera.press("🌙 Тихие часы")
    await vera.send("09:00-11:00")
    return Org(admin, marketer, lead, reps)


async def draft_campaign(
    marketer: Player,
    *,
    name: str = "Зимний иммунитет",
    product: str = "Витамин D3",
    goal: str = "Пять новых аптек на представителя",
    messages: tuple[str, ...] = ("Принимать ежедневно", "Скидка 10% до конца года"),
    launch: str = "15.12",
    all_reps: bool = True,
    files: bool = True,
) -> None:
    """Build a draft through the wizard, as a Russian-speaking marketer would."""
    await marketer.send("/newcampaign")
    await marketer.send(name)
    await marketer.send(product)
    await marketer.send(goal)
    for message in messages:
        await marketer.send(message)
    await marketer.press("✅ Готово")
    await marketer.send(launch)
    if all_reps:
        await marketer.press("▫️ Все торговые представители")
    await marketer.press("✅ Готово")
    if files:
        await marketer.send_document("brief.pdf", b"%PDF-1.4 brief")
        await marketer.send_photo(b"\x89PNG fake photo")
    await marketer.press("✅ Готово")
