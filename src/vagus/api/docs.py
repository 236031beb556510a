"""The /api/docs page: django-ninja's Swagger UI inside a page that fits a phone and links
back to Vagus (the stock page has neither)."""

from __future__ import annotations

from ninja.openapi.docs import Swagger


class VagusDocs(Swagger):
    template = "api/docs.html"
