"""Campaigns: ``a_campaign(status=Status.ANNOUNCED)`` is complete and ready to send unless
told otherwise; ``a_draft()`` is a fresh, empty one."""

from __future__ import annotations

from datetime import date

from domain.campaigns.model import Audience, Campaign, Material, Status
from domain.campaigns.schedule import REMINDER_PRESETS
from domain.people.model import Person, Team
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep, a_team

LAUNCH = date(2026, 12, 15)  # three weeks after NOW


def a_campaign(cid: int = 1, *, created_by: int = 1, **changes: object) -> Campaign:
    campaign = Campaign(
        id=cid,
        name="Winter",
        product="Vitamin D",
        goal="Five new pharmacies per rep",
        key_messages=("Take it daily", "10% off until the new year"),
        launch_date=LAUNCH,
        audience=Audience(all_reps=True),
        protect_content=True,
        status=Status.DRAFT,
        schedule=None,
        reminders=REMINDER_PRESETS["standard"],
        created_by=created_by,
        created_at=NOW,
    )
    return campaign.with_(**changes)


def a_draft(cid: int = 1, *, created_by: int = 1) -> Campaign:
    return a_campaign(
        cid,
        created_by=created_by,
        name="",
        product="",
        goal="",
        key_messages=(),
        launch_date=None,
        audience=Audience(),
    )


def a_material(mid: int, name: str | None = "brief.pdf") -> Material:
    kind = "document" if name else "photo"
    return Material(mid, kind, f"file-{mid}", name)


MARKETER, ANNA, BORIS, GLEB, LEAD = 1, 11, 12, 13, 21


def an_org() -> tuple[list[Person], list[Team]]:
    """A marketer; Anna and Boris in Moscow; Gleb and his team lead in Siberia."""
    people = [
        a_marketer(MARKETER, name="Marina"),
        a_rep(ANNA, team=1, name="Anna"),
        a_rep(BORIS, team=1, name="Boris"),
        a_rep(GLEB, team=2, tz="Asia/Novosibirsk", name="Gleb"),
        a_lead(LEAD, team=2, tz="Asia/Novosibirsk", name="Lev"),
    ]
    return people, [a_team(1, "Moscow"), a_team(2, "Siberia", tz="Asia/Novosibirsk")]
