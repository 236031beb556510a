"""The reminders settings forms: they only clean input; actions write."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.reminders.models import CHANNELS, DEFAULT_TIMES, KINDS, WORRY_TIME

WEEKDAYS = [
    ("0", "Mon"),
    ("1", "Tue"),
    ("2", "Wed"),
    ("3", "Thu"),
    ("4", "Fri"),
    ("5", "Sat"),
    ("6", "Sun"),
]


class ReminderForm(forms.Form):
    """One kind of reminder (the page shows one per kind, each with its own prefix)."""

    enabled = forms.BooleanField(label="Remind me", required=False)
    at = forms.TimeField(
        label="Time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Give a time like 08:30."},
    )
    days = forms.MultipleChoiceField(
        label="On these days",
        required=False,
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "stack"}),
    )
    channels = forms.MultipleChoiceField(
        label="How",
        required=False,
        choices=CHANNELS,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "stack"}),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        self.title = dict(KINDS)[kind]
        kwargs["prefix"] = kind
        super().__init__(*args, **kwargs)
        if kind == WORRY_TIME:
            del self.fields["at"]  # it follows the worry time set in the worry tool

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("enabled"):
            if not data.get("days"):
                self.add_error("days", "Pick at least one day.")
            if not data.get("channels"):
                self.add_error("channels", "Pick at least one way to be reminded.")
            if "at" in self.fields and data.get("at") is None and "at" not in self.errors:
                data["at"] = DEFAULT_TIMES[self.kind]
        return data


class QuietHoursForm(forms.Form):
    quiet_start = forms.TimeField(
        label="Quiet from",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Give a time like 22:00."},
    )
    quiet_end = forms.TimeField(
        label="Until",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Give a time like 07:00."},
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if (data.get("quiet_start") is None) != (data.get("quiet_end") is None):
            raise forms.ValidationError("Give both times for quiet hours, or neither.")
        return data


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address for reminders",
        required=False,
        error_messages={"invalid": "That doesn't look like an email address."},
    )
