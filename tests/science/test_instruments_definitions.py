"""The instrument definitions carry the published facts, and change() reads them."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from vagus.science import instruments

GAD7_ITEM_LOINC = ("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7")
PHQ9_ITEM_LOINC = (
    "44250-9",
    "44255-8",
    "44259-0",
    "44254-1",
    "44251-7",
    "44258-2",
    "44252-5",
    "44253-3",
    "44260-8",
)
PFIZER_OPTIONS = (
    (0, "Not at all", "LA6568-5"),
    (1, "Several days", "LA6569-3"),
    (2, "More than half the days", "LA6570-1"),
    (3, "Nearly every day", "LA6571-9"),
)

# code: (item_count, min_total, max_total, panel, total, schedule_default_days)
FACTS = {
    "gad7": (7, 0, 21, "69737-5", "70274-6", 7),
    "gad2": (2, 0, 6, None, None, None),
    "phq9": (9, 0, 27, "44249-1", "44261-6", 14),
    "phq8": (8, 0, 24, None, None, 14),
    "phq4": (4, 0, 12, "69724-3", "70272-0", None),
    "ibs_sss": (5, 0, 500, None, None, 28),
}


def test_codes() -> None:
    assert set(instruments.CODES) == set(FACTS)
    assert tuple(instruments.INSTRUMENTS) == instruments.CODES
    for code in instruments.CODES:
        assert instruments.get(code) is instruments.INSTRUMENTS[code]
        assert instruments.get(code).code == code


@pytest.mark.parametrize("code", sorted(FACTS))
def test_published_facts(code: str) -> None:
    instrument = instruments.get(code)
    count, low, high, panel, total, every = FACTS[code]
    assert instrument.item_count == count == len(instrument.items)
    assert (instrument.min_total, instrument.max_total) == (low, high)
    assert (instrument.panel_loinc, instrument.total_loinc) == (panel, total)
    assert instrument.schedule_default_days == every
    assert [item.number for item in instrument.items] == list(range(1, count + 1))
    assert instrument.citation and instrument.copyright and instrument.scoring
    assert instrument.intro and instrument.recall


@pytest.mark.parametrize("code", sorted(FACTS))
def test_bands_cover_the_whole_range_without_gaps(code: str) -> None:
    instrument = instruments.get(code)
    bands = instrument.bands
    assert bands[0].minimum == instrument.min_total
    assert bands[-1].maximum == instrument.max_total
    for lower, upper in itertools.pairwise(bands):
        assert upper.minimum == lower.maximum + 1
    assert all(band.label == band.label.lower() for band in bands)


def test_gad7_items_and_answers() -> None:
    gad7 = instruments.get("gad7")
    assert tuple(item.loinc for item in gad7.items) == GAD7_ITEM_LOINC
    assert tuple(gad7.answer_options) == PFIZER_OPTIONS
    assert gad7.answer_list_loinc == "LL358-3"
    assert gad7.items[0].text == "Feeling nervous, anxious, or on edge"
    assert gad7.items[6].text == "Feeling afraid, as if something awful might happen"
    assert gad7.intro == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert gad7.recall == "over the last 2 weeks"
    assert gad7.difficulty is not None and gad7.difficulty.loinc == "69722-7"


def test_phq9_and_phq8_items() -> None:
    phq9 = instruments.get("phq9")
    phq8 = instruments.get("phq8")
    assert tuple(item.loinc for item in phq9.items) == PHQ9_ITEM_LOINC
    assert phq8.items == phq9.items[:8]
    assert "better off dead" in phq9.items[8].text
    assert all("dead" not in item.text for item in phq8.items)
    assert tuple(phq9.answer_options) == tuple(phq8.answer_options) == PFIZER_OPTIONS


def test_short_forms_reuse_the_parent_items() -> None:
    gad7, phq9 = instruments.get("gad7"), instruments.get("phq9")
    assert instruments.get("gad2").items == gad7.items[:2]
    phq4 = instruments.get("phq4")
    assert [(item.text, item.loinc) for item in phq4.items] == [
        (item.text, item.loinc) for item in (*gad7.items[:2], *phq9.items[:2])
    ]
    assert dict(phq4.subscales) == {"anxiety": (1, 2), "depression": (3, 4)}


@pytest.mark.parametrize("code", ["gad7", "gad2", "phq9", "phq8", "phq4"])
def test_pfizer_terms_recorded(code: str) -> None:
    terms = instruments.get(code).copyright
    assert "Pfizer" in terms
    assert "No permission required to reproduce, translate, display or distribute" in terms
    assert instruments.get(code).wording_included


def test_ibs_sss_ships_no_licensed_wording() -> None:
    ibs = instruments.get("ibs_sss")
    assert not ibs.wording_included
    assert ibs.answer_options == ()
    assert "Rome Foundation" in ibs.copyright
    for item in ibs.items:
        assert item.text == f"Part {item.number}, as recorded on your licensed form (0–100)"
        assert item.loinc is None
        assert item.link_id == f"item-{item.number}"
    assert ibs.recall == "over the last 10 days"
    assert not ibs.integer_answers and ibs.accepts_total_only


@pytest.mark.parametrize(
    ("code", "size", "source"),
    [
        ("gad7", 4, "Toussaint"),
        ("phq9", 5, "Löwe"),
        ("ibs_sss", 50, "Francis"),
    ],
)
def test_meaningful_change_with_source(code: str, size: int, source: str) -> None:
    instrument = instruments.get(code)
    assert instrument.meaningful_change == size
    assert source in (instrument.meaningful_change_source or "")


@pytest.mark.parametrize("code", ["gad2", "phq8", "phq4"])
def test_no_meaningful_change_where_none_is_published(code: str) -> None:
    instrument = instruments.get(code)
    assert instrument.meaningful_change is None
    assert instrument.meaningful_change_source is None


@pytest.mark.parametrize(
    ("code", "citation"),
    [
        ("gad7", "Arch Intern Med. 2006;166(10):1092"),
        ("phq9", "J Gen Intern Med. 2001;16(9):606"),
        ("phq8", "J Affect Disord. 2009;114(1–3):163"),
        ("phq4", "Psychosomatics. 2009;50(6):613"),
        ("gad2", "Ann Intern Med. 2007;146(5):317"),
        ("ibs_sss", "Aliment Pharmacol Ther. 1997;11(2):395"),
    ],
)
def test_citations(code: str, citation: str) -> None:
    assert citation in instruments.get(code).citation


def test_definitions_are_frozen() -> None:
    gad7 = instruments.get("gad7")
    with pytest.raises(dataclasses.FrozenInstanceError):
        gad7.code = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        instruments.get("phq4").subscales["anxiety"] = (1,)  # type: ignore[index]
    with pytest.raises(TypeError):
        instruments.INSTRUMENTS["x"] = gad7  # type: ignore[index]


def test_band_display() -> None:
    phq9 = instruments.get("phq9")
    assert phq9.band_display("moderately_severe") == "Moderately severe"
    with pytest.raises(ValueError, match="no band"):
        phq9.band_display("huge")


# -- change --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "previous", "current", "delta", "meaningful", "direction"),
    [
        ("gad7", 14, 10, -4, True, "better"),
        ("gad7", 14, 11, -3, False, "better"),
        ("gad7", 6, 10, 4, True, "worse"),
        ("gad7", 6, 6, 0, False, "same"),
        ("phq9", 20, 15, -5, True, "better"),
        ("phq9", 20, 16, -4, False, "better"),
        ("phq9", 3, 8, 5, True, "worse"),
        ("ibs_sss", 320, 270, -50, True, "better"),
        ("ibs_sss", 320, 270.5, -49.5, False, "better"),
        ("ibs_sss", 300.3, 250.3, -50, True, "better"),
        ("ibs_sss", 100, 150, 50, True, "worse"),
        ("phq8", 20, 0, -20, False, "better"),
        ("gad2", 0, 6, 6, False, "worse"),
    ],
)
def test_change(
    code: str,
    previous: float,
    current: float,
    delta: float,
    meaningful: bool,
    direction: str,
) -> None:
    result = instruments.change(code, previous, current)
    assert result.delta == pytest.approx(delta)
    assert result.meaningful is meaningful
    assert result.direction == direction
    assert result.threshold == instruments.get(code).meaningful_change


def test_change_checks_the_totals() -> None:
    with pytest.raises(ValueError, match=r"GAD-7 previous total: 22 is out of range"):
        instruments.change("gad7", 22, 3)
    with pytest.raises(ValueError, match=r"PHQ-9 current total: 2.5 is not a whole number"):
        instruments.change("phq9", 3, 2.5)


def test_difficulty_answers_are_checked_by_the_instrument():
    gad7, gad2 = instruments.get("gad7"), instruments.get("gad2")
    allowed = {option.value for option in gad7.difficulty_options}
    assert allowed and all(gad7.accepts_difficulty(v) for v in allowed)
    assert gad7.accepts_difficulty(None)
    assert not gad7.accepts_difficulty(max(allowed) + 1)
    assert not gad7.accepts_difficulty(True)
    assert gad2.difficulty is None and not gad2.accepts_difficulty(0)
