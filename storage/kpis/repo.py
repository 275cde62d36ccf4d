"""The KPIs' read side: aggregates over indexed columns, never rows counted in Python; and
what the KPIs keep, the digest's settings and the meetings' draft agendas.

Every figure is one statement of ``COUNT`` / ``SUM(CASE …)`` / ``GROUP BY`` bounded by a
half-open UTC window on an indexed column (see ``0013_kpis.sql``). The queries live by area,
each a class :class:`SqlKpiRepo` inherits: leads and verdicts (:mod:`storage.kpis.leads`),
campaigns, questions and feedback (:mod:`storage.kpis.campaigns`), meetings
(:mod:`storage.kpis.meetings`), over what they share (:mod:`storage.kpis.base`: the slice of
people, week buckets, the median, a person's zone as a fixed shift).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, time

from domain.kpis.records import AgendaDraft, AgendaItem, AgendaStatus, DigestSettings, ItemKind
from storage.db import from_db, from_db_opt, to_db
from storage.kpis.campaigns import CampaignKpis
from storage.kpis.leads import LeadKpis
from storage.kpis.meetings import MeetingKpis


class SqlKpiRepo(LeadKpis, CampaignKpis, MeetingKpis):
    """The domain's ``KpiRepo`` over one connection (the caller owns the transaction): the
    figures of every area, and the digest's settings and the draft agendas kept here."""

    # --- the digest ---------------------------------------------------------------------------

    async def digest_settings(self) -> DigestSettings:
        rows = await self._rows(
            "SELECT digest_day, digest_time, digest_on FROM kpi_settings WHERE id = 1", ()
        )
        if not rows:
            return DigestSettings()
        row = rows[0]
        return DigestSettings(int(row[0]), time.fromisoformat(row[1]), bool(row[2]))

    async def save_digest_settings(
        self, settings: DigestSettings, *, by: int, now: datetime
    ) -> None:
        await self._conn.execute(
            "INSERT INTO kpi_settings (id, digest_day, digest_time, digest_on, updated_by,"
            " updated_at) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " digest_day = excluded.digest_day, digest_time = excluded.digest_time,"
            " digest_on = excluded.digest_on, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at",
            (
                settings.day,
                settings.at.strftime("%H:%M"),
                int(settings.enabled),
                by,
                to_db(now),
            ),
        )

    # --- the agenda ---------------------------------------------------------------------------

    async def agenda(self, meeting_id: int) -> AgendaDraft | None:
        rows = await self._rows("SELECT * FROM kpi_agendas WHERE meeting_id = ?", (meeting_id,))
        if not rows:
            return None
        row = rows[0]
        items = tuple(
            AgendaItem(
                ItemKind(item["kind"]),
                tuple((name, value) for name, value in item["args"]),
                bool(item["kept"]),
            )
            for item in json.loads(row["items"])
        )
        return AgendaDraft(
            row["meeting_id"],
            items,
            AgendaStatus(row["status"]),
            from_db(row["created_at"]),
            from_db_opt(row["sent_at"]),
        )

    async def agendas_of(self, meeting_ids: Sequence[int]) -> set[int]:
        if not meeting_ids:
            return set()
        marks = ",".join("?" * len(meeting_ids))
        rows = await self._rows(
            f"SELECT meeting_id FROM kpi_agendas WHERE meeting_id IN ({marks})", list(meeting_ids)
        )
        return {int(row[0]) for row in rows}

    async def save_agenda(self, draft: AgendaDraft) -> None:
        items = json.dumps(
            [
                {"kind": i.kind.value, "args": [list(pair) for pair in i.args], "kept": i.kept}
                for i in draft.items
            ],
            ensure_ascii=False,
        )
        await self._conn.execute(
            "INSERT INTO kpi_agendas (meeting_id, items, status, created_at, sent_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET"
            " items = excluded.items, status = excluded.status, sent_at = excluded.sent_at",
            (
                draft.meeting_id,
                items,
                draft.status.value,
                to_db(draft.created_at),
                to_db(draft.sent_at) if draft.sent_at else None,
            ),
        )
