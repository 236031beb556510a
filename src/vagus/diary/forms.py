"""Forms only clean input; the writing is done by ``actions``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any, cast

from django import forms

from vagus.diary import kinds
from vagus.diary.catalog import BRISTOL_TYPES
from vagus.diary.models import Measure
from vagus.widgets import IsoDateTimeInput, SegmentedRadio

__all__ = ["SegmentedRadio"]  # the tools' forms take it from here


def _field_for(measure: Measure, label: str, *, quick: bool = False) -> forms.Field:
    kind = measure.kind_spec
    common: dict[str, Any] = {
        "label": label,
        "required": False,
        "help_text": measure.help_text,
    }
    if kind is kinds.SCALE:
        choices = [("", "–")] + [(str(i), str(i)) for i in range(11)]
        scale = SegmentedRadio(direction=measure.direction)
        return forms.ChoiceField(choices=choices, widget=scale, **common)
    if kind is kinds.BRISTOL and quick:
        # One tap on the quick check-in: the types by number, what they mean in the help.
        choices = [("", "–")] + [(str(i), str(i)) for i in BRISTOL_TYPES]
        common["help_text"] = BRISTOL_SHORT_HELP
        return forms.ChoiceField(choices=choices, widget=SegmentedRadio, **common)
    if kind is kinds.BRISTOL:
        choices = [("", "Not today / skip")] + [
            (str(i), f"Type {i}: {text}") for i, text in BRISTOL_TYPES.items()
        ]
        return forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect(attrs={"class": "stack"}), **common
        )
    if kind is kinds.YES_NO:
        choices = [("", "–"), ("1", "Yes"), ("0", "No")]
        return forms.ChoiceField(choices=choices, widget=SegmentedRadio, **common)
    step = "0.25" if kind is kinds.HOURS else ("0.5" if kind is kinds.COUNT else "1")
    widget = forms.NumberInput(
        attrs={"min": kind.minimum, "max": kind.maximum, "step": step, "inputmode": "decimal"}
    )
    unit = UNIT_WORDS.get(kind.code, "")
    between = f"{label} must be between {kind.minimum:g} and {kind.maximum:g}{unit}."
    return forms.FloatField(
        min_value=kind.minimum,
        max_value=kind.maximum,
        widget=widget,
        error_messages={
            "min_value": between,
            "max_value": between,
            "invalid": f"{label} must be a number.",
        },
        **common,
    )


BRISTOL_SHORT_HELP = "If you went: 1 hard lumps, 4 smooth, 7 watery"

# How a limit reads in an error message: "between 0 and 24 hours".
UNIT_WORDS = {"hours": " hours", "minutes": " minutes", "steps": " steps", "ms": " milliseconds"}


class CheckinForm(forms.Form):
    """A day's check-in, one field per measure the person has, all optional."""

    note = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Anything else about today?",
    )
    supplement_name = forms.CharField(
        required=False, max_length=120, label="Which probiotic or supplement? (optional)"
    )
    # The day as this page showed it (vagus.diary.day_version), so a stale page cannot wipe it.
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        measures: Iterable[Measure],
        labels: Mapping[str, str] | None = None,
        quick: Collection[str] = (),
        **kwargs: Any,
    ) -> None:
        """``measures`` in the order shown; ``labels`` the person's own names by code;
        ``quick`` the codes on the quick check-in (the rest go in "More")."""
        super().__init__(*args, **kwargs)
        self.measures = list(measures)
        self.quick = set(quick)
        labels = labels or {}
        fields = {
            m.code: _field_for(m, labels.get(m.code, m.label), quick=m.code in self.quick)
            for m in self.measures
        }
        # Measures first, in the person's order; the free text last.
        fields.update(
            {
                "supplement_name": self.fields["supplement_name"],
                "note": self.fields["note"],
                "version": self.fields["version"],
            }
        )
        self.fields = fields

    def measure_values(self) -> dict[str, object | None]:
        """Every measure's value; None means "not answered", which clears a stored value."""
        values: dict[str, object | None] = {}
        for measure in self.measures:
            raw = self.cleaned_data.get(measure.code)
            values[measure.code] = None if raw in (None, "") else raw
        return values

    def measure_fields(self) -> list[forms.BoundField]:
        return [self[m.code] for m in self.measures]

    def quick_fields(self) -> list[forms.BoundField]:
        return [self[m.code] for m in self.measures if m.code in self.quick]

    def more_fields(self) -> list[forms.BoundField]:
        return [self[m.code] for m in self.measures if m.code not in self.quick]


class MealForm(forms.Form):
    text = forms.CharField(
        max_length=2000,
        label="What did you eat or drink?",
        widget=forms.Textarea(
            attrs={"rows": 2, "placeholder": "e.g. porridge with banana and kefir"}
        ),
    )
    eaten_at = forms.DateTimeField(
        label="When",
        widget=IsoDateTimeInput,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )


DIRECTION_CHOICES = [("worse", "Higher is worse"), ("better", "Higher is better"), ("", "Neither")]


class MeasureForm(forms.Form):
    label = forms.CharField(
        max_length=80,
        label="Name",
        error_messages={
            "required": "Give it a name of 1 to 80 characters.",
            "max_length": "Give it a name of 1 to 80 characters.",
        },
    )
    kind = forms.ChoiceField(
        choices=kinds.CUSTOM_KIND_CHOICES,
        label="How you log it",
        error_messages={"invalid_choice": "Choose how you log it from the list."},
    )
    direction = forms.ChoiceField(
        choices=DIRECTION_CHOICES,
        required=False,
        label="Is more of it good or bad for you?",
        error_messages={"invalid_choice": "Choose higher is worse, higher is better or neither."},
    )


class MeasureEditForm(forms.Form):
    """A measure's name and direction, as this person sees them."""

    label = forms.CharField(
        max_length=80,
        label="Name",
        error_messages={
            "required": "Give it a name of 1 to 80 characters.",
            "max_length": "Give it a name of 1 to 80 characters.",
        },
    )
    direction = forms.ChoiceField(
        choices=DIRECTION_CHOICES,
        required=False,
        label="Is more of it good or bad for you?",
        error_messages={"invalid_choice": "Choose higher is worse, higher is better or neither."},
    )


class CustomFoodForm(forms.Form):
    """Teach Vagus a food: its name, its groups and (optionally) the plant it counts as."""

    name = forms.CharField(max_length=80, label="Food name")
    groups = forms.MultipleChoiceField(
        choices=[],  # filled in __init__ from the fixed vocabulary
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which food groups is it in?",
    )
    plant = forms.CharField(
        max_length=80,
        required=False,
        label="Main plant in it (optional)",
        help_text="e.g. lentil: it then counts towards your different plants.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from vagus.diary.custom_foods import GROUP_LABELS

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["groups"]).choices = list(GROUP_LABELS.items())
