"""Which sections a backup has: how each is exported, and how each is restored.

An app describes a section in its ``backup.py``, its row model first (see :mod:`.rows`)::

    @section("experiments", model="experiments.Experiment", row=ExperimentRow)
    def export_experiments(user):
        return [ExperimentRow.of(e) for e in Experiment.objects.owned_by(user)]

    @restorer("experiments", order=80)
    def restore_experiments(user, rows, ctx):
        ...  # create the rows for ``user``; return how many

``order`` runs sections that others refer to first (measures before observations, responses
before safety alerts). ``ctx`` carries what earlier sections created, so references by
exported id (a UUID) can be followed to the new rows. A backup holding rows of a section with
no restorer is refused whole, so nothing is ever restored halfway.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

FORMAT = "vagus-export"
FORMAT_VERSION = 1

# The modules that describe backup sections, one per app that holds a person's data.
SECTION_MODULES = (
    "vagus.accounts.backup",
    "vagus.diary.backup",
    "vagus.questionnaires.backup",
    "vagus.interop.backup",
    "vagus.experiments.backup",
    "vagus.microbiome.backup",
    "vagus.tools.backup",
    "vagus.audit.backup",
    "vagus.sharing.backup",
    "vagus.reminders.backup",
    "vagus.push.backup",
    "vagus.offline.backup",
    "vagus.studies.backup",
)

ExportFn = Callable[[Any], Any]
RestoreFn = Callable[[Any, Any, "RestoreContext"], int]


@dataclass(frozen=True)
class Section:
    name: str
    fn: ExportFn
    row: type[BaseModel]
    model: str | None  # "app.Model" whose rows it lists; None for the account itself
    many: bool  # a list of rows, or one object


@dataclass(frozen=True)
class Restorer:
    section: str
    order: int
    fn: RestoreFn
    # Sections that count when deciding whether an account already holds data.
    holds_data: bool = True


@dataclass
class RestoreContext:
    """What the sections restored so far created, by the id each row had in the backup."""

    created: dict[str, dict[str, Any]] = field(default_factory=dict)  # section → old id → row
    extra: dict[str, Any] = field(default_factory=dict)

    def remember(self, section: str, old_id: str | None, row: Any) -> None:
        if old_id and isinstance(old_id, str):
            self.created.setdefault(section, {})[old_id] = row

    def create_all(self, section: str, rows: Sequence[Any], objects: list[Any]) -> int:
        """Save ``objects`` (one per backup row, in order) and remember each by its row's id."""
        if not objects:
            return 0
        saved = type(objects[0]).objects.bulk_create(objects)
        for row, obj in zip(rows, saved, strict=True):
            self.remember(section, row.id, obj)
        return len(saved)

    def find(self, section: str, old_id: str | None) -> Any:
        if not isinstance(old_id, str):
            return None
        return self.created.get(section, {}).get(old_id)


SECTIONS: dict[str, Section] = {}
RESTORERS: dict[str, Restorer] = {}
# Sections deliberately not restored, with the reason shown to the person ("": none shown).
NOT_RESTORED: dict[str, str] = {}
# Tables that name an owner but are deliberately not in a backup, with the reason: device
# registrations and operational bookkeeping (push subscriptions, the offline sync's seen keys),
# not health data. They are owner-scoped and deleted with the account (CASCADE).
NOT_BACKED_UP: dict[str, str] = {}


def section(
    name: str, *, row: type[BaseModel], model: str | None = None, many: bool = True
) -> Callable[[ExportFn], ExportFn]:
    """Register an export function returning ``row`` instances (one instance if not ``many``)."""

    def register(fn: ExportFn) -> ExportFn:
        SECTIONS[name] = Section(name, fn, row, model, many)
        return fn

    return register


def restorer(
    section: str, *, order: int = 100, holds_data: bool = True
) -> Callable[[RestoreFn], RestoreFn]:
    def register(fn: RestoreFn) -> RestoreFn:
        RESTORERS[section] = Restorer(section, order, fn, holds_data)
        return fn

    return register


def not_restored(section: str, reason: str) -> None:
    NOT_RESTORED[section] = reason


def not_backed_up(model: str, reason: str) -> None:
    """Declare that ``model`` ("app.Model") is left out of backups on purpose, and why."""
    NOT_BACKED_UP[model] = reason


def load() -> None:
    """Import every module that describes sections (once; later calls cost nothing)."""
    for module in SECTION_MODULES:
        importlib.import_module(module)


def sections() -> list[Section]:
    load()
    return sorted(SECTIONS.values(), key=lambda s: s.name)


def restorers() -> list[Restorer]:
    """Every registered restorer, in the order they run."""
    load()
    return sorted(RESTORERS.values(), key=lambda r: (r.order, r.section))


def sections_by_model() -> dict[str, str]:
    """Which export section carries the rows of each model ("app.Model" → section name)."""
    return {s.model: s.name for s in sections() if s.model is not None}


def dump(section: Section, rows: Any) -> Any:
    """A section's rows as JSON values."""
    if not section.many:
        return rows.model_dump(mode="json")
    return [row.model_dump(mode="json") for row in rows]
