from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema


class Me(Schema):
    id: UUID
    username: str
    time_zone: str
    today: date
    is_demo: bool


class MeasureOut(Schema):
    id: UUID
    code: str
    label: str
    kind: str
    direction: str
    custom: bool
    archived: bool


class MeasureIn(Schema):
    label: str = Field(..., min_length=1, max_length=80)
    kind: str = Field(..., description="scale, count, minutes or yesno")
    direction: str = Field("", description="better, worse or empty")


class DayOut(Schema):
    day: date
    values: dict[str, float]
    note: str = ""
    supplement_name: str = ""


class DayIn(Schema):
    values: dict[str, float | bool | None] = Field(
        default_factory=dict,
        description=(
            "Measure code → value. null clears a value; codes left out are kept. Each value "
            "must fit its measure (see GET /api/measures): a scale 0–10, hours 0–24, minutes "
            "0–1440, Bristol type 1–7, yes/no as true/false; otherwise a 400 names the code."
        ),
    )
    note: str | None = Field(None, max_length=4000)
    supplement_name: str | None = Field(None, max_length=120)


class SavedDay(DayOut):
    stored: list[str]
    cleared: list[str]


class ObservationOut(Schema):
    id: UUID
    measure: str
    day: date
    value: float
    source: str


class MealIn(Schema):
    text: str = Field(
        ...,
        min_length=1,
        max_length=2000,
        description="What you ate or drank, in your own words (no NUL characters).",
    )
    eaten_at: datetime = Field(
        ...,
        description=(
            "ISO 8601 date and time; without an offset it is read in your own time zone. "
            "Refused (400) if it is in the future where you are, or before 1900."
        ),
    )


class MealOut(Schema):
    id: UUID
    day: date
    eaten_at: datetime
    text: str
    analysis: dict | None = None


class Message(Schema):
    detail: str
    errors: dict[str, str] = Field(default_factory=dict)


# The error answers of the whole API, added to every operation's documented responses by
# vagus.api.api (routes declare only what they return on success and their own 400s).
ERROR_RESPONSES: dict[str, dict] = {
    "BadInput": {
        "title": "BadInput",
        "type": "object",
        "description": "Nothing was written. `errors` maps each field (`settings.pattern`, "
        "`eaten_at`, …) to a message in plain words.",
        "properties": {
            "detail": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": {"type": "string"}},
        },
        "required": ["detail"],
    },
    "WrongType": {
        "title": "WrongType",
        "type": "object",
        "description": "A value of the wrong type; each item's `loc` names the field.",
        "properties": {
            "detail": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "loc": {"type": "array", "items": {}},
                        "msg": {"type": "string"},
                        "type": {"type": "string"},
                    },
                },
            }
        },
        "required": ["detail"],
    },
    "NotFound": {
        "title": "NotFound",
        "type": "object",
        "description": "No such row among yours (another person's ids are not found either).",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
}


def _answer(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def error_responses_for(operation: dict) -> dict[int, dict]:
    """The error answers an OpenAPI operation can give, from the input it takes (keyed by
    status as an int, as django-ninja keys the answers it generates)."""
    parameters = operation.get("parameters", [])
    takes_input = bool(parameters) or "requestBody" in operation
    answers: dict[int, dict] = {}
    if takes_input:
        answers[400] = _answer("Bad input, naming the field", "BadInput")
        answers[422] = _answer("A value of the wrong type", "WrongType")
    # A path parameter other than a day names something of yours (or a public code).
    if any(p.get("in") == "path" and p.get("name") != "day" for p in parameters):
        answers[404] = _answer("Not found", "NotFound")
    return answers
