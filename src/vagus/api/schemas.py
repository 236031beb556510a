"""Shapes every app's API shares: the error message, the error answers every route can give
(added to the OpenAPI schema by vagus.api.api), and API shapes made from backup rows."""

from __future__ import annotations

import types
from datetime import date, datetime, time
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints
from uuid import UUID

from ninja import Field, Schema
from ninja.schema import ResolverMetaclass

from vagus.backup.rows import Clock, Day, Id, Moment, Row, always_written

# The backup's strict value types (what a restore accepts) and what the API shows for each.
_API_TYPES: list[tuple[Any, type]] = [(Id, UUID), (Moment, datetime), (Day, date), (Clock, time)]


def _api_type(annotation: Any) -> Any:
    if get_origin(annotation) is Annotated:
        for strict, shown in _API_TYPES:
            if annotation == strict:
                return shown
        inner = get_args(annotation)[0]
        if always_written(annotation):  # written on every export: never null in the API
            return _api_type(next(a for a in get_args(inner) if a is not type(None)))
        return _api_type(inner)  # Text, Whole, Number, Flag: str, int, float, bool
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        return Union[tuple(_api_type(a) for a in args)]  # noqa: UP007 (built at run time)
    if origin in (list, dict):
        return origin[tuple(_api_type(a) for a in args)]
    return annotation


class _FromRow(ResolverMetaclass):
    """Gives a ``RowSchema`` subclass its backup row's fields, before pydantic reads them."""

    def __new__(
        mcs,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        row: type[Row] | None = None,
        without: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> type:
        if row is not None:
            hints = get_type_hints(row, include_extras=True)
            own = namespace.get("__annotations__", {})
            taken = {
                field: _api_type(hints[field])
                for field in row.model_fields
                if field not in without and field not in own
            }
            # Fields the class declares itself replace the row's in place or come after.
            namespace["__annotations__"] = {**taken, **own}
        return super().__new__(mcs, name, bases, namespace, **kwargs)


class RowSchema(Schema, metaclass=_FromRow):
    """An API output with the fields of a backup row, so the shape is written once, in the row.

    ``class WorryOut(RowSchema, row=WorryRow, without=(…)):`` takes the row's fields in its
    order, each required (the API always writes it) and in the API's usual form (a UUID, a
    datetime… rather than the backup's strict strings), without the backup's descriptions.
    ``without`` leaves out what the API does not show; fields declared in the class body are
    added, or replace a row field in place.
    """

    def __init_subclass__(
        cls, row: type[Row] | None = None, without: tuple[str, ...] = (), **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)


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
