"""Field feedback: prompts after launch, ratings with comments, photos and voice notes, and
the summaries and exports for marketers and team leads."""

from __future__ import annotations

from domain.feedback import prompts
from domain.feedback.flows import AddingExtras, Reacting, TypingDays
from domain.feedback.notices import feedback_file
from domain.feedback.notices import prompt as compose_prompt
from domain.feedback.reports import FILE
from domain.permissions import Action
from domain.ports import Sweep
from handlers.feedback import giving, reports, settings
from handlers.feedback.notices import render_file, render_prompt
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command

FEATURE = Feature(
    name="feedback",
    commands=(
        CommandRoute(
            "feedback",
            reports.list_command,
            Command("feedback", Action.VIEW_FEEDBACK, "cmd-feedback", 20),
        ),
    ),
    buttons={
        Area.FEEDBACK: {
            # The rep's side.
            "rate": giving.rate,
            "rx": giving.react_here,
            "next": giving.stop_adding,
            "re": giving.react,
            "rs": giving.skip_reaction,
            "fin": giving.finish,
            # Settings.
            "set": settings.show_settings,
            "anon": settings.toggle_anonymous,
            "days": settings.preset_days,
            "dtype": settings.ask_days,
            # Summaries, media and exports; /feedback.
            "sum": reports.show_summary,
            "com": reports.comments_page,
            "media": reports.send_media,
            "csv": reports.export_csv,
            "xlsx": reports.export_xlsx,
            "list": reports.list_page,
        },
        # "Feedback" under an announcement.
        Area.CAMPAIGNS: {"fb": giving.start_from_announcement},
    },
    flows=(
        # Leaving a submission half-given keeps what was given, and says so.
        FlowRoute(
            AddingExtras,
            text=giving.typed,
            media=giving.received_media,
            left_behind="flow-left-feedback",
        ),
        FlowRoute(
            Reacting,
            text=giving.typed,
            media=giving.received_media,
            left_behind="flow-left-feedback",
        ),
        # Half-typed days are nothing to lose.
        FlowRoute(TypingDays, text=settings.typed_days, media=settings.days_not_text),
    ),
    notices=(
        Notice(prompts.PROMPT, compose_prompt, render_prompt),
        Notice(FILE, feedback_file, render_file),
    ),
    sweeps=(Sweep("feedback.prompts", prompts.queue_due_prompts),),
)
