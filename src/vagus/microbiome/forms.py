"""Forms only clean input; importing is ``actions.import_sample``."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.interop.jobs import too_large
from vagus.microbiome.actions import MAX_FILE_BYTES
from vagus.science.microbiome import METHODS


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Taxa file",
        help_text="A BIOM table (.biom), a MetaPhlAn profile (.txt or .tsv) or a CSV with the "
        "columns taxon, rank, value. Nothing is saved until you have seen it and confirmed.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if message := too_large(upload.size):
            raise forms.ValidationError(message)
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"This file is larger than {MAX_FILE_BYTES // 1024**2} MB; a stool test's "
                "table is far smaller. Is it the right file?"
            )
        if upload.size == 0:
            raise forms.ValidationError("This file is empty.")
        return upload


class ConfirmForm(forms.Form):
    collected_on = forms.DateField(
        label="Day the sample was collected",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    label = forms.CharField(
        label="Name (optional)", required=False, max_length=120, help_text="For example the lab."
    )
    method = forms.ChoiceField(label="How it was tested", choices=list(METHODS.items()))

    def __init__(self, *args: Any, sample_ids: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if sample_ids and len(sample_ids) > 1:
            self.fields["sample"] = forms.ChoiceField(
                label="Which sample in the table is yours",
                choices=[(s, s) for s in sample_ids],
            )
