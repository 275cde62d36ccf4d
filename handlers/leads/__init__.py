"""Leads: intake (a form, a file, HTTP), assignment, the rep's card (take, dispute, return,
outcomes), the analysts' /disputes and verdicts, the versioned /regulation, and the sweeps
that remind of deadlines in working time."""

from __future__ import annotations

from domain.leads import kinds, reminders
from domain.leads import notices as compose
from domain.leads.flows import (
    AwaitingImport,
    ClauseEdit,
    DisputeEvidence,
    LeadForm,
    PublishSummary,
    ReturnComment,
    Ruling,
    SearchLeads,
    SettingEdit,
    SourceName,
)
from domain.permissions import Action
from domain.ports import Sweep
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command
from handlers.leads import browse, disputes, intake, regulation, rep
from handlers.leads import notices as render

FEATURE = Feature(
    name="leads",
    commands=(
        CommandRoute(
            "leads", browse.list_leads, Command("leads", Action.VIEW_LEADS, "cmd-leads", 40)
        ),
        CommandRoute(
            "newlead", intake.new_lead, Command("newlead", Action.MANAGE_LEADS, "cmd-newlead", 41)
        ),
        CommandRoute(
            "disputes",
            disputes.list_disputes,
            Command("disputes", Action.RULE_ON_DISPUTES, "cmd-disputes", 42),
        ),
        CommandRoute(
            "regulation",
            regulation.show_regulation,
            Command("regulation", Action.VIEW_REGULATION, "cmd-regulation", 45),
        ),
    ),
    buttons={
        Area.LEADS: {**browse.VERBS, **rep.VERBS, **intake.VERBS},
        Area.DISPUTES: disputes.VERBS,
        Area.REGULATION: regulation.VERBS,
    },
    flows=(
        FlowRoute(
            LeadForm,
            text=intake.typed_field,
            media=intake.received_file,
            left_behind="flow-left-lead",
        ),
        FlowRoute(AwaitingImport, text=intake.typed_while_importing, media=intake.received_file),
        FlowRoute(DisputeEvidence, text=rep.typed_evidence, media=rep.sent_evidence),
        FlowRoute(ReturnComment, text=rep.typed_return_comment, left_behind="flow-left-return"),
        FlowRoute(Ruling, text=disputes.typed_remark, left_behind="flow-left-ruling"),
        FlowRoute(ClauseEdit, text=regulation.typed_clause, left_behind="flow-left-regulation"),
        FlowRoute(SettingEdit, text=regulation.typed_setting),
        FlowRoute(PublishSummary, text=regulation.typed_summary),
        FlowRoute(SearchLeads, text=browse.typed_search),
        FlowRoute(SourceName, text=intake.typed_source),
    ),
    notices=(
        Notice(kinds.CARD, compose.card, render.render_card),
        Notice(kinds.REMIND, compose.reminder, render.render_reminder),
        Notice(kinds.ALERT, compose.alert, render.render_reminder),
        Notice(kinds.ORPHAN, compose.orphan, render.render_orphan),
        Notice(kinds.APPROVAL, compose.approval, render.render_dispute),
        Notice(kinds.NEW_DISPUTE, compose.new_dispute, render.render_dispute),
        Notice(kinds.DISPUTE_REMIND, compose.overdue, render.render_dispute),
        Notice(kinds.DISPUTE_ALERT, compose.overdue, render.render_dispute),
        Notice(kinds.VERDICT, compose.verdict, render.render_verdict),
        Notice(kinds.REGULATION, compose.published, render.render_regulation),
    ),
    sweeps=(
        Sweep("leads.first_action", reminders.first_action),
        Sweep("leads.decisions", reminders.decisions),
    ),
)
