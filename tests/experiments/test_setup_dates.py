"""The set-up page's start date is written the way a browser's date input reads it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from vagus.experiments.forms import SetupForm

pytestmark = pytest.mark.django_db


def test_start_date_is_iso_under_a_british_locale(person, person_client):
    tomorrow = person.today() + timedelta(days=1)
    page = person_client.get(reverse("experiments:setup") + "?library=fermented").content.decode()
    assert f'type="date" name="start" value="{tomorrow.isoformat()}"' in page
    assert tomorrow.strftime("%d/%m/%Y") not in page
    # The hidden library key has no label of its own.
    assert ">Library</label>" not in page


def test_every_date_input_in_every_form_is_iso():
    from datetime import date, datetime

    from vagus.diary.forms import MealForm

    with translation.override("en-gb"):
        start = SetupForm(initial={"start": date(2026, 2, 12)}, custom=False)["start"]
        assert 'value="2026-02-12"' in str(start)
        eaten = MealForm(initial={"eaten_at": datetime(2026, 2, 12, 8, 5)})["eaten_at"]
        assert 'value="2026-02-12T08:05"' in str(eaten)
