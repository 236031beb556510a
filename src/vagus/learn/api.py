"""API routes of the learn app (added to the API in vagus.api.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["learn"])
