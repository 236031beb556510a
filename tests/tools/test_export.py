"""The owner's export carries every tools row, with the free text decrypted."""

from __future__ import annotations

import pytest
from tests.helpers.world import tools as tools_world

from vagus.backup.export import export_user_data
from vagus.backup.registry import sections_by_model

pytestmark = pytest.mark.django_db


def test_export_has_every_tools_model_with_decrypted_text(person, other_person):
    tools_world.build(person, "SECRET-9")
    tools_world.build(other_person, "OTHER-7")
    document = export_user_data(person)
    for model in ("ToolSession", "ToolPreferences", "Worry", "ThoughtRecord", "JournalEntry"):
        assert document[sections_by_model()[f"tools.{model}"]], model
    assert document["worries"][0]["text"] == "worry SECRET-9"
    assert document["thought_records"][0]["balanced_thought"] == "balanced SECRET-9"
    assert document["journal_entries"][0]["text"] == "journal SECRET-9"
    assert document["tool_preferences"] == [
        {"id": document["tool_preferences"][0]["id"], "worry_time": "18:30"}
    ]
    assert "OTHER-7" not in str(document)
    assert "v1." not in str(document["thought_records"])  # no ciphertext in the export
