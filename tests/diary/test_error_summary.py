"""A failed save says so at the top, in plain words, with a link to each answer to fix."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.urls import reverse

from vagus.form_errors import form_errors

pytestmark = pytest.mark.django_db


def _summary(page: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def test_sleep_of_30_hours_is_summarised_first_with_a_link(person, person_client):
    response = person_client.post(reverse("diary:today"), {"sleep_hours": "30", "anxiety": "4"})
    assert response.status_code == 200
    page = response.content.decode()
    summary = _summary(page)
    assert "Not saved yet: 1 thing to fix" in summary
    assert (
        '<a href="#id_sleep_hours">Sleep last night must be between 0 and 24 hours.</a>' in summary
    )
    # It comes before the first question, and its heading takes focus on load.
    assert page.index('class="error-summary"') < page.index('<fieldset class="question')
    assert re.search(r'<h2 id="error-summary-title" tabindex="-1" autofocus>', summary)
    # The same words next to the field, never Django's default ones.
    assert "Ensure this value" not in page
    assert page.count("Sleep last night must be between 0 and 24 hours.") == 2


def test_a_radio_answer_links_to_its_first_option(person, person_client):
    page = person_client.post(reverse("diary:today"), {"anxiety": "11"}).content.decode()
    assert '<a href="#id_anxiety_0">Anxiety: please choose one from the list.</a>' in _summary(page)


def test_shared_include_summarises_other_forms(person, person_client):
    response = person_client.post(
        reverse("experiments:setup") + "?library=fermented",
        {
            "library": "fermented",
            "outcome": "anxiety",
            "smallest_change": "1",
            "period_days": "7",
            "washout_days": "2",
            "pairs": "6",
            "start": "",
            "hypothesis": "Calmer.",
            "action": "start",
        },
    )
    summary = _summary(response.content.decode())
    assert '<a href="#id_start">Start date: please fill this in.</a>' in summary


def test_no_summary_when_nothing_is_wrong(person, person_client):
    assert 'class="error-summary"' not in person_client.get(reverse("diary:today")).content.decode()


class _Sample(forms.Form):
    hours = forms.IntegerField(label="Hours", min_value=0, max_value=24)
    code = forms.CharField(
        label="Code", error_messages={"required": "Type the code from the letter."}
    )
    when = forms.DateField(label="When")

    def clean(self):
        raise forms.ValidationError("These do not go together.")


def test_messages_a_form_chose_itself_are_kept():
    form = _Sample({"hours": "x", "when": "31/31/2026"})
    assert [e.message for e in form_errors(form)] == [
        "Hours must be a whole number.",
        "Type the code from the letter.",
        "When must be a date, like 2026-02-12.",
        "These do not go together.",
    ]
    assert [e.target for e in form_errors(form)] == ["id_hours", "id_code", "id_when", ""]
    assert form_errors(_Sample()) == []  # an unbound form has nothing to fix
