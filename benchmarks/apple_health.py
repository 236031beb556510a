"""Apple Health import: time, records per second and peak memory, against healthkit-to-sqlite.

Generates a synthetic ``export.zip`` in Apple's real schema (DTD preamble, ``Me``, ``Record``
with ``MetadataEntry`` children, HRV records with nested beat lists, ``Workout``,
``ActivitySummary``), with phone and watch recording the same steps, sleep stages from both,
and heart-rate records making up most of the file as in real exports. Then, each in its own
child process so peak memory (``ru_maxrss`` from ``wait4``) is that tool's alone:

- ``vagus import apple-health`` (parse, de-duplicate, write to a fresh SQLite database);
- ``healthkit-to-sqlite`` (from PyPI, the ``bench`` extra) on the same zip.

The file also holds a resting heart rate a day, breathing rate during sleep and a State of
Mind entry a day. ``--before SRC`` imports the same zip a second time with another source tree
(e.g. ``/work/main/src``) and prints both records/s: new record types must not cost more than
15 % of the throughput.

Usage: ``.venv/bin/python benchmarks/apple_health.py [--size-mb 1000] [--keep DIR]
[--before SRC] [--no-compare]``.
Goal: Vagus peak memory under 300 MB and at least twice healthkit-to-sqlite's records/s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREAMBLE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2025-03-04 08:00:00 +0000"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth=""
  HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"
  HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet"/>
"""
WATCH = (
    'sourceName="Sam’s Apple Watch" sourceVersion="11.2" device="&lt;&lt;HKDevice: '
    "0x281e4c870&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, "
    'hardware:Watch6,2, software:11.2&gt;"'
)
PHONE = (
    'sourceName="Sam’s iPhone" sourceVersion="18.3" device="&lt;&lt;HKDevice: 0x281e4c900&gt;, '
    'name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:18.3&gt;"'
)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S +0000")


def record(
    kind: str, source: str, start: datetime, end: datetime, value: str, unit: str = ""
) -> str:
    unit_attr = f' unit="{unit}"' if unit else ""
    return (
        f' <Record type="{kind}" {source}{unit_attr} creationDate="{stamp(end)}" '
        f'startDate="{stamp(start)}" endDate="{stamp(end)}" value="{value}"'
    )


