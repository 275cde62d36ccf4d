"""The rows of the exports and of the rejected-rows file (text cells; formula-safety is
``handlers.kit.exports``'s job)."""

from __future__ import annotations

from collections.abc import Sequence

from domain.leads.exports import Export
from domain.leads.importing import ImportReport
from handlers.kit.i18n import Translator
from handlers.kit.screens import plain_text
from handlers.leads.views import history_line


def _text(value: object) -> str:
    return "" if value is None else str(value)


def leads_rows(t: Translator, found: Export, timezone: str) -> list[list[str]]:
    header = [t.label(f"leads-col-{c}") for c in (
        "id", "name", "phone", "email", "company", "region", "source", "campaign", "status",
        "rep", "team", "created", "duplicate", "history",
    )]  # fmt: skip
    rows = [header]
    for lead in found.leads:
        c = lead.contact
        rep = found.people.get(lead.assignee_id) if lead.assignee_id else None
        team = found.teams.get(lead.team_id) if lead.team_id else None
        campaign = found.campaigns.get(c.campaign_id) if c.campaign_id else None
        history = "\n".join(
            plain_text(history_line(t, e, found.people, timezone))
            for e in found.histories.get(lead.id, ())
        )
        rows.append([
            str(lead.id), c.name, _text(c.phone), _text(c.email), _text(c.company),
            _text(c.region), _text(c.source), campaign.name if campaign else "",
            t.label(f"lead-status-{lead.status.value}"), rep.full_name if rep else "",
            team.name if team else "", t.datetime(lead.created_at, timezone),
            _text(lead.duplicate_of), history,
        ])  # fmt: skip
    return rows


def dispute_rows(t: Translator, found: Export, timezone: str) -> list[list[str]]:
    header = [t.label(f"disputes-col-{c}") for c in (
        "id", "lead", "opened", "status", "version", "clause", "title", "source", "campaign",
        "rep", "team", "verdict-clause", "analyst", "remark", "note",
    )]  # fmt: skip
    leads = {lead.id: lead for lead in found.leads}
    rows = [header]
    for d in found.disputes:
        lead = leads[d.lead_id]
        clause = found.clauses.get((d.version, d.clause))
        rep = found.people.get(d.rep_id)
        team = found.teams.get(d.team_id) if d.team_id else None
        campaign = found.campaigns.get(lead.contact.campaign_id or 0)
        analyst = found.people.get(d.decided_by) if d.decided_by else None
        rows.append([
            str(d.id), str(d.lead_id), t.datetime(d.opened_at, timezone),
            t.label(f"dispute-status-{d.status.value}"), str(d.version), d.clause,
            clause.title if clause else "", _text(lead.contact.source),
            campaign.name if campaign else "", rep.full_name if rep else "",
            team.name if team else "", _text(d.verdict_clause),
            analyst.full_name if analyst else "", _text(d.remark), _text(d.note),
        ])  # fmt: skip
    return rows


def rejected_rows(t: Translator, report: ImportReport) -> Sequence[Sequence[str]]:
    """The file's header plus a reason column, and every rejected row with its reason."""
    rows: list[list[str]] = [[*report.header, t.label("import-col-reason")]]
    width = len(report.header)
    for rejected in report.rejected:
        cells = [*rejected.row[:width], *[""] * (width - len(rejected.row))]
        rows.append([*cells, t.label(rejected.reason, **rejected.args)])
    return rows
