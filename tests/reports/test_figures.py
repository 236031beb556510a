"""The report's figures: what the page shows, computed from the person's own rows only."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from tests.helpers.reports import build_report_world
from tests.reports.conftest import SECRET

from vagus.diary.models import Observation
from vagus.reports.figures import TEXT_SECTIONS, default_period, report_figures

pytestmark = pytest.mark.django_db


def test_the_default_period_is_the_last_twelve_weeks(reported):
    start, end = default_period(reported.person.today())
    assert end == reported.person.today()
    assert (end - start).days + 1 == 84


def test_safety_events_are_dated_self_harm_answers_and_crisis_pages(reported):
    figures = report_figures(reported.person, reported.start, reported.end)
    [event] = figures.safety
    assert "PHQ-9 question 9" in event.what
    assert "“Several days” (1 of 3)" in event.what
    assert "crisis page was shown" in event.what
    flagged = [r for r in reported.person.questionnaire_responses.all() if r.self_harm_risk]
    assert [event.day] == [r.day for r in flagged]


def test_crisis_language_alerts_are_listed_too(reported):
    from vagus.tools import actions

    actions.save_journal_entry(reported.person, "Some days I want to die.", "")
    figures = report_figures(reported.person, reported.start, reported.end)
    assert any("journal entry, thought record or worry" in e.what for e in figures.safety)
    # The words themselves never appear, only that they were written.
    assert all("want to die" not in e.what for e in figures.safety)


def test_questionnaire_totals_with_bands_and_the_published_meaningful_change(reported):
    figures = report_figures(reported.person, reported.start, reported.end)
    by_code = {q.code: q for q in figures.questionnaires}
    gad = by_code["gad7"]
    stored = reported.person.questionnaire_responses.filter(instrument="gad7").order_by("authored")
    assert [p.total for p in gad.points] == [r.total for r in stored]
    assert gad.meaningful_change == 4
    assert "Toussaint" in gad.meaningful_change_source
    assert gad.change == stored.last().total - stored.first().total
    assert gad.change_meaningful == (abs(gad.change) >= 4)
    assert [b.display for b in gad.bands] == ["Minimal", "Mild", "Moderate", "Severe"]
    assert by_code["phq9"].meaningful_change == 5


def test_weekly_means_and_days_logged_match_the_diary(reported):
    person = reported.person
    figures = report_figures(person, reported.start, reported.end)
    anxiety = next(s for s in figures.daily if s.code == "anxiety")
    week = figures.week_starts[3]
    values = list(
        Observation.objects.filter(
            owner=person,
            measure__code="anxiety",
            day__range=(week, week + timedelta(days=6)),
        ).values_list("value", flat=True)
    )
    assert anxiety.weekly_means[3] == pytest.approx(sum(values) / len(values))
    assert len(figures.week_starts) == 12
    assert {s.code for s in figures.daily} == {
        "anxiety",
        "gut_pain",
        "bloating",
        "stool_form",
        "sleep_hours",
    }
    logged = {
        d
        for d in Observation.objects.filter(
            owner=person, day__range=(reported.start, reported.end)
        ).values_list("day", flat=True)
    }
    assert figures.adherence.days_logged == len(logged)
    assert sum(figures.adherence.per_week) == len(logged)


def test_medication_is_only_days_taken_as_prescribed(reported):
    figures = report_figures(reported.person, reported.start, reported.end)
    rows = Observation.objects.filter(
        owner=reported.person,
        measure__code="medication_as_prescribed",
        day__range=(reported.start, reported.end),
    )
    assert figures.medication.days_recorded == rows.count()
    assert figures.medication.days_as_prescribed == rows.filter(value=1).count()
    # Never a finding about medication.
    assert all("edication" not in i.factor for i in figures.insights)


def test_experiments_tools_and_insights_carry_their_intervals(reported):
    figures = report_figures(reported.person, reported.start, reported.end)
    [experiment] = figures.experiments
    assert experiment.title == "Kefir at breakfast"
    assert experiment.state == "completed"
    assert experiment.pairs == 3
    breathing = next(t for t in figures.tools if t.name == "Paced breathing")
    assert breathing.ci_low is not None and breathing.ci_low <= breathing.mean_change
    assert "95 % interval" in breathing.change
    assert figures.insights, "the planted fermented-food effect is found in 12 weeks"
    for line in figures.insights:
        assert line.ci_low <= line.estimate <= line.ci_high
    assert figures.insights_note == "Each is an association, not proof of cause."


def test_free_text_only_when_ticked_and_only_what_was_ticked(reported):
    plain = report_figures(reported.person, reported.start, reported.end)
    assert plain.appendix == ()
    assert SECRET not in json.dumps(plain.as_json())
    journal = report_figures(
        reported.person, reported.start, reported.end, include_text={"journal"}
    )
    assert [e.section for e in journal.appendix] == ["journal"]
    assert journal.appendix[0].text == f"journal {SECRET}"
    everything = report_figures(
        reported.person, reported.start, reported.end, include_text=set(TEXT_SECTIONS)
    )
    assert {e.section for e in everything.appendix} == set(TEXT_SECTIONS)
    with pytest.raises(ValueError, match="Unknown text section"):
        report_figures(reported.person, reported.start, reported.end, include_text={"meals"})


def test_as_json_is_plain_json_with_every_part(reported):
    data = report_figures(reported.person, reported.start, reported.end).as_json()
    again = json.loads(json.dumps(data))
    assert again["start"] == reported.start.isoformat()
    assert again["days"] == 84
    assert again["safety"][0]["day"] == data["safety"][0]["day"]
    for key in ("questionnaires", "daily", "adherence", "experiments", "tools", "insights"):
        assert again[key]
    assert again["name"] == "A. S."


def test_only_the_persons_own_rows(reported, other_person):
    build_report_world(other_person, days=30, secret="BOB-SECRET")
    mine = report_figures(reported.person, reported.start, reported.end, include_text={"journal"})
    assert "BOB-SECRET" not in json.dumps(mine.as_json())
    start, end = default_period(other_person.today())
    theirs = report_figures(other_person, start, end, include_text=set(TEXT_SECTIONS))
    assert SECRET not in json.dumps(theirs.as_json())
    assert len(theirs.questionnaires[0].points) < len(mine.questionnaires[0].points)


def test_an_empty_diary_still_makes_a_report(person):
    start, end = default_period(person.today())
    figures = report_figures(person, start, end, name="Ann")
    assert figures.name == "Ann"
    assert figures.safety == () and figures.questionnaires == () and figures.insights == ()
    assert figures.adherence.days_logged == 0
    assert figures.medication is None
    with pytest.raises(ValueError):
        report_figures(person, end, start)
