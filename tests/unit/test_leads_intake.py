"""Intake use cases on the in-memory fakes: the /newlead form, file imports, the HTTP intake
and its sources."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.leads import importing, intake, kinds, sources
from domain.leads.flows import FormField, LeadForm, StepGone
from domain.leads.model import EventKind, LeadStatus
from domain.leads.parsing import read_table
from domain.ports import UnitOfWork
from tests.support.builders.leads import a_sales_lead
from tests.support.builders.people import NOW
from tests.support.builders.questions import an_announced_campaign
from tests.support.fakes.leads import Scene, a_scene


async def fill(scene: Scene, *answers: str | None) -> intake.FormStep:
    async with scene.uow as uow:
        step = await intake.start_form(uow, actor=scene.marketer, now=NOW)
    for answer in answers:
        async with scene.uow as uow:
            if answer is None:
                step = await intake.skip_field(uow, actor=scene.marketer, now=NOW)
            else:
                step = await intake.answer_form(uow, actor=scene.marketer, text=answer, now=NOW)
    return step


async def test_the_form_asks_field_by_field_and_normalises_the_phone() -> None:
    scene = a_scene()
    step = await fill(scene, "Ivan Petrov", "8 916 123 45 67", "Ivan@Example.com")
    assert step.state.waiting is FormField.COMPANY
    assert step.state.phone == "+79161234567" and step.state.email == "ivan@example.com"


async def test_a_malformed_phone_keeps_the_step() -> None:
    scene = a_scene()
    await fill(scene, "Ivan")
    with pytest.raises(InvalidInput, match="error-lead-phone"):
        async with scene.uow as uow:
            await intake.answer_form(uow, actor=scene.marketer, text="123", now=NOW)
    state = await scene.uow.flows.get(scene.marketer.id)
    assert isinstance(state, LeadForm) and state.waiting is FormField.PHONE


async def test_the_campaign_is_picked_from_the_list() -> None:
    campaign = an_announced_campaign(7, name="Winter")
    scene = a_scene(campaign)
    step = await fill(scene, "Ivan", "+79161234567", None, None, None, None)
    assert step.state.waiting is FormField.CAMPAIGN and step.campaigns == [campaign]
    with pytest.raises(InvalidInput, match="error-use-buttons"):
        await intake.answer_form(scene.uow, actor=scene.marketer, text="Winter", now=NOW)
    async with scene.uow as uow:
        step = await intake.pick_campaign(uow, actor=scene.marketer, campaign_id=7, now=NOW)
    assert step.state.campaign_id == 7 and step.state.waiting is FormField.COMMENT


async def test_the_form_creates_the_lead_and_gives_it_out_round_robin() -> None:
    scene = a_scene()
    await fill(scene, "Ivan", "+79161234567", None, None, None, None, None, "Call after 3")
    async with scene.uow as uow:
        created = await intake.create_from_form(
            uow, actor=scene.marketer, team_id=1, rep_id=None, now=NOW
        )
    assert created.assignee == scene.reps[0]
    assert created.lead.status is LeadStatus.NEW and created.lead.contact.comment == "Call after 3"
    assert scene.leads.kinds_of(1) == [EventKind.CREATED, EventKind.ASSIGNED]
    assert scene.uow.outbox.recipients(kinds.CARD, ref_id=1) == {scene.reps[0].id}
    assert await scene.uow.flows.get(scene.marketer.id) is None


async def test_a_lead_with_the_same_phone_within_30_days_is_flagged_a_duplicate() -> None:
    scene = a_scene()
    scene.leads.put(a_sales_lead(1, at=NOW - timedelta(days=29)))
    await fill(scene, "Ivan", "+7 916 123 45 67", None, None, None, None, None, None)
    async with scene.uow as uow:
        created = await intake.create_from_form(
            uow, actor=scene.marketer, team_id=None, rep_id=None, now=NOW
        )
    assert created.duplicate_of == 1 and created.assignee is None


async def test_only_marketers_and_admins_bring_leads_in() -> None:
    scene = a_scene()
    for someone in (scene.reps[0], scene.analyst, scene.lead):
        with pytest.raises(Forbidden):
            await intake.start_form(scene.uow, actor=someone, now=NOW)
        with pytest.raises(Forbidden):
            await importing.start_import(scene.uow, actor=someone, now=NOW)


async def test_skipping_a_required_field_is_refused_and_a_stale_step_is_gone() -> None:
    scene = a_scene()
    with pytest.raises(StepGone):
        await intake.skip_field(scene.uow, actor=scene.marketer, now=NOW)
    await fill(scene)
    with pytest.raises(InvalidInput):
        await intake.skip_field(scene.uow, actor=scene.marketer, now=NOW)


# --- files ---------------------------------------------------------------------------------------

CSV = (
    "Name;Phone;E-mail;Region;Campaign\n"
    "Ivan;+79161234567;;Центр;\n"
    "Anna;;anna@example.com;Центр;Winter\n"
    "Ivan again;8 916 123 45 67;;Центр;\n"
    "No contact;;;Центр;\n"
    "Bad phone;123;;Центр;\n"
    "Unknown campaign;+79031112233;;Центр;Summer\n"
).encode()


def factory(scene: Scene):  # type: ignore[no-untyped-def]
    def make() -> UnitOfWork:
        return scene.uow  # type: ignore[return-value]

    return make


async def test_a_file_is_imported_with_duplicates_flagged_and_bad_rows_rejected() -> None:
    scene = a_scene(an_announced_campaign(7, name="Winter"))
    table = read_table("leads.csv", CSV)
    report = await importing.import_table(
        factory(scene), actor=scene.marketer, table=table, now=NOW
    )
    assert report.imported == 3 and report.duplicates == 1
    assert [(r.row[0], r.reason) for r in report.rejected] == [
        ("No contact", "error-lead-contact"),
        ("Bad phone", "error-lead-phone"),
        ("Unknown campaign", "error-import-campaign"),
    ]
    leads = await scene.leads.many([1, 2, 3])
    assert [lead.duplicate_of for lead in leads] == [None, None, 1]
    assert leads[1].contact.campaign_id == 7
    assert all(lead.status is LeadStatus.UNASSIGNED for lead in leads)
    assert scene.leads.kinds_of(3) == [EventKind.IMPORTED]
    assert report.teams == ((2, "Казань"), (1, "Москва"))  # by name


async def test_a_big_file_is_written_in_chunks_and_a_failure_leaves_nothing_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scene = a_scene()
    rows = "".join(f"L{i};+7916{i:07d}\n" for i in range(2500))
    table = read_table("leads.csv", ("Name;Phone\n" + rows).encode())
    calls = 0
    real = scene.leads.add_many

    async def fails_on_the_third(new):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        return await real(new)

    monkeypatch.setattr(scene.leads, "add_many", fails_on_the_third)
    with pytest.raises(RuntimeError):
        await importing.import_table(factory(scene), actor=scene.marketer, table=table, now=NOW)
    assert scene.leads.by_id == {} and scene.leads.events == []
    assert calls == 3  # 1000 + 1000 written, each its own transaction, then removed again


async def test_imported_leads_go_out_round_robin_by_region() -> None:
    scene = a_scene(an_announced_campaign(7, name="Winter"))
    table = read_table("leads.csv", CSV)
    report = await importing.import_table(
        factory(scene), actor=scene.marketer, table=table, now=NOW
    )
    from domain.leads import assignment

    async with scene.uow as uow:
        spread = await assignment.assign_import(
            uow, actor=scene.marketer, import_id=report.import_id, team_id=None, now=NOW
        )
    assert (spread.assigned, spread.left) == (3, 0)
    holders = [lead.assignee_id for lead in await scene.leads.many([1, 2, 3])]
    assert holders == [10, 11, 10]
    with pytest.raises(NotFound):
        await assignment.assign_import(
            scene.uow, actor=scene.marketer, import_id=report.import_id, team_id=None, now=NOW
        )


# --- HTTP intake ---------------------------------------------------------------------------------


async def a_source(scene: Scene) -> str:
    async with scene.uow as uow:
        made = await sources.create_source(uow, actor=scene.admin, name="Site form", now=NOW)
    assert made.token.startswith("tdm_")
    assert scene.sources.hashes[made.source.id] == sources.hash_token(made.token)
    return made.token


async def test_a_posted_lead_is_created_once_per_external_id() -> None:
    scene = a_scene()
    token = await a_source(scene)
    fields = {"name": "Ivan", "phone": "+7 916 123 45 67", "region": "центр"}
    async with scene.uow as uow:
        first = await sources.receive(
            uow, token=token, external_id="17", fields=fields, campaign=None, now=NOW
        )
    async with scene.uow as uow:
        again = await sources.receive(
            uow, token=token, external_id="17", fields=fields, campaign=None, now=NOW
        )
    assert first.created and not again.created and again.lead.id == first.lead.id
    assert first.lead.contact.source == "Site form"
    assert first.lead.assignee_id == 10  # the region's team, round-robin
    assert len(scene.leads.by_id) == 1


async def test_an_unknown_or_revoked_token_is_refused() -> None:
    scene = a_scene()
    token = await a_source(scene)
    fields = {"name": "Ivan", "phone": "+79161234567"}
    for bad in ("", "tdm_wrong"):
        with pytest.raises(Forbidden):
            await sources.receive(
                scene.uow, token=bad, external_id=None, fields=fields, campaign=None, now=NOW
            )
    async with scene.uow as uow:
        await sources.revoke_source(uow, actor=scene.admin, source_id=1, now=NOW)
    with pytest.raises(Forbidden):
        await sources.receive(
            scene.uow, token=token, external_id=None, fields=fields, campaign=None, now=NOW
        )
    assert await sources.sources(scene.uow, actor=scene.admin) == []


async def test_only_admins_manage_intake_sources() -> None:
    scene = a_scene()
    with pytest.raises(Forbidden):
        await sources.create_source(scene.uow, actor=scene.marketer, name="X", now=NOW)
    with pytest.raises(Forbidden):
        await sources.sources(scene.uow, actor=scene.reps[0])
