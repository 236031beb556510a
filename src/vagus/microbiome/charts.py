"""Diversity over time: one panel per method, so 16S and shotgun never share a line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from vagus.charts.layout import Chart
from vagus.charts.table import Table
from vagus.charts.timeseries import Series, small_multiples
from vagus.microbiome.models import Sample
from vagus.science.microbiome import METHODS

SHORT = {"16S": "16S tests", "shotgun": "shotgun tests", "unknown": "method not stated"}


def diversity_chart(samples: list[Sample]) -> Chart | None:
    """Shannon diversity per sample, a small panel per method; None with fewer than two."""
    if len(samples) < 2:
        return None
    by_method: dict[str, dict[date, float]] = {}
    for sample in samples:
        by_method.setdefault(sample.method, {})[sample.collected_on] = sample.shannon
    series = [
        Series(f"Shannon diversity, {SHORT[method]}", values)
        for method, values in sorted(by_method.items())
    ]
    start = min(s.collected_on for s in samples) - timedelta(days=3)
    end = max(s.collected_on for s in samples) + timedelta(days=3)
    table = Table(
        "Shannon diversity of each sample",
        ("Collected", "Method", "Shannon", "Observed taxa"),
        tuple(
            (
                f"{s.collected_on:%-d %b %Y}",
                METHODS[s.method],
                f"{s.shannon:.2f}",
                str(s.observed),
            )
            for s in samples
        ),
    )
    return replace(
        small_multiples(series, start, end, chart_id="microbiome-diversity"), table=table
    )
