"""A person imports their Daylio history on a phone: upload, map a mood, watch it import."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import PASSWORD, open_from_menu, serious
from tests.helpers.db import make_person

from vagus.diary.models import Observation

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).parent.parent / "interop" / "samples" / "daylio.csv"


def test_import_daylio_on_a_phone(page, live_server, login, tmp_path, monkeypatch, settings):
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    # The live server shares the test database in memory, which a worker process cannot open:
    # here the job runs in the request. tests/worker/test_consumer.py drives the real worker.
    settings.VAGUS_IMPORTS_INLINE = True
    make_person("iris")
    login(page, "iris", PASSWORD)
    open_from_menu(page, "Import & export")
    assert serious(page) == []

    page.select_option("#id_format", "daylio")
    page.set_input_files("#id_file", str(SAMPLE))
    page.get_by_role("button", name="Check the file").click()

    # The check runs in the background; the page follows it and then asks about the mood.
    page.get_by_role("heading", name="Match your moods").wait_for()
    assert serious(page) == []
    page.get_by_label("“Anxious”").select_option("2")
    page.get_by_role("button", name="Check again with these levels").click()

    page.get_by_role("heading", name="Ready to import").wait_for()
    assert "Would add 20" in page.inner_text("main")
    assert Observation.objects.filter(owner__username="iris").count() == 0
    page.get_by_role("button", name="Import now").click()

    page.get_by_role("heading", name="Imported").wait_for()
    assert "Added 20" in page.inner_text("main")
    assert serious(page) == []
    assert Observation.objects.filter(owner__username="iris", source="import:daylio").count() == 19
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_progress_is_shown_while_a_job_runs(page, live_server, login):
    # A job caught mid-way (as a long Apple Health import is) shows a labelled progress bar.
    from vagus.interop.models import ImportJob

    person = make_person("jude")
    job = ImportJob.objects.create(
        owner=person,
        format="apple-health",
        filename="export.zip",
        status="importing",
        progress=0.42,
    )
    login(page, "jude", PASSWORD)
    page.goto(f"{live_server.url}/data/jobs/{job.uuid}/")
    bar = page.get_by_role("progressbar", name="Importing…")
    assert bar.get_attribute("value") == "42"
    assert "42% done" in page.inner_text("#job-progress-text")
    assert serious(page) == []
    # When the job ends, the page notices by itself and shows the result.
    ImportJob.objects.filter(pk=job.pk).update(status="done", message="Added 7", progress=1)
    page.get_by_role("heading", name="Imported").wait_for()
