"""Form widgets shared by the apps.

A browser's ``<input type=date>`` (and ``datetime-local``) only accepts the ISO
wire format. Django renders a date in the active locale's first input format (``12/02/2026``
in en-GB), which the browser throws away, leaving the field empty. These widgets always write
ISO, whatever the locale; the browser then shows the date the person's way.
"""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


class IsoDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_LOCAL_DATETIME)
