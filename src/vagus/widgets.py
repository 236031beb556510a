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


# A scale's options: "" (not answered) and 0 to 10.
SCALE_VALUES = [""] + [str(i) for i in range(11)]


class SegmentedRadio(forms.RadioSelect):
    """One tap per answer: a row of radio buttons styled as segments.

    On a 0–10 scale each number also carries a step of the colour ramp (site.css), turned so
    that the calm end is the good end: ``direction`` is the measure's ("worse" when higher is
    worse, "better" when higher is better, "" for neither).
    """

    template_name = "diary/widgets/segmented.html"
    option_template_name = "diary/widgets/segmented_option.html"

    def __init__(
        self, attrs: dict[str, Any] | None = None, choices: Any = (), *, direction: str = ""
    ) -> None:
        super().__init__(attrs, choices)
        self.direction = direction

    def is_scale(self) -> bool:
        return [str(value) for value, _ in self.choices] == SCALE_VALUES

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if self.is_scale():
            context["widget"]["ramp"] = (
                self.direction if self.direction in ("worse", "better") else "neutral"
            )
        return context

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        if option["value"] != "" and self.is_scale():
            option["step"] = str(option["value"])
        return option
