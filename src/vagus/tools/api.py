"""API routes of the tools app (added to the API in vagus.api.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["tools"])
