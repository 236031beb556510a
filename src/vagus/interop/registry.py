"""Restoring a Vagus backup, one section at a time: each export section can have an importer.

An app that adds an export section (``@section("experiments", model=...)``) adds its restore
function beside it::

    from vagus.interop.registry import importer

    @importer("experiments", order=60)
    def _restore_experiments(user, rows, ctx):
        ...  # create the rows for ``user``; return how many

``order`` runs sections that others refer to first (measures before observations, responses
before safety alerts). ``ctx`` carries what earlier sections created, so references by
exported id (a UUID) can be followed to the new rows. A backup holding rows of a section with
no importer is refused whole, so nothing is ever restored halfway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RestoreFn = Callable[[Any, Any, "RestoreContext"], int]


@dataclass
class RestoreContext:
    """What the sections restored so far created, by the id each row had in the backup."""

    created: dict[str, dict[str, Any]] = field(default_factory=dict)  # section → old id → row
    extra: dict[str, Any] = field(default_factory=dict)

    def remember(self, section: str, old_id: str | None, row: Any) -> None:
        if old_id and isinstance(old_id, str):
            self.created.setdefault(section, {})[old_id] = row

    def find(self, section: str, old_id: str | None) -> Any:
        if not isinstance(old_id, str):
            return None
        return self.created.get(section, {}).get(old_id)


@dataclass(frozen=True)
class Importer:
    section: str
    order: int
    fn: RestoreFn
    # Sections that count when deciding whether an account already holds data.
    holds_data: bool = True


_IMPORTERS: dict[str, Importer] = {}
# Sections deliberately not restored, with the reason shown to the person.
NOT_RESTORED: dict[str, str] = {}


def importer(
    section: str, *, order: int = 100, holds_data: bool = True
) -> Callable[[RestoreFn], RestoreFn]:
    def register(fn: RestoreFn) -> RestoreFn:
        _IMPORTERS[section] = Importer(section, order, fn, holds_data)
        return fn

    return register


def not_restored(section: str, reason: str) -> None:
    NOT_RESTORED[section] = reason


def importers() -> list[Importer]:
    """Every registered importer, in the order they run."""
    _load()
    return sorted(_IMPORTERS.values(), key=lambda i: (i.order, i.section))


def _load() -> None:
    # The importers of the sections that exist today live in vagus.interop.sections; apps
    # may register more from their own modules, imported by their AppConfig.ready().
    from vagus.interop import sections  # noqa: F401
