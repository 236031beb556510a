"""Shapes every app's API shares: the error message, and the error answers every route
can give (added to the OpenAPI schema by vagus.api.api)."""

from __future__ import annotations

from ninja import Field, Schema


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
