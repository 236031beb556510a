"""API routes of the experiments app (added to the API in vagus.api.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["experiments"])