def day_of_records(day: datetime, rng: random.Random) -> list[str]:
    out = []
    # Heart rate every ~5 minutes from the watch: the bulk of a real export.
    for minute in range(0, 24 * 60, 5):
        moment = day + timedelta(minutes=minute, seconds=rng.randint(0, 59))
        out.append(
            record(
                "HKQuantityTypeIdentifierHeartRate",
                WATCH,
                moment,
                moment,
                str(rng.randint(55, 110)),
                "count/min",
            )
            + '>\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>'
            + "\n </Record>"
        )
    # Steps: watch and phone both record the walking hours (overlapping), in 10-minute blocks.
    for hour in range(7, 22):
        for block in range(0, 60, 10):
            start = day + timedelta(hours=hour, minutes=block)
            end = start + timedelta(minutes=9)
            steps = rng.randint(0, 900)
            out.append(
                record("HKQuantityTypeIdentifierStepCount", WATCH, start, end, str(steps), "count")
                + "/>"
            )
            out.append(
                record(
                    "HKQuantityTypeIdentifierStepCount",
                    PHONE,
                    start + timedelta(minutes=1),
                    end,
                    str(int(steps * 0.9)),
                    "count",
                )
                + "/>"
            )
            out.append(
                record(
                    "HKQuantityTypeIdentifierActiveEnergyBurned",
                    WATCH,
                    start,
                    end,
                    f"{rng.uniform(0.5, 9):.3f}",
                    "Cal",
                )
                + "/>"
            )
    # Sleep: in bed, then stages from the watch, and the phone's own estimate.
    bed = day - timedelta(hours=1)
    out.append(
        record(
            "HKCategoryTypeIdentifierSleepAnalysis",
            WATCH,
            bed,
            bed + timedelta(hours=8),
            "HKCategoryValueSleepAnalysisInBed",
        )
        + "/>"
    )
    moment = bed + timedelta(minutes=20)
    for _ in range(12):
        stage = rng.choice(["AsleepCore", "AsleepDeep", "AsleepREM", "Awake"])
        end = moment + timedelta(minutes=rng.randint(10, 45))
        out.append(
            record(
                "HKCategoryTypeIdentifierSleepAnalysis",
                WATCH,
                moment,
                end,
                f"HKCategoryValueSleepAnalysis{stage}",
            )
            + "/>"
        )
        moment = end
    out.append(
        record(
            "HKCategoryTypeIdentifierSleepAnalysis",
            PHONE,
            bed,
            bed + timedelta(hours=7),
            "HKCategoryValueSleepAnalysisAsleepUnspecified",
        )
        + "/>"
    )
    # HRV with its beat-to-beat list, a few times a day.
    for hour in (3, 9, 15, 21):
        start = day + timedelta(hours=hour)
        beats = "".join(
            f'\n   <InstantaneousBeatsPerMinute bpm="{rng.randint(55, 80)}" '
            f'time="{hour}:00:{s:02d}.12 AM"/>'
            for s in range(0, 60, 4)
        )
        out.append(
            record(
                "HKQuantityTypeIdentifierHeartRateVariabilitySDNN",
                WATCH,
                start,
                start + timedelta(minutes=1),
                f"{rng.uniform(20, 90):.3f}",
                "ms",
            )
            + f">\n  <HeartRateVariabilityMetadataList>{beats}"
            + "\n  </HeartRateVariabilityMetadataList>\n </Record>"
        )
    # Resting heart rate once a day; breathing rate every 30 minutes of the night.
    out.append(
        record(
            "HKQuantityTypeIdentifierRestingHeartRate",
            WATCH,
            day,
            day + timedelta(hours=23),
            str(rng.randint(50, 70)),
            "count/min",
        )
        + "/>"
    )
    for minute in range(0, 7 * 60, 30):
        start = bed + timedelta(minutes=30 + minute)
        out.append(
            record(
                "HKQuantityTypeIdentifierRespiratoryRate",
                WATCH,
                start,
                start + timedelta(minutes=5),
                f"{rng.uniform(12, 18):.1f}",
                "count/min",
            )
            + "/>"
        )
    # A State of Mind entry a day, labels as MetadataEntry children.
    moment = day + timedelta(hours=rng.randint(8, 20))
    out.append(
        f' <Record type="HKDataTypeStateOfMind" sourceName="Health" startDate="{stamp(moment)}" '
        f'endDate="{stamp(moment)}" valence="{rng.uniform(-1, 1):.3f}">\n'
        f'  <MetadataEntry key="HKStateOfMindLabels" value="{rng.choice(["Calm", "Anxious"])}"/>'
        "\n </Record>"
    )
    start = day + timedelta(hours=21)
    out.append(
        record(
            "HKCategoryTypeIdentifierMindfulSession",
            PHONE,
            start,
            start + timedelta(minutes=10),
            "HKCategoryValueNotApplicable",
        )
        + "/>"
    )
    out.append(
        f' <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="30" '
        f'durationUnit="min" {WATCH} startDate="{stamp(day + timedelta(hours=18))}" '
        f'endDate="{stamp(day + timedelta(hours=18, minutes=30))}"/>'
    )
    out.append(
        f' <ActivitySummary dateComponents="{day:%Y-%m-%d}" activeEnergyBurned="320" '
        'activeEnergyBurnedGoal="400" activeEnergyBurnedUnit="Cal"/>'
    )
    return out


