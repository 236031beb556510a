"""Forms only clean input; the writing is done by ``actions``."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.diary.forms import SegmentedRadio
from vagus.tools import catalog

RATING_CHOICES = [("", "–")] + [(str(i), str(i)) for i in range(11)]


def rating_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=RATING_CHOICES,
        required=False,
        widget=SegmentedRadio(direction="worse"),  # every rating asks how anxious
    )


def _rating(value: str) -> int | None:
    return int(value) if value not in (None, "") else None


class SessionForm(forms.Form):
    """Before/after anxiety (one tap each, skippable) and how long the session took.

    With JavaScript the page fills ``duration_seconds`` from its own clock; without it the
    person says how many minutes they practised.
    """

    anxiety_before = rating_field(
        "How anxious do you feel right now? (0 = not at all, 10 = extremely)"
    )
    anxiety_after = rating_field("And now, after the exercise?")
    duration_seconds = forms.IntegerField(
        required=False, min_value=1, max_value=4 * 3600, widget=forms.HiddenInput
    )
    minutes_done = forms.FloatField(
        required=False,
        min_value=0.5,
        max_value=240,
        label="Minutes you practised",
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        seconds = data.get("duration_seconds")
        if not seconds and data.get("minutes_done"):
            seconds = round(data["minutes_done"] * 60)
        if not seconds and not self.errors:
            self.add_error("minutes_done", "How many minutes did you practise?")
        data["seconds"] = seconds
        return data

    def ratings(self) -> tuple[int | None, int | None]:
        return _rating(self.cleaned_data["anxiety_before"]), _rating(
            self.cleaned_data["anxiety_after"]
        )


PHASE: dict[str, Any] = {"min_value": 0, "max_value": catalog.PHASE_MAX_SECONDS, "required": False}


class BreathingForm(SessionForm):
    pattern = forms.ChoiceField(
        label="Pattern",
        choices=[
            (p.code, f"{p.name}: {p.description}") for p in catalog.BREATHING_PATTERNS.values()
        ],
        initial="slow",
        widget=forms.RadioSelect(attrs={"class": "stack"}),
    )
    inhale = forms.IntegerField(label="Breathe in (seconds)", initial=4, **PHASE)
    hold_in = forms.IntegerField(label="Hold (seconds)", initial=2, **PHASE)
    exhale = forms.IntegerField(label="Breathe out (seconds)", initial=6, **PHASE)
    hold_out = forms.IntegerField(label="Hold after breathing out (seconds)", initial=0, **PHASE)
    minutes = forms.TypedChoiceField(
        label="How long",
        choices=[(m, f"{m} minute{'s' if m > 1 else ''}") for m in catalog.MINUTES_CHOICES],
        coerce=int,
        initial=5,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("pattern") == "custom":
            parts = [data.get(k) or 0 for k in ("inhale", "hold_in", "exhale", "hold_out")]
            if not data.get("inhale") or not data.get("exhale"):
                self.add_error("inhale", "Breathing in and out each need at least 1 second.")
            elif sum(parts) < 2:
                self.add_error("inhale", "A breath needs at least 2 seconds.")
        return data

    def phase_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("inhale", "hold_in", "exhale", "hold_out")]

    def settings(self) -> dict[str, Any]:
        data = self.cleaned_data
        code = data["pattern"]
        if code == "custom":
            phases = {k: data.get(k) or 0 for k in ("inhale", "hold_in", "exhale", "hold_out")}
        else:
            p = catalog.BREATHING_PATTERNS[code]
            phases = {"inhale": p.inhale, "hold_in": p.hold_in, "exhale": p.exhale}
            phases["hold_out"] = p.hold_out
        return {"pattern": code, **phases, "minutes": data["minutes"]}


class TimerForm(SessionForm):
    minutes = forms.TypedChoiceField(
        label="How long",
        choices=[(m, f"{m} minutes") for m in catalog.TIMER_MINUTES_CHOICES],
        coerce=int,
        initial=5,
    )
    bell_every = forms.TypedChoiceField(
        label="Bells", choices=catalog.BELL_CHOICES, coerce=int, initial=0, required=False
    )

    def settings(self) -> dict[str, Any]:
        return {
            "minutes": self.cleaned_data["minutes"],
            "bell_every": self.cleaned_data["bell_every"] or 0,
        }


class ParkWorryForm(forms.Form):
    text = forms.CharField(
        label="What is the worry? One line is enough.",
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class WorryTimeForm(forms.Form):
    worry_time = forms.TimeField(
        label="My daily worry time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class WorryReviewForm(forms.Form):
    anxiety_before = rating_field("How anxious do you feel before worry time?")
    anxiety_after = rating_field("And after it?")
    minutes_done = forms.FloatField(
        label="Minutes spent", min_value=0.5, max_value=240, initial=15,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )  # fmt: skip


def _area(label: str, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=10_000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _intensity(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "5"}),
    )


class ThoughtRecordForm(forms.Form):
    anxiety_before = rating_field("How anxious do you feel right now? (0–10)")
    situation = _area("Situation", 2, "Where were you, what was happening?")
    automatic_thought = _area("Automatic thought", 2, "What went through your mind?")
    emotions = forms.CharField(
        label="Emotions", required=False, max_length=500, help_text="For example: anxious, ashamed."
    )
    intensity_before = _intensity("How strong were they? (0–100)")
    patterns = forms.MultipleChoiceField(
        label="Thinking patterns you notice (optional)",
        required=False,
        choices=[
            (code, f"{name}: {line}") for code, (name, line) in catalog.THINKING_PATTERNS.items()
        ],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "stack"}),
    )
    evidence_for = _area("Evidence for the thought")
    evidence_against = _area("Evidence against the thought")
    balanced_thought = _area("A more balanced thought", 2, "What would you say to a friend?")
    intensity_after = _intensity("How strong are the emotions now? (0–100)")
    anxiety_after = rating_field("How anxious do you feel now? (0–10)")
    opened = forms.FloatField(required=False, widget=forms.HiddenInput)

    text_field_names = (
        "situation",
        "automatic_thought",
        "emotions",
        "evidence_for",
        "evidence_against",
        "balanced_thought",
    )

    def texts(self) -> dict[str, str]:
        return {k: self.cleaned_data.get(k) or "" for k in self.text_field_names}


class JournalForm(forms.Form):
    anxiety_before = rating_field("How anxious do you feel right now? (0–10)")
    prompt = forms.CharField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label="Your entry", max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )
    anxiety_after = rating_field("How anxious do you feel now? (0–10)")
    opened = forms.FloatField(required=False, widget=forms.HiddenInput)


class SearchForm(forms.Form):
    q = forms.CharField(label="Search your entries", required=False, max_length=200)
