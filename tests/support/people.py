"""Short ways to get people into Tandem through the real invite flow."""

from __future__ import annotations

import re

from tests.support.harness import Player, Tandem

ROLE_LABELS_RU = {
    "admin": "Администратор",
    "marketer": "Маркетолог",
    "team_lead": "Руководитель группы",
    "rep": "Торговый представитель",
    "analyst": "Аналитик",
}
LINK = re.compile(r"https://t\.me/(\w+)\?start=([A-Za-z0-9_-]+)")


async def admin(tandem: Tandem, user_id: int = 1000, name: str = "Ольга") -> Player:
    player = tandem.player(user_id, name, username="olga_admin")
    await player.send("/start")
    return player


async def create_invite(
    inviter: Player, roles: list[str], team: str | None = None, *, uses: int = 1
) -> str:
    """Drive /invite as a Russian-speaking admin; return the deep-link token.

    The composer starts as the admin's last invite was: tick and untick what differs."""
    await inviter.send("/invite")
    composer = inviter.last
    for role, label in ROLE_LABELS_RU.items():
        ticked = f"✅ {label}" in composer.labels()
        if ticked != (role in roles):
            await inviter.press(("✅ " if ticked else "▫️ ") + label, message=composer)
    wanted = f"Команда: {team or 'Без команды'}"
    if wanted not in composer.labels():
        current = next(label for label in composer.labels() if label.startswith("Команда: "))
        await inviter.press(current, message=composer)
        await inviter.press(team or "Без команды", message=composer)
    uses_label = next(label for label in composer.labels() if label.endswith(f" {uses}"))
    if not uses_label.startswith("✅"):
        await inviter.press(uses_label, message=composer)
    await inviter.press("🔗 Создать ссылку", message=composer)
    match = LINK.search(inviter.last.text)
    assert match, inviter.last.text
    return match[2]


async def join(
    tandem: Tandem,
    inviter: Player,
    user_id: int,
    name: str,
    roles: list[str],
    *,
    team: str | None = None,
    language_code: str | None = "ru",
) -> Player:
    token = await create_invite(inviter, roles, team)
    player = tandem.player(user_id, name, language_code=language_code)
    await player.send(f"/start {token}")
    return player


async def create_team(admin: Player, name: str, region: str, zone: str) -> None:
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    await admin.send(name)
    await admin.send(region)
    await admin.press(zone)