def generate(directory: Path, size_mb: int) -> tuple[Path, int, int]:
    """Write export.xml (streamed), zip it; return the zip, its XML size and Record count."""
    rng = random.Random(7)
    xml = directory / "export.xml"
    target = size_mb * 1024 * 1024
    records = 0
    day = datetime(2015, 1, 1, tzinfo=UTC)
    with xml.open("w", encoding="utf-8") as out:
        out.write(PREAMBLE)
        written = len(PREAMBLE)
        while written < target:
            lines = day_of_records(day, rng)
            records += sum(1 for line in lines if line.startswith(" <Record"))
            chunk = "\n".join(lines) + "\n"
            out.write(chunk)
            written += len(chunk.encode())
            day += timedelta(days=1)
        out.write("</HealthData>\n")
    archive = directory / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.write(xml, "apple_health_export/export.xml")
    size = xml.stat().st_size
    xml.unlink()
    return archive, size, records


VAGUS_CHILD = """
import os, sys, time
os.environ["DJANGO_SETTINGS_MODULE"] = "vagus.config.settings"
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from vagus.accounts.models import User
from vagus.interop.service import run_import
user = User.objects.create(username="bench", time_zone="Europe/London")
start = time.perf_counter()
outcome = run_import(user, "apple-health", sys.argv[1])
print(f"{time.perf_counter() - start:.3f}", outcome.counts["created"], flush=True)
"""


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of that child alone, and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({process.returncode}):\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, out  # Linux reports ru_maxrss in KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1000, help="size of export.xml (MB)")
    parser.add_argument("--keep", help="generate into this folder and keep the files")
    parser.add_argument("--before", help="also import with this source tree, for comparison")
    parser.add_argument("--no-compare", action="store_true", help="skip healthkit-to-sqlite")
    args = parser.parse_args()
    directory = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vagus-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        archive, xml_bytes, records = generate(directory, args.size_mb)
        print(
            f"Generated {xml_bytes / 1024**2:,.0f} MB export.xml ({records:,} records, zip "
            f"{archive.stat().st_size / 1024**2:,.0f} MB) in {time.perf_counter() - started:.0f} s"
        )
        python = sys.executable
        trees = [("this tree", str(ROOT / "src"))]
        if args.before:
            trees.insert(0, ("before", args.before))
        rates = {}
        for name, tree in trees:
            env = {
                **os.environ,
                "VAGUS_DATA_DIR": str(directory / f"vagus-data-{len(rates)}"),
                "PYTHONPATH": tree,
            }
            seconds, peak, out = run_child([python, "-c", VAGUS_CHILD, str(archive)], env)
            import_seconds, created = out.split()
            vagus_rate = rates[name] = records / float(import_seconds)
            print(
                f"vagus import apple-health ({name}: {tree}): {float(import_seconds):.1f} s "
                f"import ({seconds:.1f} s with start-up), {vagus_rate:,.0f} records/s, "
                f"peak memory {peak:,.0f} MB, {created} daily values stored"
            )
        if args.before:
            change = rates["this tree"] / rates["before"] - 1
            print(f"Throughput change: {change:+.1%} (limit −15 %)")
        if args.no_compare:
            return 0
        tool = shutil.which("healthkit-to-sqlite") or str(
            Path(python).parent / "healthkit-to-sqlite"
        )
        if not Path(tool).exists():
            print("healthkit-to-sqlite is not installed (pip install -e '.[bench]'): no comparison")
            return 0
        hk_seconds, hk_peak, _ = run_child([tool, str(archive), str(directory / "hk.db")], env)
        hk_rate = records / hk_seconds
        print(
            f"healthkit-to-sqlite:       {hk_seconds:.1f} s, {hk_rate:,.0f} records/s, "
            f"peak memory {hk_peak:,.0f} MB"
        )
        print(
            f"Vagus is {vagus_rate / hk_rate:.1f}× faster (goal ≥ 2×); peak memory "
            f"{peak:,.0f} MB (goal < 300 MB)"
        )
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
