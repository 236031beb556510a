"""The segmented scale: a 0–10 scale carries the colour ramp, turned by the measure's direction;
the "–" (not answered) option never does, and other segmented choices carry none."""

from __future__ import annotations

import re

from django import forms

from vagus.widgets import SegmentedRadio

SCALE = [("", "–")] + [(str(i), str(i)) for i in range(11)]


def render(widget: SegmentedRadio, choices, value=None) -> str:
    field = forms.ChoiceField(choices=choices, widget=widget, required=False)
    return field.widget.render("x", value)


def steps(html: str) -> list[str]:
    return re.findall(r'<label class="segment[^"]*step-(\d+)', html)


def test_a_scale_where_higher_is_worse_ramps_up_from_calm():
    html = render(SegmentedRadio(direction="worse"), SCALE)
    assert 'class="segmented ramp ramp-worse"' in html
    assert steps(html) == [str(i) for i in range(11)]
    # Every number is still written out: colour is never the only cue.
    assert all(f"><span>{i}</span></label>" in html for i in range(11))


def test_a_scale_where_higher_is_better_turns_the_ramp_and_neither_stays_neutral():
    assert 'class="segmented ramp ramp-better"' in render(SegmentedRadio(direction="better"), SCALE)
    assert 'class="segmented ramp ramp-neutral"' in render(SegmentedRadio(), SCALE)


def test_the_not_answered_option_carries_no_step_of_the_ramp():
    html = render(SegmentedRadio(direction="worse"), SCALE, value="")
    skip = re.search(r'<label class="([^"]*)"[^>]*><input[^>]*value=""', html)
    assert skip and skip.group(1) == "segment skip-option"


def test_yes_no_choices_get_no_ramp():
    html = render(SegmentedRadio(direction="better"), [("", "–"), ("1", "Yes"), ("0", "No")])
    assert "ramp" not in html and steps(html) == []
