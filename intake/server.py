"""``POST /api/leads`` for a website form or a CRM, and ``GET /health``.

An aiohttp application in the bot's own process (started with the bot when
``LEADS_API_PORT`` is set). Each request authenticates the source's bearer token, validates
the JSON with pydantic, calls one domain use case (:func:`domain.leads.intake.receive`) in a
unit of work, and answers synchronously: 201 for a new lead, 200 for a replay of an external
id already received, 400 / 401 / 413 / 415 / 422 with a JSON error body.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from domain.clock import Clock
from domain.errors import DomainError, Forbidden
from domain.leads import sources
from domain.ports import UnitOfWorkFactory

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024


class ApiLead(BaseModel):
    """One lead as a website form or a CRM posts it."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    external_id: str | None = Field(default=None, max_length=100)
    name: str = Field(min_length=1, max_length=120)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    region: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=64)
    campaign: str | None = Field(default=None, max_length=200)
    comment: str | None = Field(default=None, max_length=1000)


def _error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": code, "message": message, **extra}, status=status)


def build_app(uows: UnitOfWorkFactory, clock: Clock, wake: Callable[[], None]) -> web.Application:
    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def post_lead(request: web.Request) -> web.Response:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return _error(401, "unauthorized", "Send the source's token as 'Bearer <token>'.")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _error(413, "too_large", f"The body may be at most {MAX_BODY} bytes.")
        if request.content_type != "application/json":
            return _error(415, "unsupported_media_type", "Send the lead as application/json.")
        body = await request.content.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            return _error(413, "too_large", f"The body may be at most {MAX_BODY} bytes.")
        try:
            raw = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            return _error(400, "invalid_json", "The body is not valid JSON.")
        try:
            lead = ApiLead.model_validate(raw)
        except ValidationError as exc:
            problems = [
                {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                for e in exc.errors(include_url=False, include_context=False, include_input=False)
            ]
            return _error(422, "invalid_lead", "The lead is not valid.", fields=problems)
        fields = lead.model_dump(exclude={"external_id", "campaign"})
        try:
            async with uows() as uow:
                received = await sources.receive(
                    uow,
                    token=token.strip(),
                    external_id=lead.external_id,
                    fields=fields,
                    campaign=lead.campaign,
                    now=clock.now(),
                )
        except Forbidden:
            return _error(401, "unauthorized", "Unknown or revoked token.")
        except DomainError as error:
            return _error(
                422, "invalid_lead", error.key, **{k: str(v) for k, v in error.args_.items()}
            )
        wake()
        found = received.lead
        return web.json_response(
            {
                "id": found.id,
                "status": found.status.value,
                "duplicate_of": found.duplicate_of,
                "created": received.created,
            },
            status=201 if received.created else 200,
        )

    app = web.Application(client_max_size=MAX_BODY * 2)
    app.router.add_get("/health", health)
    app.router.add_post("/api/leads", post_lead)
    return app


class IntakeServer:
    """The endpoint's life in the bot's process: ``start()`` after the database is up,
    ``stop()`` before it closes."""

    def __init__(
        self,
        uows: UnitOfWorkFactory,
        clock: Clock,
        wake: Callable[[], None],
        *,
        host: str,
        port: int,
    ) -> None:
        self._app = build_app(uows, clock, wake)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the one the system chose, for port 0)."""
        if self._runner is None or not self._runner.addresses:
            return self._port
        return int(self._runner.addresses[0][1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    async def start(self) -> None:
        runner = web.AppRunner(self._app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self._host, self._port).start()
        self._runner = runner
        log.info("Lead intake endpoint listening on %s", self.url)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
