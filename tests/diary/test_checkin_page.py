"""The daily check-in page: optional fields, clear confirmation, past days, bad input."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from vagus.diary.catalog import BUILTINS
from vagus.diary.models import DayNote, Observation

pytestmark = pytest.mark.django_db

FULL_DAY = {
    "anxiety": "6",
    "mood": "4",
    "stress": "7",
    "gut_pain": "3",
    "bloating": "5",
    "urgency": "2",
    "stool_form": "6",
    "sleep_hours": "6.5",
    "sleep_quality": "4",
    "activity_minutes": "30",
    "mindfulness_minutes": "10",
    "social_minutes": "45",
    "caffeine_drinks": "2",
    "alcohol_units": "1.5",
    "probiotic": "1",
    "medication_as_prescribed": "0",
    "supplement_name": "Lactobacillus capsule",
    "note": "Big meeting; stomach tight before it.",
}


def stored(user, day):
    return dict(
        Observation.objects.owned_by(user).filter(day=day).values_list("measure__code", "value")
    )


def test_every_builtin_field_is_on_the_form_and_stored(person, person_client):
    assert {b.code for b in BUILTINS} <= set(FULL_DAY)
    response = person_client.post(reverse("diary:today"), FULL_DAY, follow=True)
    assert response.status_code == 200
    today = person.today()
    values = stored(person, today)
    assert values == {code: float(FULL_DAY[code]) for code in values}
    assert set(values) == {b.code for b in BUILTINS}
    note = DayNote.objects.get(owner=person, day=today)
    assert note.text == FULL_DAY["note"]
    assert note.supplement_name == "Lactobacillus capsule"
    page = response.content.decode()
    # The confirmation lists what was stored, in words.
    assert "Saved for" in page
    assert "6 out of 10" in page
    assert "Type 6 (Mushy, with ragged edges)" in page
    assert "6.5 h" in page


def test_half_filled_day_saves_only_what_was_given(person, person_client):
    response = person_client.post(reverse("diary:today"), {"anxiety": "3"}, follow=True)
    assert stored(person, person.today()) == {"anxiety": 3.0}
    assert "Anxiety</strong>: 3 out of 10" in response.content.decode()


def test_clearing_an_answer_removes_it(person, person_client):
    person_client.post(reverse("diary:today"), {"anxiety": "3", "mood": "5"})
    response = person_client.post(reverse("diary:today"), {"anxiety": "", "mood": "5"}, follow=True)
    assert stored(person, person.today()) == {"mood": 5.0}
    assert "Removed: Anxiety" in response.content.decode()


def test_a_past_day_can_be_edited(person, person_client):
    day = person.today() - timedelta(days=40)
    url = reverse("diary:day", kwargs={"day": day})
    person_client.post(url, {"anxiety": "8"})
    person_client.post(url, {"anxiety": "2"})
    assert stored(person, day) == {"anxiety": 2.0}
    page = person_client.get(url).content.decode()
    assert re.search(r'name="anxiety" value="2"[^>]*checked', page)


def test_future_day_is_refused_and_nothing_written(person, person_client):
    day = person.today() + timedelta(days=2)
    response = person_client.post(reverse("diary:day", kwargs={"day": day}), {"anxiety": "4"})
    assert response.status_code == 302
    assert response["Location"] == reverse("diary:today")
    assert not Observation.objects.filter(owner=person).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("anxiety", "11"),
        ("anxiety", "-1"),
        ("anxiety", "4.5"),
        ("stool_form", "8"),
        ("stool_form", "0"),
        ("sleep_hours", "25"),
        ("sleep_hours", "lots"),
        ("activity_minutes", "-5"),
        ("activity_minutes", "2000"),
        ("probiotic", "2"),
        ("alcohol_units", "nan"),
    ],
)
def test_bad_values_show_an_error_and_write_nothing(person, person_client, field, value):
    response = person_client.post(reverse("diary:today"), {"mood": "5", field: value})
    assert response.status_code == 200  # the form again, with the person's answers kept
    page = response.content.decode()
    assert 'class="error"' in page
    assert not Observation.objects.filter(owner=person).exists()


def test_custom_measure_appears_on_the_check_in_and_is_stored(person, person_client):
    person_client.post(
        reverse("diary:measures"), {"label": "Walk outside", "kind": "yesno", "direction": "better"}
    )
    page = person_client.get(reverse("diary:today")).content.decode()
    assert "Walk outside" in page
    person_client.post(reverse("diary:today"), {"my_walk_outside": "1"})
    assert stored(person, person.today()) == {"my_walk_outside": 1.0}


def test_anonymous_visitor_is_sent_to_login(visitor):
    response = visitor.get(reverse("diary:today"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_day_before_1900_is_refused(person, person_client):
    url = reverse("diary:day", kwargs={"day": "0001-01-01"})
    response = person_client.post(url, {"anxiety": "4"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("diary:today")
    assert "before 1900" in response.content.decode()
    assert not Observation.objects.filter(owner=person).exists()
    assert person_client.get(url).status_code == 302


def test_a_meal_from_year_one_is_refused_on_the_page(person, person_client):
    response = person_client.post(
        reverse("diary:meals"), {"text": "toast", "eaten_at": "0001-01-01T08:00"}
    )
    assert response.status_code == 200
    assert "before 1900" in response.content.decode()
