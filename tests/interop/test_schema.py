"""The backup format is described by a JSON Schema in the repo, and real exports follow it.

``jsonschema`` is not installed, so a small checker covers the parts of the schema we use
(type, const, enum, required, properties, additionalProperties: false, items, pattern, and
the date/date-time/uuid formats).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime

import pytest
from tests.helpers.world import build_world

from vagus.backup import schema as backup_schema
from vagus.backup.export import export_user_data
from vagus.interop.service import run_import

pytestmark = pytest.mark.django_db
SCHEMA = backup_schema.PATH
TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
    "integer": int,
    "number": (int, float),
}
FORMATS = {"date": date.fromisoformat, "date-time": datetime.fromisoformat, "uuid": uuid.UUID}


def problems(value, schema, path="$"):
    found = []
    types = schema.get("type")
    if types:
        types = [types] if isinstance(types, str) else types
        ok = any(
            isinstance(value, TYPES[t])
            and not (isinstance(value, bool) and t in {"integer", "number"})
            for t in types
        )
        if not ok:
            return [f"{path}: {value!r} is not {types}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{path}: must be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if "format" in schema:
            try:
                FORMATS[schema["format"]](value)
            except ValueError:
                found.append(f"{path}: {value!r} is not a {schema['format']}")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{path}: {name} is required")
        props = schema.get("properties", {})
        for name, item in value.items():
            if name in props:
                found += problems(item, props[name], f"{path}.{name}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{path}: {name} is not in the schema")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += problems(item, schema["items"], f"{path}[{i}]")
    return found


@pytest.fixture
def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_the_checker_can_fail(schema):
    assert problems({"format": "vagus-export"}, schema)
    assert problems({"observations": [{"id": "x"}]}, schema)


def test_a_full_export_follows_the_schema(schema, person, samples):
    build_world(person, "SECRET")
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    document = json.loads(json.dumps(export_user_data(person)))
    assert problems(document, schema) == []


def test_format_version_in_the_schema_is_the_one_we_write(schema):
    from vagus.backup.registry import FORMAT_VERSION

    assert schema["properties"]["format_version"]["maximum"] == FORMAT_VERSION


def test_the_schema_knows_every_measure_kind():
    from vagus.diary.kinds import KINDS

    document = json.loads(SCHEMA.read_text())
    kind = document["properties"]["measures"]["items"]["properties"]["kind"]
    assert set(kind["enum"]) == set(KINDS)


def test_the_committed_schema_is_the_generated_one():
    """Change a row model, then write the schema again: python -m vagus.backup.schema."""
    assert SCHEMA.read_text(encoding="utf-8") == backup_schema.render()


def test_ids_the_export_always_writes_are_required_and_never_null(schema):
    checked = 0
    for name, section in schema["properties"].items():
        row = section.get("items", section)
        if "id" in row.get("properties", {}):
            checked += 1
            assert row["properties"]["id"]["type"] == "string", name
            assert "default" not in row["properties"]["id"], name
            assert "id" in row["required"], name
    assert checked >= 15


def test_an_older_backup_without_ids_still_restores(person):
    from tests.helpers.db import make_person

    from vagus.backup.restore import restore
    from vagus.diary.models import Meal

    build_world(person, "SECRET")
    document = json.loads(json.dumps(export_user_data(person)))
    for name in ("meals", "worries", "measures", "tool_sessions", "journal_entries"):
        assert document[name], name
        for row in document[name]:
            del row["id"]
    target = make_person("restored", "UTC")
    restore(target, document)
    assert Meal.objects.filter(owner=target).count() == Meal.objects.filter(owner=person).count()
