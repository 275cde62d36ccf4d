"""Briefing requests: the marketer asks the field before a campaign is built; reps answer."""

from __future__ import annotations

from domain.flows import UntypedFlow
from handlers.briefings import authoring
from handlers.kit.callbacks import Area
from handlers.kit.feature import Feature, FlowRoute

FEATURE = Feature(
    name="briefings",
    buttons={Area.BRIEFINGS: authoring.VERBS},
    flows=(
        FlowRoute(
            UntypedFlow,
            text=authoring.typed,
            media=authoring.received_media,
            left_behind="flow-left-briefing",
            name=authoring.FLOW,
        ),
    ),
    renderers=authoring.briefing_renderers,
)
