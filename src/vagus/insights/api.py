"""API routes of the insights app (added to the API in vagus.api.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["insights"])
