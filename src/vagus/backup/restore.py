"""Restoring a whole Vagus backup (the JSON export) into an account: every section or none.

A backup is restored into an account that holds no data yet (a new account, or one whose
data was deleted). Restoring the same backup twice therefore changes nothing the second time:
the account is no longer empty and the restore is refused, with nothing written.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from vagus.audit import record
from vagus.backup import registry
from vagus.backup.registry import FORMAT, FORMAT_VERSION, sections_by_model
from vagus.backup.rows import RowProblem
from vagus.safety.restored_alerts import raise_missing_alerts
from vagus.text import unsafe_texts

if TYPE_CHECKING:
    from vagus.accounts.models import User

log = logging.getLogger(__name__)
META = {"format", "format_version", "vagus_version", "exported_at"}


class RestoreRefused(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("Nothing was restored: " + "; ".join(problems))


class _DryRun(Exception):
    pass


@dataclass
class RestoreReport:
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "Would restore" if self.dry_run else "Restored"
        parts = [f"{n} {name.replace('_', ' ')}" for name, n in self.counts.items() if n]
        return f"{verb} {', '.join(parts) or 'nothing'}."


def load(data: bytes | str) -> dict[str, Any]:
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        raise RestoreRefused(["the file is not UTF-8 text"]) from None
    except json.JSONDecodeError as exc:
        raise RestoreRefused([f"line {exc.lineno}: this is not valid JSON ({exc.msg})"]) from None
    if not isinstance(document, dict):
        raise RestoreRefused(["this is not a Vagus backup (expected a JSON object)"])
    # Every string (key or value) that no database can store: NUL, lone UTF-16 surrogates.
    problems = [str(error) for error in unsafe_texts(document, "")]
    if problems:
        raise RestoreRefused(problems[:20])
    return document


def check(document: dict[str, Any]) -> list[str]:
    """Problems that stop the whole backup from being restored (empty when it can be)."""
    problems = []
    if document.get("format") != FORMAT:
        return [f"this is not a Vagus backup (format is {document.get('format')!r})"]
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return ["format_version is missing"]
    if version > FORMAT_VERSION:
        return [
            f"this backup is format version {version}, newer than this Vagus understands "
            f"({FORMAT_VERSION}); update Vagus first"
        ]
    known = {i.section for i in registry.restorers()} | set(registry.NOT_RESTORED)
    for name in sorted(set(document) - META):
        if name not in known:
            rows = document[name]
            if name in set(sections_by_model().values()) | {"account"}:
                if rows:
                    problems.append(f"section “{name}” cannot be restored yet by this Vagus")
            else:
                problems.append(f"section “{name}” is unknown")
    return problems


def holds_data(user: User) -> list[str]:
    """Sections in which this account already has rows."""
    from django.apps import apps

    found = []
    by_section = {section: label for label, section in sections_by_model().items()}
    for restorer in registry.restorers():
        label = by_section.get(restorer.section)
        if restorer.holds_data and label:
            model = apps.get_model(label)
            if model.objects.filter(owner=user).exists():
                found.append(restorer.section)
    return found


def restore(user: User, document: dict[str, Any], *, dry_run: bool = False) -> RestoreReport:
    """Restore ``document`` into ``user``'s empty account, in one transaction.

    A dry run does the whole restore and rolls it back, so it checks exactly what a real
    restore would. Raises :class:`RestoreRefused` with nothing written otherwise.
    """
    problems = check(document)
    if problems:
        raise RestoreRefused(problems)
    report = RestoreReport(dry_run)
    for name, reason in registry.NOT_RESTORED.items():
        if document.get(name) and reason:
            report.notes.append(reason)
    try:
        with transaction.atomic():
            existing = holds_data(user)
            if existing:
                raise RestoreRefused(
                    [
                        "this account already holds data ("
                        + ", ".join(s.replace("_", " ") for s in existing)
                        + "); a backup is restored into a new, empty account"
                    ]
                )
            ctx = registry.RestoreContext()
            for restorer in registry.restorers():
                if restorer.section in document:
                    report.counts[restorer.section] = _restore_section(
                        restorer, user, document, ctx
                    )
            if raise_missing_alerts(user):
                report.notes.append(
                    "Safety alerts were added for answers or writing in the backup that "
                    "called for one and had none."
                )
            if dry_run:
                raise _DryRun()
            record("backup.restore", user, detail={"counts": report.counts})
    except _DryRun:
        user.refresh_from_db()
    except RowProblem as exc:
        raise RestoreRefused([str(exc)]) from None
    except IntegrityError as exc:
        raise RestoreRefused([f"the backup holds the same thing twice ({exc})"]) from None
    except DataError:
        raise RestoreRefused(["the backup holds a value too large to store"]) from None
    return report


def _restore_section(
    restorer: registry.Restorer, user: User, document: dict[str, Any], ctx: registry.RestoreContext
) -> int:
    """One section; a value its restore function could not read refuses the whole backup."""
    try:
        return restorer.fn(user, document[restorer.section], ctx)
    except (RowProblem, RestoreRefused):
        raise
    except (TypeError, ValueError, KeyError, AttributeError, ValidationError) as exc:
        log.warning("restore: section %s failed (%s)", restorer.section, type(exc).__name__)
        name = restorer.section
        raise RestoreRefused(
            [f"section “{name}” holds a value that cannot be read; nothing was restored"]
        ) from None
