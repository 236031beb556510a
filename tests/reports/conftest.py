"""A person with something in every part of the report, and the default 12-week period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from tests.helpers import zone_far_from_midnight
from tests.helpers.db import make_person
from tests.helpers.reports import build_report_world

SECRET = "PRIVATE-TEXT"


@dataclass
class Reported:
    person: object
    start: date
    end: date


@pytest.fixture
def reported(db) -> Reported:
    from vagus.reports.figures import default_period

    person = make_person("ann.smith", zone_far_from_midnight())
    build_report_world(person, secret=SECRET)
    start, end = default_period(person.today())
    return Reported(person, start, end)


def pdf_text(pdf: bytes) -> list[str]:
    """Each page's text: pdftotext (Debian's poppler-utils) when installed, else pypdf."""
    import io
    import shutil
    import subprocess
    import tempfile

    from pypdf import PdfReader

    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            out = subprocess.run(
                ["pdftotext", "-layout", f.name, "-"], capture_output=True, check=True
            ).stdout.decode()
        return [" ".join(page.split()) for page in out.split("\f") if page.strip()]
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]
