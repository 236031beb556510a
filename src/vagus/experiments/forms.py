"""Forms only clean input; the limits live in vagus.experiments.actions (one place)."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.experiments.library import OUTCOMES
from vagus.widgets import IsoDateInput

OUTCOME_CHOICES = [(o.code, o.label[0].upper() + o.label[1:]) for o in OUTCOMES.values()]


class SetupForm(forms.Form):
    library = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label="Title", max_length=120, required=False)
    b_label = forms.CharField(
        label="Short name for the change",
        max_length=60,
        required=False,
        help_text="As in “Today is a … day”. Leave empty to use the title.",
    )
    b_todo = forms.CharField(
        label="What to do on change days",
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One small, everyday change. Medication is never part of a self-experiment.",
    )
    outcome = forms.ChoiceField(
        label="What to measure",
        choices=OUTCOME_CHOICES,
        help_text="Anxiety from your daily check-in, unless you choose otherwise.",
    )
    smallest_change = forms.FloatField(
        label="Smallest change worth finding (points)",
        help_text="On the outcome's own scale, e.g. 1 point of anxiety on 0–10.",
    )
    period_days = forms.IntegerField(label="Days in each period")
    washout_days = forms.IntegerField(
        label="Settling-in days at the start of each period",
        help_text="Lived as planned but not counted, so a change has time to show or wear off.",
    )
    pairs = forms.IntegerField(label="Pairs of periods")
    start = forms.DateField(label="Start date", widget=IsoDateInput)
    hypothesis = forms.CharField(
        label="What you expect, in your own words",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Written before you start and kept unchanged, so the result is judged "
        "against what you expected, not what you found.",
    )

    def __init__(self, *args: Any, custom: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not custom:
            for name in ("title", "b_label", "b_todo"):
                del self.fields[name]
        else:
            self.fields["title"].required = True
            self.fields["b_todo"].required = True

    def action_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {
            "library_key": data.pop("library") or "",
            **{k: v for k, v in data.items() if v is not None},
        }


class HarmsForm(forms.Form):
    harms = forms.CharField(
        label="Anything unwanted you noticed during the experiment (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
