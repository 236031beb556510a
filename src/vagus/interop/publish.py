"""Publishing a checked import: everything the staging file holds, in one short transaction.

Everything slow (reading, checking, telling new from changed, making UUIDs) is done before,
in the staging file, without the main database's writer lock. On SQLite the publish attaches
the staging file and copies rows with ``INSERT … SELECT`` inside the database engine: for
500,000 rows this takes a few seconds where building Django objects took minutes, and other
people's check-ins wait only that long. New observations get their ids from a base read inside
the transaction (SQLite lets one writer in at a time, so nothing else can take them). Other
databases (PostgreSQL, whose writers do not block each other) take the same rows in batches
through the ORM, still in one transaction.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from vagus import audit
from vagus.diary.models import Measure, Observation
from vagus.interop.models import ImportedEntry
from vagus.interop.staging import Staging, from_utc_text, utc_text

if TYPE_CHECKING:
    from vagus.accounts.models import User

if TYPE_CHECKING:
    from vagus.interop.importing import _Resolved

BATCH = 2000
ALIAS = "vagus_staging"
MAP = "vagus_measure_map"
PUBLISH_CACHE_KB = 64 * 1024


def publish(
    user: User, source: str, staging: Staging, resolved: _Resolved, *, audit_detail: dict[str, Any]
) -> float:
    """Write what ``staging`` holds; returns how long the transaction took, in seconds.

    The audit row ``import.publish`` (with ``audit_detail``) is written in the same transaction.
    """
    began = time.perf_counter()
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        _publish_sqlite(user, source, staging, resolved, audit_detail)
    else:  # PostgreSQL, or SQLite inside an outer transaction (where ATTACH is not allowed)
        _publish_orm(user, source, staging, resolved, audit_detail)
    return round(time.perf_counter() - began, 3)


def _create_measures(user: User, source: str, resolved: _Resolved) -> dict[int, int]:
    """Create the measures the import brings; returns staged ref id → measure id."""
    created: dict[str, Measure] = {}
    measure_of: dict[int, int] = {}
    for ref_id, measure in resolved.by_ref.items():
        if measure is None:
            code, label, ref = resolved.to_create[ref_id]
            measure = created.get(code)
            if measure is None:
                measure = created[code] = Measure.objects.create(
                    owner=user,
                    code=code,
                    label=label[:80],
                    kind=resolved.kind_of[ref_id],
                    direction=ref.direction,
                    loinc=ref.loinc,
                    on_checkin=ref.on_checkin,
                    position=500,
                )
                ImportedEntry.objects.create(
                    owner=user,
                    source=source,
                    key=f"measure:{code}",
                    kind=ImportedEntry.MEASURE,
                    label=label[:120],
                    measure=measure,
                )
        measure_of[ref_id] = measure.pk
    return measure_of


def _publish_sqlite(
    user: User, source: str, staging: Staging, resolved: _Resolved, audit_detail: dict[str, Any]
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA main.cache_size")
        cache_size = int(cursor.fetchone()[0])
        # Index pages of a big insert fit in memory (the default cache is 2 MB): several
        # times faster, so the writer lock is held that much shorter.
        cursor.execute(f"PRAGMA main.cache_size = -{PUBLISH_CACHE_KB}")
        cursor.execute(f"ATTACH DATABASE %s AS {ALIAS}", [str(staging.path)])
    try:
        with transaction.atomic():
            audit.record("import.publish", user, detail=audit_detail)
            measure_of = _create_measures(user, source, resolved)
            now = utc_text(timezone.now())
            with connection.cursor() as cursor:
                # BEGIN IMMEDIATE locks the attached staging file too: the ref → measure map
                # goes into a temporary table of this connection instead.
                cursor.execute(f"DROP TABLE IF EXISTS temp.{MAP}")
                cursor.execute(f"CREATE TEMP TABLE {MAP} (ref INTEGER PRIMARY KEY, measure_id)")
                cursor.executemany(
                    f"INSERT INTO temp.{MAP} VALUES (%s, %s)", list(measure_of.items())
                )
                cursor.execute(
                    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence"
                    " WHERE name = 'diary_observation'), 0),"
                    " coalesce((SELECT max(id) FROM diary_observation), 0))"
                )
                base = cursor.fetchone()[0]
                cursor.execute(
                    f"""INSERT INTO diary_observation
                          (id, uuid, owner_id, measure_id, day, time, value, source, created,
                           updated)
                        SELECT %s + r.rank, r.obs_uuid, %s, f.measure_id, r.day, r.time,
                               r.value, %s, %s, %s
                        FROM {ALIAS}.record r JOIN temp.{MAP} f ON f.ref = r.ref
                        WHERE r.state = 'new' AND r.kind = 'observation' ORDER BY r.rank""",
                    [base, user.pk, source, now, now],
                )
                cursor.execute(
                    f"""INSERT INTO interop_importedentry
                          (uuid, owner_id, source, key, kind, day, time, label, text,
                           observation_id, measure_id, created)
                        SELECT r.entry_uuid, %s, %s, r.key, r.kind, r.day, r.time,
                               substr(r.label, 1, 120), r.text,
                               CASE WHEN r.kind = 'observation' THEN %s + r.rank END, NULL, %s
                        FROM {ALIAS}.record r WHERE r.state = 'new' ORDER BY r.seq""",
                    [user.pk, source, base, now],
                )
                cursor.execute(
                    f"""UPDATE diary_observation
                        SET value = c.value, day = c.day, time = c.time, updated = %s
                        FROM (SELECT e.observation_id AS oid, r.value, r.day, r.time
                              FROM {ALIAS}.record r JOIN {ALIAS}.existing e ON e.key = r.key
                              WHERE r.state = 'changed' AND r.kind = 'observation'
                                AND e.observation_id IS NOT NULL) AS c
                        WHERE diary_observation.id = c.oid AND diary_observation.owner_id = %s""",
                    [now, user.pk],
                )
                cursor.execute(
                    f"""UPDATE interop_importedentry
                        SET text = c.text, label = c.label, day = c.day, time = c.time
                        FROM (SELECT e.entry_id AS eid, r.text, substr(r.label, 1, 120) AS label,
                                     r.day, r.time
                              FROM {ALIAS}.record r JOIN {ALIAS}.existing e ON e.key = r.key
                              WHERE r.state = 'changed'
                                AND (r.kind != 'observation' OR e.observation_id IS NULL)) AS c
                        WHERE interop_importedentry.id = c.eid
                          AND interop_importedentry.owner_id = %s""",
                    [user.pk],
                )
                cursor.execute(f"DROP TABLE temp.{MAP}")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DETACH DATABASE {ALIAS}")
            cursor.execute(f"PRAGMA main.cache_size = {cache_size}")


NEW_ROWS = """SELECT r.kind, r.key, r.day, r.time, r.ref, r.value, r.label, r.text,
                     r.obs_uuid, r.entry_uuid
              FROM record r WHERE r.state = 'new' ORDER BY r.seq"""
CHANGED_ROWS = """SELECT r.kind, e.entry_id, e.observation_id, r.day, r.time, r.value, r.label,
                         r.text
                  FROM record r JOIN existing e ON e.key = r.key WHERE r.state = 'changed'"""


def _publish_orm(
    user: User, source: str, staging: Staging, resolved: _Resolved, audit_detail: dict[str, Any]
) -> None:
    with transaction.atomic():
        audit.record("import.publish", user, detail=audit_detail)
        measure_of = _create_measures(user, source, resolved)
        batch: list[tuple[Any, ...]] = []
        for row in staging.query(NEW_ROWS):
            batch.append(row)
            if len(batch) >= BATCH:
                _insert(user, source, batch, measure_of)
                batch = []
        _insert(user, source, batch, measure_of)
        now = timezone.now()
        observations, entries = [], []
        for kind, entry_id, obs_id, day, time, value, label, text in staging.query(CHANGED_ROWS):
            moment, on = from_utc_text(time), date.fromisoformat(day)
            if kind == ImportedEntry.OBSERVATION and obs_id is not None:
                observations.append(
                    Observation(id=obs_id, value=value, day=on, time=moment, updated=now)
                )
            else:
                entries.append(
                    ImportedEntry(id=entry_id, text=text, label=label[:120], day=on, time=moment)
                )
        owned = Observation.objects.owned_by(user)
        owned.bulk_update(observations, ["value", "day", "time", "updated"], batch_size=BATCH)
        ImportedEntry.objects.owned_by(user).bulk_update(
            entries, ["text", "label", "day", "time"], batch_size=BATCH
        )


def _insert(
    user: User, source: str, rows: list[tuple[Any, ...]], measure_of: dict[int, int]
) -> None:
    observations = Observation.objects.bulk_create(
        [
            Observation(
                uuid=UUID(obs_uuid),
                owner=user,
                measure_id=measure_of[ref_id],
                day=date.fromisoformat(day),
                time=from_utc_text(time),
                value=value,
                source=source,
            )
            for kind, _, day, time, ref_id, value, _, _, obs_uuid, _ in rows
            if kind == ImportedEntry.OBSERVATION
        ]
    )
    linked = iter(observations)
    ImportedEntry.objects.bulk_create(
        [
            ImportedEntry(
                uuid=UUID(entry_uuid),
                owner=user,
                source=source,
                key=key,
                kind=kind,
                day=date.fromisoformat(day),
                time=from_utc_text(time),
                label=label[:120],
                text=text,
                observation=next(linked) if kind == ImportedEntry.OBSERVATION else None,
            )
            for kind, key, day, time, _, _, label, text, _, entry_uuid in rows
        ]
    )
