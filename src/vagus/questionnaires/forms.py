"""Forms only clean input; scoring and storing is done by ``actions``."""

from __future__ import annotations

from typing import Any

from django import forms

from vagus.questionnaires import crisis
from vagus.questionnaires.scheduling import EVERY_DAYS_CHOICES
from vagus.science.instruments import Instrument


class OptionsRadio(forms.RadioSelect):
    """One tap per answer: the answer options as large segments, two or four to a row."""

    template_name = "questionnaires/widgets/options.html"
    option_template_name = "diary/widgets/segmented_option.html"


class AnswerForm(forms.Form):
    """One field per item (``item_1`` …), built from the instrument's definition."""

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        if instrument.answer_options:
            choices = [(str(o.value), o.label) for o in instrument.answer_options]
            for item in instrument.items:
                self.fields[f"item_{item.number}"] = forms.ChoiceField(
                    label=item.text,
                    choices=choices,
                    widget=OptionsRadio,
                    error_messages={
                        "required": f"Question {item.number}: please choose an answer.",
                        "invalid_choice": f"Question {item.number}: choose one of the answers.",
                    },
                )
        else:
            # Licensed forms (IBS-SSS): only the part scores, never the questions' wording.
            for item in instrument.items:
                self.fields[f"item_{item.number}"] = forms.FloatField(
                    label=item.text,
                    required=False,
                    min_value=instrument.item_min,
                    max_value=instrument.item_max,
                    widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
                )
            self.fields["total"] = forms.FloatField(
                label=f"Or the total score ({instrument.min_total}–{instrument.max_total})",
                required=False,
                min_value=instrument.min_total,
                max_value=instrument.max_total,
                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            )
        if instrument.difficulty is not None:
            self.fields["difficulty"] = forms.ChoiceField(
                label=instrument.difficulty.text,
                required=False,
                choices=[(str(o.value), o.label) for o in instrument.difficulty_options],
                widget=OptionsRadio,
                help_text="Optional. It is not part of the score.",
            )

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.number}"] for item in self.instrument.items]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.instrument.answer_options and not self.errors:
            parts = [data.get(f"item_{i.number}") for i in self.instrument.items]
            given = [p for p in parts if p is not None]
            if data.get("total") is None and len(given) != len(parts):
                raise forms.ValidationError(
                    "Enter all five part scores from your licensed form, or the total."
                )
        return data

    def raw_answers(self) -> list[Any]:
        """The submitted answers in item order as sent, before any checking (None if blank)."""
        return [self.data.get(self.add_prefix(f"item_{i.number}")) for i in self.instrument.items]

    def answers(self) -> list[float]:
        """The answers in item order, as numbers (a total alone for licensed forms)."""
        data = self.cleaned_data
        raw: list[Any] = [data.get(f"item_{item.number}") for item in self.instrument.items]
        if not self.instrument.answer_options and any(value is None for value in raw):
            return [data["total"]]
        return [float(value) for value in raw]

    def difficulty_answer(self) -> int | None:
        raw: Any = self.cleaned_data.get("difficulty")
        return int(raw) if raw not in (None, "") else None


class ScheduleForm(forms.Form):
    every = forms.ChoiceField(
        label="How often",
        choices=[
            (str(d), f"Every {d} days" if d != 7 else "Every week") for d in EVERY_DAYS_CHOICES
        ]
        + [("", "Only when I choose")],
        required=False,
    )
    enabled = forms.BooleanField(label="Remind me on the Today page", required=False)

    def every_days(self) -> int | None:
        raw = self.cleaned_data.get("every")
        return int(raw) if raw else None


class CountryForm(forms.Form):
    country = forms.ChoiceField(label="Show contacts for", choices=crisis.choices())
