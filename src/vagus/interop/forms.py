"""Forms only clean input; importing is done by ``jobs`` and ``importing``."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.interop.importing import entries
from vagus.interop.jobs import too_large
from vagus.interop.parsers import FORMATS

LEVELS = [("", "Choose a level"), ("5", "5 — rad"), ("4", "4 — good"), ("3", "3 — meh")]
LEVELS += [("2", "2 — bad"), ("1", "1 — awful")]


class UploadForm(forms.Form):
    format = forms.ChoiceField(label="Where the file comes from", choices=list(FORMATS.items()))
    file = forms.FileField(
        label="File",
        help_text="Nothing is saved until you have seen what will change and confirmed it.",
    )
    create_measures = forms.BooleanField(
        required=False,
        label="Spreadsheet CSV: create measures I do not have yet",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if message := too_large(upload.size):
            raise forms.ValidationError(message)
        if upload.size == 0:
            raise forms.ValidationError("This file is empty.")
        return upload


class MoodMapForm(forms.Form):
    """One level per Daylio mood name Vagus does not know."""

    def __init__(
        self, names: list[str], *args: Any, counts: dict[str, int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.names = names
        for index, name in enumerate(names):
            used = (counts or {}).get(name)
            self.fields[f"mood_{index}"] = forms.ChoiceField(
                label=f"“{name}”" + (f" ({entries(used)})" if used else ""),
                choices=LEVELS,
                required=True,
            )

    def mapping(self) -> dict[str, int]:
        return {
            name.casefold(): int(self.cleaned_data[f"mood_{i}"])
            for i, name in enumerate(self.names)
        }


class RemoveSourceForm(forms.Form):
    source = forms.RegexField(regex=r"^import:[a-z0-9-]+$", max_length=40)
