"""Where a value of the day came from, in words: "from your breathing session"."""

from __future__ import annotations

CHECKIN = "checkin"
IMPORTED_FROM = {
    "daylio": "Daylio",
    "bearable": "Bearable",
    "apple-health": "Apple Health",
    "csv": "a CSV file",
    "json": "a Vagus backup",
}


def describe(source: str, tool: str | None = None) -> str:
    """``tool`` is the coping tool's code when the value came from one of its sessions."""
    if source == CHECKIN:
        return "from your check-in"
    if source == "tool":
        return f"from your {tool.replace('_', ' ')} session" if tool else "from a coping tool"
    if source == "meal":
        return "from your meals"
    if source == "questionnaire":
        return "from a questionnaire"
    if source.startswith("import:"):
        name = source.removeprefix("import:")
        return f"imported from {IMPORTED_FROM.get(name, name)}"
    return f"from {source}"
