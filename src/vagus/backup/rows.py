"""The shape of a backup row, written once as a pydantic model, and the errors it gives.

A row model is what the export writes (``model_dump(mode="json")``), what the restore reads
(:func:`parse_rows`, whose error locations become ``section[i].field`` messages) and what the
JSON Schema is generated from. The value types here keep the backup's JSON strict: a JSON
``true`` is never a number, a date is an ISO string, a moment carries its time zone offset.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from vagus.text import without_lone_surrogates

__all__ = [
    "Always",
    "Clock",
    "Day",
    "Flag",
    "Id",
    "Moment",
    "Number",
    "Row",
    "RowProblem",
    "Text",
    "Whole",
    "always_written",
    "parse_row",
    "parse_rows",
    "problem",
]


class RowProblem(ValueError):
    """A row of a backup that cannot be restored; the message names section, row and field."""


def problem(section: str, index: int, name: str, message: str) -> RowProblem:
    """The refusal for one field of one row: ``section[index].name: message``."""
    return RowProblem(f"{section}[{index}].{name}: {message}")


class Row(BaseModel):
    """One row of a backup section.

    Fields a newer export added carry a default, so older backups still restore; fields a
    reader does not know are ignored (a backup may come from a newer Vagus of the same
    format version), though the schema says what this Vagus writes.
    """

    model_config = ConfigDict(
        extra="ignore",
        json_schema_serialization_defaults_required=True,
        json_schema_extra={"additionalProperties": True},
    )

    @model_validator(mode="before")
    @classmethod
    def _writable_text(cls, data: Any) -> Any:
        """A lone UTF-16 surrogate stored before it was refused becomes U+FFFD, so the row
        can be written as UTF-8 (pydantic itself garbles or refuses one in a key of a JSON
        field, such as a tool session's settings). A restore never meets one here: it
        refuses such text in the whole file first (``vagus.backup.restore.load``)."""
        return without_lone_surrogates(data)


def _wrong_type(value: Any) -> PydanticCustomError:
    return PydanticCustomError("wrong_type", "wrong type ({kind})", {"kind": type(value).__name__})


def _unreadable(value: Any) -> PydanticCustomError:
    return PydanticCustomError("unreadable", "“{text}” cannot be read", {"text": value})


def _iso(kind: type, parse: Callable[[str], Any]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        if isinstance(value, kind) and (kind is datetime or not isinstance(value, datetime)):
            return value
        if not isinstance(value, str):
            raise _wrong_type(value)
        try:
            return parse(value)
        except ValueError:
            raise _unreadable(value) from None

    return validate


def _aware(value: Any) -> datetime:
    moment: datetime = _iso(datetime, datetime.fromisoformat)(value)
    if moment.tzinfo is None:
        raise PydanticCustomError("naive", "needs a time zone offset")
    return moment


def _number(value: Any) -> float:
    # JSON true/false are Python bools, which are ints too: never accept them as numbers.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(value)
    return value


def _clock(value: Any) -> time:
    moment: time = _iso(time, time.fromisoformat)(value)
    return moment.replace(second=0, microsecond=0)


Text = StrictStr
Whole = StrictInt
Flag = StrictBool
Number = Annotated[float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Id = Annotated[StrictStr, WithJsonSchema({"type": "string", "format": "uuid"})]
Day = Annotated[
    date,
    PlainValidator(_iso(date, date.fromisoformat)),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Moment = Annotated[
    datetime,
    PlainValidator(_aware),
    PlainSerializer(lambda m: m.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
Clock = Annotated[
    time,
    PlainValidator(_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}),
]

T = TypeVar("T")


class _AlwaysWritten:
    """The schema of a field the export always writes but older backups may lack.

    Such a field reads as None when missing (``= None``), so an older backup still restores,
    but the schema, which says what this Vagus writes, shows it required and never null.
    """

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if handler.mode == "serialization":
            written = [o for o in schema.get("anyOf", []) if o != {"type": "null"}]
            if len(written) == 1:
                return {
                    k: v
                    for k, v in {**schema, **written[0]}.items()
                    if k not in {"anyOf", "default"}
                }
        return schema


# ``id: Always[Id] = None``: written on every export; None only when an older backup lacks it.
Always = Annotated[T | None, _AlwaysWritten()]


def always_written(annotation: Any) -> bool:
    """Whether a field's annotation (with its extras) is ``Always[…]``."""
    return any(isinstance(m, _AlwaysWritten) for m in getattr(annotation, "__metadata__", ()))


R = TypeVar("R", bound=BaseModel)


def _where(location: tuple[int | str, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)


def parse_row(where: str, row: Any, model: type[R]) -> R:
    """``row`` read as ``model``; a :class:`RowProblem` naming ``where`` and the field if not."""
    if not isinstance(row, dict):
        raise RowProblem(f"{where}: expected an object")
    try:
        return model.model_validate(row)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        if error["type"] == "missing":
            message = "missing"
        elif error["type"].endswith("_type"):
            message = f"wrong type ({type(error['input']).__name__})"
        else:
            message = error["msg"]
        raise RowProblem(f"{where}{_where(error['loc'])}: {message}") from None


def parse_rows(section: str, rows: Any, model: type[R]) -> list[R]:
    """Every row of a section read as ``model``, or the first problem as a refusal."""
    if not isinstance(rows, list):
        raise RowProblem(f"{section}: expected a list")
    return [parse_row(f"{section}[{i}]", row, model) for i, row in enumerate(rows)]
