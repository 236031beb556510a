"""The PDF: one A4 or Letter page of real, tagged text and vector charts; nothing fetched."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader
from tests.reports.conftest import SECRET, pdf_text

from vagus.reports.figures import TEXT_SECTIONS, report_figures
from vagus.reports.pdf import html_to_pdf, render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(reported):
    return report_figures(reported.person, reported.start, reported.end)


@pytest.mark.parametrize(
    ("paper", "width_pt", "height_pt"), [("a4", 595, 842), ("letter", 612, 792)]
)
def test_one_page_on_each_paper(figures, paper, width_pt, height_pt):
    pdf = render_pdf(figures, paper)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (width_pt, height_pt)
    assert len(pdf) < 300_000


def test_the_text_is_real_text_with_safety_first(figures):
    [page] = pdf_text(render_pdf(figures))
    assert page.startswith("Vagus report: A. S.")
    assert page.index("Safety in this period") < page.index("Questionnaires")
    assert "PHQ-9 question 9" in page
    for words in (
        "GAD-7",
        "a change of 4 points or more is meaningful",
        "Weekly means",
        "Days logged",
        "taken as prescribed",
        "Kefir at breakfast",
        "Paced breathing",
        "association, not proof of cause",
    ):
        assert words in page, words
    assert SECRET not in page


def test_ticked_writing_is_a_second_page_and_the_first_page_is_unchanged(reported, figures):
    with_text = report_figures(
        reported.person, reported.start, reported.end, include_text=set(TEXT_SECTIONS)
    )
    pages = pdf_text(render_pdf(with_text))
    assert len(pages) == 2
    assert pages[0] == pdf_text(render_pdf(figures))[0]
    assert f"journal {SECRET}" in pages[1]
    assert f"worry {SECRET}" in pages[1]
    assert SECRET not in pages[0]


def test_tagged_pdf_ua_with_language_title_and_vector_charts(figures):
    reader = PdfReader(io.BytesIO(render_pdf(figures)))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    assert reader.metadata.title.startswith("Vagus report: A. S.")
    assert list(reader.pages[0].images) == []  # the charts are paths and text, not pictures


def test_the_renderer_fetches_nothing_from_the_network():
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        html = (
            f'<html lang="en"><head><title>t</title><link rel="stylesheet" href="{url}/a.css">'
            f'</head><body><p>text</p><img src="{url}/b.png" alt="b"></body></html>'
        )
        pdf = html_to_pdf(html)
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF")
    assert asked == []
