from __future__ import annotations

from datetime import timedelta
from typing import Any

from vagus.interop.importing import import_records
from vagus.interop.models import ImportJob
from vagus.interop.records import NOTE, OBSERVATION, MeasureRef, ParseResult, Record


def build(user: Any, secret: str) -> None:
    # One imported value of a built-in measure, one of a measure the import creates (so an
    # entry records the created measure), and one note: every kind of ImportedEntry.
    day = user.today() - timedelta(days=2)
    source = "import:csv"
    parsed = ParseResult(source)
    parsed.records = [
        Record(2, OBSERVATION, source, "world|anxiety", day, None, MeasureRef(code="anxiety"), 4),
        Record(
            3, OBSERVATION, source, "world|walk", day, None, MeasureRef(label=f"{secret} walk"), 1
        ),
        Record(4, NOTE, source, "world|note", day, label=f"{secret} title", text=f"{secret} note"),
    ]
    import_records(user, parsed)
    ImportJob.objects.create(
        owner=user,
        format="csv",
        filename=f"{secret}.csv",
        status=ImportJob.DONE,
        message=f"Added 3 ({secret})",
        counts={"created": 3},
    )
