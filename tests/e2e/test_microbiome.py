"""Upload a stool test's table with two samples, choose one, save, read the sample page and
the samples list; axe finds no serious or critical problems on each, phone and desktop."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e
DATA = Path(__file__).parent.parent / "microbiome" / "data"


def test_upload_choose_a_sample_and_read_it(any_page, live_server, login):
    from vagus.microbiome.models import Sample

    page = any_page
    person = make_person("mira")
    login(page, "mira", PASSWORD)
    page.goto(f"{live_server.url}/microbiome/")
    assert page.get_by_text("One stool test is a snapshot").is_visible()
    assert serious(page) == []
    page.get_by_role("link", name="Add a test result").click()
    assert serious(page) == []
    page.set_input_files("#id_file", str(DATA / "biom1_two_samples.biom"))
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("heading", name="Check before saving").wait_for()
    assert page.get_by_text("This table holds 2 samples").is_visible()
    assert serious(page) == []
    page.select_option("#id_sample", "Sample.B")
    page.select_option("#id_method", "16S")
    page.fill("#id_label", "First test")
    page.fill("#id_collected_on", person.today().isoformat())
    page.get_by_role("button", name="Save this sample").click()
    page.get_by_role("heading", name="Phyla").wait_for()
    assert page.get_by_role("rowheader", name="Bacteroidota (Bacteroidetes)").is_visible()
    assert page.get_by_role("link", name="Research on Faecalibacterium prausnitzii").is_visible()
    assert serious(page) == []
    assert Sample.objects.get(owner=person).source_sample == "Sample.B"

    # A second, shotgun sample: the list shows one chart panel per method.
    page.goto(f"{live_server.url}/microbiome/upload/")
    page.set_input_files("#id_file", str(DATA / "metaphlan3.tsv"))
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("heading", name="Check before saving").wait_for()
    page.get_by_role("button", name="Save this sample").click()
    page.get_by_role("heading", name="Phyla").wait_for()
    page.goto(f"{live_server.url}/microbiome/")
    assert page.locator("svg.panel").count() == 2
    assert serious(page) == []
