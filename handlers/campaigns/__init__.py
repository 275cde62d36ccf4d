"""Campaigns: the marketer's drafts, scheduling, figures, updates and cancellation, and the
recipient's announcement with its buttons."""

from __future__ import annotations

from domain.campaigns import kinds, receiving
from domain.campaigns import notices as compose
from domain.campaigns.flows import (
    Confirming,
    Drafting,
    EditingKeyMessage,
    TypingMoment,
    WritingNote,
)
from domain.permissions import Action
from domain.ports import BatchHook
from handlers.campaigns import authoring, changes, contents, recipient, reports, scheduling
from handlers.campaigns import notices as render
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command

# Leaving any campaign step for another feature's says the draft is kept; moving between
# campaign steps says nothing.
LEFT_BEHIND = "flow-left-campaign"

FEATURE = Feature(
    name="campaigns",
    commands=(
        CommandRoute(
            "campaigns",
            reports.list_campaigns,
            Command("campaigns", Action.VIEW_CAMPAIGNS, "cmd-campaigns", 10),
        ),
        CommandRoute(
            "newcampaign",
            authoring.new_campaign,
            Command("newcampaign", Action.MANAGE_CAMPAIGNS, "cmd-newcampaign", 11),
        ),
    ),
    buttons={
        Area.CAMPAIGNS: {
            **authoring.VERBS,
            **contents.VERBS,
            **scheduling.VERBS,
            **changes.VERBS,
            **reports.VERBS,
            **recipient.VERBS,
        },
        Area.CAMPAIGN_PREVIEW: recipient.PREVIEW_VERBS,
    },
    flows=(
        FlowRoute(
            Drafting, text=authoring.typed, media=authoring.received_file, left_behind=LEFT_BEHIND
        ),
        FlowRoute(
            EditingKeyMessage,
            text=contents.message_typed,
            media=authoring.text_expected,
            left_behind=LEFT_BEHIND,
        ),
        FlowRoute(
            TypingMoment,
            text=scheduling.moment_typed,
            media=authoring.text_expected,
            left_behind=LEFT_BEHIND,
        ),
        FlowRoute(
            Confirming,
            text=scheduling.buttons_expected,
            media=authoring.text_expected,
            left_behind=LEFT_BEHIND,
        ),
        FlowRoute(
            WritingNote,
            text=changes.note_typed,
            media=authoring.text_expected,
            left_behind=LEFT_BEHIND,
        ),
    ),
    notices=(
        Notice(kinds.ANNOUNCE, compose.announcement, render.render_announcement),
        Notice(kinds.REMIND, compose.reminder, render.render_reminder),
        Notice(kinds.ESCALATE, compose.escalation, render.render_escalation),
        Notice(kinds.UPDATE, compose.change, render.render_change),
        Notice(kinds.CANCEL, compose.change, render.render_change),
        Notice(kinds.REFRESH, compose.refresh, render.render_refresh),
        Notice(kinds.REPORT, compose.delivery_report, render.render_delivery_report),
    ),
    # The marketer's delivery report after the announcement, every update and the cancellation.
    batch_hooks=tuple(
        BatchHook(kind, compose.queue_delivery_report)
        for kind in (kinds.ANNOUNCE, kinds.UPDATE, kinds.CANCEL)
    ),
    redeliveries=(receiving.redeliver,),
)
