"""API outputs made from backup rows follow the row: a field added there shows in the API."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from vagus.api.schemas import RowSchema
from vagus.backup.rows import Always, Id, Moment, Row, Text, Whole


class ExampleRow(Row):
    id: Always[Id] = None
    name: Text
    count: Whole | None
    written: Moment
    private: Text = ""


class ExampleOut(RowSchema, row=ExampleRow, without=("private",)):
    extra: str = "shown"


def test_the_fields_are_the_rows_in_its_order_then_the_own_ones():
    assert list(ExampleOut.model_fields) == ["id", "name", "count", "written", "extra"]


def test_the_api_types_are_the_usual_ones_and_always_written_fields_are_required():
    schema = ExampleOut.model_json_schema()
    assert schema["properties"]["id"] == {"format": "uuid", "title": "Id", "type": "string"}
    assert schema["properties"]["written"]["format"] == "date-time"
    assert {"type": "null"} in schema["properties"]["count"]["anyOf"]
    assert set(schema["required"]) == {"id", "name", "count", "written"}
    assert "description" not in schema["properties"]["name"]


def test_values_read_like_any_api_output():
    key = uuid4()
    out = ExampleOut.model_validate(
        {"id": key, "name": "x", "count": None, "written": datetime(2026, 1, 2, tzinfo=UTC)}
    )
    assert out.id == key and isinstance(out.id, UUID) and out.extra == "shown"
