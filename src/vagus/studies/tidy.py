"""The pseudonymised export: a tidy table (CSV or Parquet) and its data dictionary.

Columns are ``participant,date,measure,value``: the pseudonym, the participant's calendar
day, the measure code and a number. No free text is ever exported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from vagus.diary.models import Measure
from vagus.science import instruments
from vagus.studies.protocol import Protocol
from vagus.studies.queries import TidyRow

COLUMNS = ("participant", "date", "measure", "value")


def to_csv(rows: Sequence[TidyRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow((row.participant, row.date.isoformat(), row.measure, repr(row.value)))
    return out.getvalue()


def to_parquet(rows: Sequence[TidyRow]) -> bytes:
    table = pa.table(
        {
            "participant": pa.array([r.participant for r in rows], pa.string()),
            "date": pa.array([r.date for r in rows], pa.date32()),
            "measure": pa.array([r.measure for r in rows], pa.string()),
            "value": pa.array([r.value for r in rows], pa.float64()),
        }
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def dictionary(protocol: Protocol, measures: Sequence[Measure]) -> dict[str, Any]:
    """What every column and measure code means: label, kind, unit, range, LOINC; and each
    questionnaire's items (its total is the measure ``<code>_total``)."""
    return {
        "columns": {
            "participant": "Random study pseudonym (never the account's name, e-mail or id).",
            "date": "The participant's calendar day (in their own time zone), ISO 8601.",
            "measure": "Measure code; see measures below.",
            "value": "The day's value (the mean where one day has several).",
        },
        "measures": [
            {
                "code": m.code,
                "label": m.label,
                "kind": m.kind,
                "unit": m.kind_spec.unit,
                "minimum": m.kind_spec.minimum,
                "maximum": m.kind_spec.maximum,
                "direction": m.direction or None,
                "loinc": m.loinc or None,
            }
            for m in measures
        ],
        "questionnaires": [_questionnaire(code) for code in protocol.questionnaires],
        "free_text": "None: studies never export free text.",
    }


def _questionnaire(code: str) -> dict[str, Any]:
    instrument = instruments.get(code)
    return {
        "code": code,
        "measure": f"{code}_total",
        "name": instrument.name,
        "panel_loinc": instrument.panel_loinc,
        "total_loinc": instrument.total_loinc,
        "answers": [instrument.item_min, instrument.item_max],
        "items": [
            {
                "number": item.number,
                # Licensed wording stays out of files as it stays out of pages.
                "text": item.text if instrument.wording_included else None,
                "loinc": item.loinc,
            }
            for item in instrument.items
        ],
    }
