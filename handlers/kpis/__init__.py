"""Shared KPIs: /kpi (the scorecard by period and scope, breakdowns, charts, exports), the
weekly digest and the draft agenda of recurring joint meetings."""

from __future__ import annotations

from domain.kpis import agenda as agenda_domain
from domain.kpis import digest
from domain.permissions import Action
from domain.ports import Sweep
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, Notice
from handlers.kit.menu import Command
from handlers.kpis import agenda, reports
from handlers.kpis.notices import render_agenda, render_digest

FEATURE = Feature(
    name="kpis",
    commands=(
        CommandRoute("kpi", reports.kpi_command, Command("kpi", Action.VIEW_KPIS, "cmd-kpi", 47)),
    ),
    buttons={
        Area.KPIS: {
            "show": reports.show_card,
            "by": reports.show_breakdown,
            "ch": reports.send_chart,
            "x": reports.export,
            # The digest's settings (admins).
            "dg": reports.digest_settings,
            "dd": reports.digest_day,
            "dt": reports.digest_time,
            "don": reports.digest_switch,
            # The draft agenda (its organiser).
            "ak": agenda.toggle,
            "au": agenda.move_up,
            "as": agenda.send,
        },
    },
    notices=(
        Notice(digest.KIND, digest.compose, render_digest),
        Notice(agenda_domain.KIND, agenda_domain.compose, render_agenda),
    ),
    sweeps=(
        Sweep("kpis.digest", digest.queue_due),
        Sweep("kpis.agenda", agenda_domain.draft_due),
    ),
)
