"""Leads and disputes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.leads.model import Contact, Dispute, DisputeStatus, Lead, LeadStatus
from tests.support.builders.people import NOW


def a_sales_lead(
    lid: int = 1,
    *,
    status: LeadStatus = LeadStatus.UNASSIGNED,
    rep: int | None = None,
    team: int | None = None,
    name: str | None = None,
    phone: str | None = "+79161234567",
    email: str | None = None,
    source: str | None = "Site",
    region: str | None = None,
    by: int | None = 2,
    at: datetime = NOW,
    **changes: object,
) -> Lead:
    """A lead (``name`` defaults to ``Lead <id>``). Given a rep, it is assigned at ``at``
    (assignment 1, the first-action clock running from then)."""
    lead = Lead(
        id=lid,
        contact=Contact(name or f"Lead {lid}", phone, email, None, region, source),
        status=status,
        created_at=at,
        updated_at=at,
        created_by=by,
        assignee_id=rep,
        team_id=team,
    )
    if rep is not None:
        lead = replace(lead, assignment_no=1, assigned_at=at, sla_started_at=at)
    return replace(lead, **changes)  # type: ignore[arg-type]


def a_dispute(
    did: int = 1,
    *,
    lead: int = 1,
    rep: int = 10,
    team: int | None = 1,
    clause: str = "1.1",
    version: int = 1,
    status: DisputeStatus = DisputeStatus.OPEN,
    at: datetime = NOW,
    **changes: object,
) -> Dispute:
    dispute = Dispute(did, lead, rep, team, version, clause, status, at)
    return dispute.with_(**changes)
