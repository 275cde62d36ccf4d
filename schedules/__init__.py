"""Time-based work. The database decides what is due: one-shot sends (announce at T, remind
24 h before) are outbox rows with a due time that the broadcast engine picks up; recurring
checks are sweeps. This module is the job table of PTB's JobQueue (APScheduler underneath)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, ContextTypes

from schedules.sweeps import Sweeper

SWEEP_INTERVAL = 60.0  # seconds


def register_jobs(app: Application[Any, Any, Any, Any, Any, Any], sweeper: Sweeper) -> None:
    """Arm the sweeps: soon after start-up, then every SWEEP_INTERVAL."""
    job_queue = app.job_queue
    if job_queue is None:  # pragma: no cover - the job-queue extra is a dependency
        raise RuntimeError("python-telegram-bot[job-queue] is required")

    async def sweep(context: ContextTypes.DEFAULT_TYPE) -> None:
        await sweeper.run()

    job_queue.run_repeating(sweep, interval=SWEEP_INTERVAL, first=1.0, name="sweeps")
