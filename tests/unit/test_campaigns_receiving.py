"""After the announcement: acknowledging, reading it again, the preview, the figures (a team
lead sees their own team), what opening a campaign shows each role, updates and the
cancellation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.campaigns import access, changes, queries, receiving, reports
from domain.campaigns.flows import WritingNote
from domain.campaigns.kinds import ANNOUNCE, CANCEL, ESCALATE, REFRESH, REMIND, UPDATE
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import CampaignCard
from domain.campaigns.reports import Opened
from domain.campaigns.versions import Note, NoteKind
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Person
from domain.ports import Outgoing
from tests.support.builders.campaigns import (
    ANNA,
    BORIS,
    GLEB,
    LEAD,
    MARKETER,
    a_campaign,
    a_material,
    an_org,
)
from tests.support.builders.people import NOW, a_lead, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow

LATER = NOW + timedelta(hours=2)
REPS = (ANNA, BORIS, GLEB)


async def announced(
    campaign: Campaign | None = None,
    *,
    sent_to: tuple[int, ...] = REPS,
    extra: tuple[Person, ...] = (),
) -> FakeUnitOfWork:
    """Campaign 1, announced to the three reps and delivered to ``sent_to``."""
    people, teams = an_org()
    campaign = campaign or a_campaign(1, status=Status.ANNOUNCED, announced_at=NOW)
    uow = campaigns_uow(*people, *extra, teams=teams, campaigns=[campaign])
    reps = [p for p in people if p.id in REPS]
    await uow.outbox.enqueue(
        ANNOUNCE, 1, "announce", [Outgoing(p.id, p.telegram_id, NOW) for p in reps]
    )
    for person_id in sent_to:
        uow.outbox.mark_sent(ANNOUNCE, 1, "announce", person_id)
    return uow


async def person(uow: FakeUnitOfWork, person_id: int) -> Person:
    found = await uow.people.get(person_id)
    assert found is not None
    return found


# --- acknowledging and reading -------------------------------------------------------------


async def test_got_it_is_recorded_once_and_names_the_announcement_to_update() -> None:
    uow = await announced()
    anna = await person(uow, ANNA)
    async with uow:
        first = await receiving.acknowledge(uow, actor=anna, campaign_id=1, now=LATER)
        again = await receiving.acknowledge(uow, actor=anna, campaign_id=1, now=LATER)
    assert first.first and not again.first
    assert first.message_id is not None and first.message_id == again.message_id
    assert first.announcement.acknowledged_at == LATER
    assert uow.audit.actions() == ["campaign.acknowledge"]


async def test_got_it_is_only_for_those_it_reached_and_not_once_cancelled() -> None:
    uow = await announced(sent_to=(ANNA,))
    with pytest.raises(Forbidden):
        async with uow:
            await receiving.acknowledge(uow, actor=await person(uow, BORIS), campaign_id=1, now=NOW)
    with pytest.raises(NotFound):
        async with uow:
            await receiving.acknowledge(uow, actor=await person(uow, ANNA), campaign_id=9, now=NOW)
    cancelled = await announced(a_campaign(1, status=Status.CANCELLED))
    with pytest.raises(InvalidInput) as refused:
        async with cancelled:
            await receiving.acknowledge(
                cancelled, actor=await person(cancelled, ANNA), campaign_id=1, now=NOW
            )
    assert refused.value.key == "error-campaign-cancelled"


async def test_the_announcement_again_counts_days_to_launch_in_the_readers_zone() -> None:
    late = NOW.replace(hour=20)  # 23:00 in Moscow, already the 25th in Novosibirsk
    uow = await announced(a_campaign(1, status=Status.ANNOUNCED, launch_date=date(2026, 11, 26)))
    async with uow:
        anna = await receiving.announcement(
            uow, actor=await person(uow, ANNA), campaign_id=1, now=late
        )
        gleb = await receiving.announcement(
            uow, actor=await person(uow, GLEB), campaign_id=1, now=late
        )
    assert (anna.days_to_launch, gleb.days_to_launch) == (2, 1)
    assert anna.recipient.id == ANNA and anna.acknowledged_at is None


async def test_the_announcement_and_materials_are_for_recipients_and_managers() -> None:
    uow = await announced(
        a_campaign(1, status=Status.ANNOUNCED, materials=(a_material(1),)), sent_to=(ANNA,)
    )
    async with uow:
        materials = await receiving.materials(uow, actor=await person(uow, ANNA), campaign_id=1)
        preview = await receiving.announcement(
            uow, actor=await person(uow, MARKETER), campaign_id=1, now=NOW
        )
    assert len(materials.materials) == 1 and preview.campaign.id == 1
    for outsider in (BORIS, LEAD):
        with pytest.raises(Forbidden):
            async with uow:
                await receiving.materials(uow, actor=await person(uow, outsider), campaign_id=1)


async def test_the_preview_is_the_marketers_own_and_never_acknowledged() -> None:
    uow = await announced(a_campaign(1, launch_date=date(2026, 11, 25)))
    marketer = await person(uow, MARKETER)
    async with uow:
        preview = await receiving.preview(uow, actor=marketer, campaign_id=1, now=NOW)
        files = await access.managed(uow, actor=marketer, campaign_id=1)
    assert preview.recipient == marketer and preview.days_to_launch == 1
    assert preview.acknowledged_at is None and files.id == 1
    with pytest.raises(Forbidden):
        async with uow:
            await receiving.preview(uow, actor=await person(uow, ANNA), campaign_id=1, now=NOW)


# --- figures and opening ---------------------------------------------------------------------


async def test_managers_see_every_team_and_a_lead_only_their_own() -> None:
    uow = await announced(sent_to=(ANNA, BORIS, GLEB))
    await uow.campaigns.acknowledge(1, ANNA, at=NOW)
    async with uow:
        everyone = await reports.campaign_figures(
            uow, actor=await person(uow, MARKETER), campaign_id=1
        )
        siberia = await reports.campaign_figures(uow, actor=await person(uow, LEAD), campaign_id=1)
    assert not everyone.team_only and everyone.figures.total.recipients == 3
    assert everyone.figures.total.acknowledged_percent == 33
    assert [t.team_id for t in everyone.figures.teams] == [1, 2]
    assert siberia.team_only and siberia.figures.total.recipients == 1
    assert [p.id for p in siberia.figures.total.not_acknowledged] == [GLEB]


async def test_figures_are_refused_to_reps_and_to_leads_the_campaign_did_not_reach() -> None:
    outsider = a_lead(22, team=1)
    uow = await announced(a_campaign(1, status=Status.ANNOUNCED), extra=(outsider,))
    uow.people.put(outsider)
    teamless = a_lead(23)
    uow.people.put(teamless)
    for who in (ANNA, 23):
        with pytest.raises(Forbidden):
            async with uow:
                await reports.campaign_figures(uow, actor=await person(uow, who), campaign_id=1)
    # Lead 22 leads Moscow, which it reached.
    async with uow:
        moscow = await reports.campaign_figures(uow, actor=outsider, campaign_id=1)
    assert moscow.figures.total.recipients == 2
    uow.people.put(a_rep(ANNA, team=3), a_rep(BORIS, team=3))
    with pytest.raises(Forbidden):
        async with uow:
            await reports.campaign_figures(uow, actor=outsider, campaign_id=1)


async def test_opening_a_campaign_shows_each_role_its_own_view() -> None:
    uow = await announced(sent_to=(ANNA, GLEB))
    async with uow:
        card = await reports.open_campaign(
            uow, actor=await person(uow, MARKETER), campaign_id=1, now=NOW
        )
        rep = await reports.open_campaign(
            uow, actor=await person(uow, ANNA), campaign_id=1, now=NOW
        )
        lead = await reports.open_campaign(
            uow, actor=await person(uow, LEAD), campaign_id=1, now=NOW
        )
    assert isinstance(card, CampaignCard)
    assert isinstance(rep, Opened) and rep.figures is None
    assert rep.announcement is not None and rep.announcement.recipient.id == ANNA
    assert isinstance(lead, Opened) and lead.announcement is None
    assert lead.figures is not None and lead.figures.figures.total.recipients == 1
    with pytest.raises(Forbidden):
        async with uow:
            await reports.open_campaign(uow, actor=await person(uow, BORIS), campaign_id=1, now=NOW)


async def test_a_lead_without_a_team_who_got_it_just_reads_it() -> None:
    people, teams = an_org()
    lead = a_lead(LEAD)
    uow = campaigns_uow(*people, teams=teams, campaigns=[a_campaign(1, status=Status.ANNOUNCED)])
    uow.people.put(lead)
    await uow.outbox.enqueue(ANNOUNCE, 1, "announce", [Outgoing(LEAD, lead.telegram_id, NOW)])
    uow.outbox.mark_sent(ANNOUNCE, 1, "announce", LEAD)
    async with uow:
        opened = await reports.open_campaign(uow, actor=lead, campaign_id=1, now=NOW)
    assert isinstance(opened, Opened)
    assert opened.announcement is not None and opened.figures is None


async def test_campaigns_list_what_each_person_may_open() -> None:
    uow = await announced(sent_to=(ANNA,))
    uow.campaigns.put(a_campaign(2), a_campaign(3, status=Status.CANCELLED))
    async with uow:
        manager = await queries.visible(uow, actor=await person(uow, MARKETER))
        anna = await queries.visible(uow, actor=await person(uow, ANNA))
        boris = await queries.visible(uow, actor=await person(uow, BORIS))
        lead = await queries.visible(uow, actor=await person(uow, LEAD))
    assert manager.manager and [c.id for c in manager.campaigns] == [3, 2, 1]
    assert not anna.manager and [c.id for c in anna.campaigns] == [1]
    assert boris.campaigns == ()  # queued for him, not delivered yet
    assert [c.id for c in lead.campaigns] == [1]  # it reaches his team


# --- updates and the cancellation ----------------------------------------------------------


async def test_an_update_is_asked_only_once_the_campaign_is_announced() -> None:
    uow = await announced()
    uow.campaigns.put(a_campaign(2))
    marketer = await person(uow, MARKETER)
    async with uow:
        prompt = await changes.ask_note(
            uow, actor=marketer, campaign_id=1, purpose=NoteKind.UPDATE, now=NOW
        )
    assert prompt.state == WritingNote(1, NoteKind.UPDATE) == uow.flows.states[MARKETER]
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await changes.ask_note(
                uow, actor=marketer, campaign_id=2, purpose=NoteKind.CANCELLATION, now=NOW
            )
    assert refused.value.key == "error-not-sent-yet"


async def test_an_update_reaches_everyone_who_got_it_and_refreshes_their_announcement() -> None:
    uow = await announced(sent_to=(ANNA, GLEB))
    state = WritingNote(1, NoteKind.UPDATE)
    uow.flows.states[MARKETER] = state
    async with uow:
        sent = await changes.send_note(
            uow, actor=await person(uow, MARKETER), state=state, text="Launch moves", now=LATER
        )
    assert sent.note == Note(1, NoteKind.UPDATE, "Launch moves") and sent.count == 2
    assert sent.card.campaign.revision == 1 and sent.card.campaign.status is Status.ANNOUNCED
    assert uow.outbox.recipients(UPDATE, batch="update:1") == {ANNA, GLEB}
    assert uow.outbox.recipients(REFRESH, batch="refresh:1") == {ANNA, GLEB}
    assert await uow.campaigns.note(1, 1) == sent.note
    assert uow.flows.states == {} and uow.audit.actions() == ["campaign.update"]


async def test_the_cancellation_withdraws_what_has_not_gone_out() -> None:
    uow = await announced(sent_to=(ANNA,))
    await uow.outbox.enqueue(REMIND, 1, "reminder:1", [Outgoing(ANNA, 1011, LATER)])
    await uow.outbox.enqueue(ESCALATE, 1, "escalate", [Outgoing(LEAD, 1021, LATER)])
    state = WritingNote(1, NoteKind.CANCELLATION)
    async with uow:
        sent = await changes.send_note(
            uow, actor=await person(uow, MARKETER), state=state, text="Delayed", now=LATER
        )
    campaign = sent.card.campaign
    assert campaign.status is Status.CANCELLED and campaign.cancelled_at == LATER
    assert uow.outbox.recipients(CANCEL, batch="update:1") == {ANNA}
    assert uow.outbox.recipients(ANNOUNCE) == {ANNA}  # Boris's and Gleb's were withdrawn
    assert uow.outbox.queued(REMIND) == [] and uow.outbox.queued(ESCALATE) == []


async def test_updates_are_numbered_and_an_empty_note_is_refused() -> None:
    uow = await announced(a_campaign(1, status=Status.ANNOUNCED, revision=2))
    state = WritingNote(1, NoteKind.UPDATE)
    marketer = await person(uow, MARKETER)
    with pytest.raises(InvalidInput):
        async with uow:
            await changes.send_note(uow, actor=marketer, state=state, text="  ", now=NOW)
    async with uow:
        sent = await changes.send_note(uow, actor=marketer, state=state, text="More", now=NOW)
    assert sent.note.number == 3
    assert uow.outbox.recipients(UPDATE, batch="update:3") == set(REPS)


async def test_an_update_says_what_changed_since_recipients_saw_it_and_skips_the_unreachable() -> (
    None
):
    from datetime import date

    from domain.campaigns.versions import Change, Field

    sent = a_campaign(1, status=Status.ANNOUNCED, announced_at=NOW)
    uow = await announced(sent.as_sent(), sent_to=(ANNA, GLEB))
    marketer = await person(uow, MARKETER)
    moved = sent.as_sent().with_(launch_date=date(2026, 12, 20), name="Новое имя")
    uow.campaigns.put(moved)
    assert [c.field for c in moved.changed_since_sent()] == [Field.NAME, Field.LAUNCH]
    # Глеб blocked the bot since: a reminder to him could not be delivered.
    await uow.outbox.enqueue(REMIND, 1, "reminder:1", [Outgoing(GLEB, 1013, LATER)])
    uow.outbox.mark(REMIND, 1, "reminder:1", GLEB, "unreachable")
    state = WritingNote(1, NoteKind.UPDATE)
    async with uow:
        note_sent = await changes.send_note(
            uow, actor=marketer, state=state, text="Moves", now=LATER
        )
    assert note_sent.note.changes == (
        Change(Field.NAME, sent.name, "Новое имя"),
        Change(
            Field.LAUNCH, sent.launch_date.isoformat() if sent.launch_date else None, "2026-12-20"
        ),
    )
    assert note_sent.count == 1 and [p.id for p in note_sent.unreachable] == [GLEB]
    assert uow.outbox.recipients(UPDATE, batch="update:1") == {ANNA}
    assert note_sent.card.campaign.changed_since_sent() == ()  # what they see now
    # When it has gone out, its author gets a short report.
    from domain.campaigns import notices
    from domain.campaigns.kinds import REPORT

    uow.outbox.mark_sent(UPDATE, 1, "update:1", ANNA)
    assert await notices.queue_delivery_report(uow, UPDATE, 1, "update:1", LATER)
    assert uow.outbox.recipients(REPORT, batch="update:1") == {MARKETER}
