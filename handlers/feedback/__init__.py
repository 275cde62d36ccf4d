"""Field feedback: prompts after launch, ratings with comments, photos and voice notes, and
the summaries and exports for marketers and team leads."""

from __future__ import annotations

from datetime import datetime

from domain.feedback import cases
from domain.flows import UntypedFlow
from domain.permissions import Action
from domain.ports import Sweep, UnitOfWork
from handlers.feedback import giving
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute
from handlers.kit.menu import Command


async def queue_due_prompts(uow: UnitOfWork, now: datetime) -> int:
    return await cases.enqueue_due_prompts(uow, now=now)


FEATURE = Feature(
    name="feedback",
    commands=(
        CommandRoute(
            "feedback",
            giving.list_command,
            Command("feedback", Action.VIEW_FEEDBACK, "cmd-feedback", 20),
        ),
    ),
    buttons={
        Area.FEEDBACK: giving.VERBS,
        # "Feedback" under an announcement.
        Area.CAMPAIGNS: {"fb": giving.start_from_announcement},
    },
    flows=(
        FlowRoute(
            UntypedFlow,
            text=giving.typed,
            media=giving.received_media,
            left_behind="flow-left-feedback",
            name=giving.FLOW,
        ),
    ),
    sweeps=(Sweep("feedback.prompts", queue_due_prompts),),
    renderers=giving.feedback_renderers,
)
