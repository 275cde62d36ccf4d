"""Campaigns: the marketer's drafts, scheduling, figures, updates and cancellation, and the
recipient's announcement with its buttons."""

from __future__ import annotations

from domain.campaigns import announcing, kinds
from domain.flows import UntypedFlow
from domain.permissions import Action
from domain.ports import BatchHook
from handlers.campaigns import authoring, recipient
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute
from handlers.kit.menu import Command

FEATURE = Feature(
    name="campaigns",
    commands=(
        CommandRoute(
            "campaigns",
            authoring.list_campaigns,
            Command("campaigns", Action.VIEW_CAMPAIGNS, "cmd-campaigns", 10),
        ),
        CommandRoute(
            "newcampaign",
            authoring.new_campaign,
            Command("newcampaign", Action.MANAGE_CAMPAIGNS, "cmd-newcampaign", 11),
        ),
    ),
    buttons={
        Area.CAMPAIGNS: {**authoring.VERBS, **recipient.VERBS},
        Area.CAMPAIGN_PREVIEW: recipient.PREVIEW_VERBS,
    },
    flows=(
        FlowRoute(
            UntypedFlow,
            text=authoring.typed,
            media=authoring.received_file,
            left_behind="flow-left-campaign",
            name=authoring.FLOW,
        ),
    ),
    batch_hooks=(BatchHook(kinds.ANNOUNCE, announcing.queue_delivery_report),),
    renderers=recipient.campaign_renderers,
)
