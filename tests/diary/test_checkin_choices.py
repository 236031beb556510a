"""A person's own check-in: the quick check-in, "More", hidden measures, order and names."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from vagus.diary import actions, choices
from vagus.diary.models import Measure, MeasureChoice, Observation

pytestmark = pytest.mark.django_db


def builtin(code: str) -> Measure:
    return Measure.objects.get(owner__isnull=True, code=code)


def quick_codes(user) -> list[str]:
    return [p.code for p in choices.on_checkin(user)[0]]


def more_codes(user) -> list[str]:
    return [p.code for p in choices.on_checkin(user)[1]]


def page_order(html: str, codes: list[str]) -> list[str]:
    """The codes in the order their fields appear on the page."""
    found = [(html.index(f'name="{code}"'), code) for code in codes if f'name="{code}"' in html]
    return [code for _, code in sorted(found)]


def quick_part(html: str) -> str:
    """The check-in form before its "More" section."""
    form = html[html.index('<form method="post" class="checkin"') :]
    return form[: form.index('<details class="checkin-more"')]


def test_defaults_without_any_rows(person):
    assert quick_codes(person) == ["anxiety", "mood", "gut_pain", "stool_form", "sleep_quality"]
    more = more_codes(person)
    assert "bloating" in more and "sleep_hours" in more and "anxiety" not in more
    assert more.index("stress") < more.index("medication_as_prescribed")  # catalogue order
    assert not MeasureChoice.objects.exists()


def test_the_check_in_shows_quick_questions_first_and_the_rest_under_more(person_client):
    html = person_client.get(reverse("diary:today")).content.decode()
    quick = quick_part(html)
    assert page_order(quick, ["anxiety", "mood", "gut_pain", "stool_form", "sleep_quality"]) == [
        "anxiety",
        "mood",
        "gut_pain",
        "stool_form",
        "sleep_quality",
    ]
    assert 'name="bloating"' not in quick and 'name="bloating"' in html
    assert '<details class="checkin-more">' in html  # folded by default
    assert 'data-offline="checkin"' in html and 'name="version"' in html
    assert reverse("diary:checkin_customise") in html
    # Stool form on the quick check-in is one tap: numbered segments, meaning in the help.
    assert 'class="segmented" id="id_stool_form"' in quick


def test_hiding_a_builtin_takes_it_off_the_check_in_and_keeps_its_values(person, person_client):
    person_client.post(reverse("diary:today"), {"mood": "6"})
    mood = builtin("mood")
    response = person_client.post(
        reverse("diary:measure_place", args=[mood.uuid]),
        {"placement": "hidden", "back": "customise"},
    )
    assert response.url == reverse("diary:checkin_customise")
    assert "mood" not in quick_codes(person) + more_codes(person)
    html = person_client.get(reverse("diary:today")).content.decode()
    assert 'name="mood"' not in html
    # Saving without it keeps the stored mood: a hidden measure is never cleared.
    person_client.post(reverse("diary:today"), {"anxiety": "3"})
    stored = Observation.objects.filter(owner=person, day=person.today())
    assert dict(stored.values_list("measure__code", "value")) == {"mood": 6.0, "anxiety": 3.0}
    # Shown again, it goes to "More".
    person_client.post(reverse("diary:measure_archive", args=[mood.uuid]), {"back": "measures"})
    assert more_codes(person)[-1] == "mood"


def test_reordering_changes_the_check_in_order(person, person_client):
    sleep = builtin("sleep_quality")
    for _ in range(4):
        person_client.post(reverse("diary:measure_move", args=[sleep.uuid]), {"direction": "up"})
    assert quick_codes(person) == ["sleep_quality", "anxiety", "mood", "gut_pain", "stool_form"]
    # At the top already: nothing moves, and it says so in words.
    response = person_client.post(
        reverse("diary:measure_move", args=[sleep.uuid]), {"direction": "up"}, follow=True
    )
    assert "already at that end" in response.content.decode()
    html = quick_part(person_client.get(reverse("diary:today")).content.decode())
    assert page_order(html, ["anxiety", "sleep_quality"]) == ["sleep_quality", "anxiety"]
    # Moving never crosses into another section.
    assert not choices.move(person, builtin("stool_form"), 1)


def test_moving_a_measure_to_the_quick_check_in_puts_it_last(person):
    choices.place(person, builtin("bloating"), choices.QUICK)
    assert quick_codes(person)[-1] == "bloating"
    assert "bloating" not in more_codes(person)


def test_a_new_custom_measure_goes_on_the_quick_check_in(person, person_client):
    response = person_client.post(
        reverse("diary:measures"),
        {"label": "Cold shower", "kind": "yesno", "direction": "better"},
        follow=True,
    )
    assert "It is on your quick check-in" in response.content.decode()
    assert quick_codes(person)[-1] == "my_cold_shower"
    html = quick_part(person_client.get(reverse("diary:today")).content.decode())
    assert 'name="my_cold_shower"' in html


def test_re_adding_a_hidden_custom_measure_brings_it_back(person, person_client):
    measure = actions.create_measure(person, "Cold shower", "yesno", "better")
    actions.save_checkin(person, person.today(), {"my_cold_shower": 1})
    person_client.post(reverse("diary:measure_archive", args=[measure.uuid]))
    measure.refresh_from_db()
    assert measure.archived and "my_cold_shower" not in quick_codes(person) + more_codes(person)
    response = person_client.post(
        reverse("diary:measures"),
        {"label": "cold shower", "kind": "yesno", "direction": "better"},
        follow=True,
    )
    page = response.content.decode()
    assert "“Cold shower” is back on your quick check-in, with its history." in page
    measure.refresh_from_db()
    assert not measure.archived
    assert Measure.objects.filter(owner=person).count() == 1
    assert Observation.objects.filter(owner=person, measure=measure).count() == 1
    assert "my_cold_shower" in quick_codes(person)


def test_messages_are_plain_words_never_field_names(person, person_client):
    actions.create_measure(person, "Cold shower", "yesno", "better")
    response = person_client.post(
        reverse("diary:measures"), {"label": "Cold shower", "kind": "yesno", "direction": ""}
    )
    page = response.content.decode()
    assert "You already have a measure called “Cold shower”." in page
    assert "label:" not in page
    response = person_client.post(
        reverse("diary:measures"), {"label": "", "kind": "weird", "direction": "up"}
    )
    page = response.content.decode()
    assert "Give it a name of 1 to 80 characters." in page
    assert "Choose how you log it from the list." in page
    assert "label:" not in page and "kind:" not in page and "direction:" not in page
    with pytest.raises(actions.DiaryInputError) as caught:
        actions.add_measure(person, "x" * 81, "scale", "")
    assert caught.value.errors == {"label": "Give it a name of 1 to 80 characters."}


def test_renaming_a_builtin_is_the_persons_own_label(person, other_person, person_client):
    anxiety = builtin("anxiety")
    response = person_client.post(
        reverse("diary:measure_edit", args=[anxiety.uuid]),
        {"label": "Worry level", "direction": "worse"},
    )
    assert response.status_code == 302
    anxiety.refresh_from_db()
    assert (anxiety.label, anxiety.code, anxiety.loinc) == ("Anxiety", "anxiety", "")
    assert choices.labels_for(person)["anxiety"] == "Worry level"
    assert choices.labels_for(other_person)["anxiety"] == "Anxiety"
    html = person_client.get(reverse("diary:today")).content.decode()
    assert re.search(r'<legend><svg class="icon"[^>]*>.*?</svg>Worry level</legend>', html)
    saved = person_client.post(reverse("diary:today"), {"anxiety": "4"}, follow=True)
    assert "<strong>Worry level</strong>: 4 out of 10" in saved.content.decode()
    # Renaming it back to the built-in name stores no label of its own.
    choices.rename(person, anxiety, "Anxiety")
    assert MeasureChoice.objects.get(owner=person, measure=anxiety).label == ""


def test_changing_direction_of_builtin_and_custom(person, person_client):
    sleep = builtin("sleep_hours")
    custom = actions.create_measure(person, "Coffee", "count", "")
    choices.set_direction(person, sleep, "worse")
    choices.set_direction(person, custom, "worse")
    sleep.refresh_from_db()
    custom.refresh_from_db()
    assert sleep.direction == "better"  # the shared row is untouched
    placed = {p.code: p for p in choices.layout(person)}
    assert placed["sleep_hours"].direction == "worse"
    assert custom.direction == "worse" == placed[custom.code].direction
    response = person_client.post(
        reverse("diary:measure_edit", args=[custom.uuid]), {"label": "Coffees", "direction": "x"}
    )
    page = response.content.decode()
    assert "Choose higher is worse, higher is better or neither." in page
    assert "direction:" not in page


def test_renaming_a_custom_measure_to_one_that_exists_is_refused_plainly(person, person_client):
    actions.create_measure(person, "Coffee", "count", "")
    tea = actions.create_measure(person, "Tea", "count", "")
    response = person_client.post(
        reverse("diary:measure_edit", args=[tea.uuid]), {"label": "coffee", "direction": ""}
    )
    assert "You already have a measure called “coffee”." in response.content.decode()
    tea.refresh_from_db()
    assert tea.label == "Tea"


def test_a_renamed_measures_old_name_can_be_used_again(person):
    first = actions.create_measure(person, "Cold shower", "yesno", "better")
    choices.rename(person, first, "Cold plunge")
    again = actions.create_measure(person, "Cold shower", "yesno", "better")
    assert again.pk != first.pk and again.code == "my_cold_shower_2"


@pytest.mark.parametrize("action", ["measure_place", "measure_move", "measure_archive"])
def test_another_persons_measure_is_not_found(action, person, other_person, client_of):
    theirs = actions.create_measure(other_person, "Their secret", "scale", "worse")
    client = client_of(person)
    response = client.post(
        reverse(f"diary:{action}", args=[theirs.uuid]), {"placement": "hidden", "direction": "up"}
    )
    assert response.status_code == 404
    assert client.get(reverse("diary:measure_edit", args=[theirs.uuid])).status_code == 404
    theirs.refresh_from_db()
    assert not theirs.archived
    assert not MeasureChoice.objects.filter(owner=person, measure=theirs).exists()
    assert "my_their_secret" in [p.code for p in choices.on_checkin(other_person)[0]]


def test_choices_are_per_person(person, other_person):
    choices.place(person, builtin("anxiety"), choices.HIDDEN)
    assert "anxiety" not in quick_codes(person)
    assert quick_codes(other_person)[0] == "anxiety"


def test_the_pages_list_every_section(person_client):
    for name in ("diary:checkin_customise", "diary:measures"):
        html = person_client.get(reverse(name)).content.decode()
        assert "Quick check-in" in html and "More" in html and "Hidden" in html
        assert "Sleep quality" in html and "Medication taken as prescribed" in html
