"""The JSON Schema of a backup, generated from the section row models.

The committed file (``vagus-export.schema.json`` beside this module) is what other programs
read; a test fails when it differs from :func:`generate`. Write it again after changing a row
model with ``python -m vagus.backup.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vagus.backup import registry

PATH = Path(__file__).with_name("vagus-export.schema.json")


def generate() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "format": {"const": registry.FORMAT},
        "format_version": {
            "type": "integer",
            "minimum": 1,
            "maximum": registry.FORMAT_VERSION,
        },
        "vagus_version": {"type": "string"},
        "exported_at": {"type": "string", "format": "date-time"},
    }
    for section in registry.sections():
        row = _plain(section.row.model_json_schema(mode="serialization"))
        properties[section.name] = row if not section.many else {"type": "array", "items": row}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vagus.example/schema/vagus-export.schema.json",
        "title": "Vagus backup (full export of one person's data)",
        "description": (
            "Written by vagus.backup.export.export_user_data; restored by "
            "vagus.backup.restore. Generated from the row models in each app's backup.py. "
            "Every section is a list of rows (account is one object). A reader must refuse "
            "a format_version newer than it knows, and sections it does not know."
        ),
        "type": "object",
        "required": ["format", "format_version", "vagus_version", "exported_at", "account"],
        "properties": properties,
        "additionalProperties": False,
    }


def _plain(schema: Any) -> Any:
    """The schema without pydantic's titles, and "X or null" written as a list of types."""
    if isinstance(schema, list):
        return [_plain(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {k: _plain(v) for k, v in schema.items() if k != "title"}
    options = schema.get("anyOf")
    if options and {"type": "null"} in options and len(options) == 2:
        other = next(o for o in options if o != {"type": "null"})
        if isinstance(other.get("type"), str):
            del schema["anyOf"]
            schema = {**other, **schema, "type": [other["type"], "null"]}
    if "default" in schema and schema["default"] is None and "null" not in schema.get("type", []):
        # An always-written field (rows.Always): None is only the reader's fallback for an
        # older backup that lacks it, not a value this Vagus writes.
        del schema["default"]
    return schema


def render() -> str:
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    django.setup()
    PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
