from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms

from vagus.ownership import Scope
from vagus.sharing.models import DEFAULT_LENGTH, SCOPE_LABELS

# Journal and thought-record text is offered apart, unticked, below the rest.
SHAREABLE = [(s.value, SCOPE_LABELS[s]) for s in Scope if s is not Scope.WRITING]


class InvitationForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        choices=SHAREABLE,
        widget=forms.CheckboxSelectMultiple,
        label="What your clinician may see",
        required=False,
    )
    include_writing = forms.BooleanField(
        required=False,
        label="Also my journal and thought-record text",
        help_text="Private writing stays private unless you tick this.",
    )
    ends = forms.DateField(
        required=False,
        label="Sharing ends on",
        help_text="90 days from today unless you choose another day. You can stop it sooner.",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the end date as a date, like 2027-03-01."},
    )

    def __init__(self, *args: Any, today: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if today is not None:
            self.fields["ends"].initial = today + DEFAULT_LENGTH
            self.fields["ends"].widget.attrs["min"] = (today + timedelta(days=1)).isoformat()

    def chosen_scopes(self) -> list[str]:
        chosen = list(self.cleaned_data.get("scopes") or [])
        if self.cleaned_data.get("include_writing"):
            chosen.append(Scope.WRITING.value)
        return chosen

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("scopes") and not data.get("include_writing"):
            self.add_error("scopes", "Choose at least one thing to share.")
        return data


class AcceptForm(forms.Form):
    code = forms.CharField(
        max_length=100,
        label="Invitation code",
        help_text="The code the person gave you, or open the link they sent.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
        error_messages={"required": "Enter the invitation code."},
    )
