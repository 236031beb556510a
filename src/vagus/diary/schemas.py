"""The diary API's request and response shapes."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from vagus.api.schemas import RowSchema
from vagus.diary.backup import MealRow, ObservationRow


class Me(Schema):
    id: UUID
    username: str
    time_zone: str
    today: date
    is_demo: bool


# Not the backup's MeasureRow: the API says whether a measure is custom, and leaves the
# check-in order and LOINC code to the measure pages.
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


class DayEntryOut(Schema):
    measure: str
    value: float
    source: str = Field(..., description="checkin, tool, meal, questionnaire, import:daylio, …")
    origin: str = Field(..., description="The source in words: “from your breathing session”")


class DayOut(Schema):
    day: date
    values: dict[str, float] = Field(
        ..., description="The day's check-in answers: what PUT changes."
    )
    note: str = ""
    supplement_name: str = ""
    entries: list[DayEntryOut] = Field(
        default_factory=list,
        description="Every value of the day, check-in included, each with where it came from "
        "(coping tools, imports, meals, questionnaires). PUT never changes the others.",
    )


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


# Shown as the backup writes it, less the time only a restore needs.
class ObservationOut(RowSchema, row=ObservationRow, without=("time",)):
    pass


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


class MealOut(RowSchema, row=MealRow, without=("source",)):
    analysis: dict | None = None  # always an object here; a backup may carry anything
