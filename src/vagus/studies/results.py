"""A study's cohort analysis: its pseudonymised table through ``vagus.science.cohort``.

The analysis reads every participant's shared data, so each run is audited like the export.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vagus.studies import actions, queries

if TYPE_CHECKING:
    import pandas as pd

    from vagus.accounts.models import User
    from vagus.science.cohort import CohortResult
    from vagus.studies.models import Study


def study_frame(rows: Sequence[queries.TidyRow]) -> pd.DataFrame:
    """The tidy frame ``participant,date,measure,value``, as the export writes it."""
    import pandas as pd  # here: only an analysis needs it

    return pd.DataFrame(
        {
            "participant": [r.participant for r in rows],
            "date": [r.date for r in rows],
            "measure": [r.measure for r in rows],
            "value": [r.value for r in rows],
        },
        columns=["participant", "date", "measure", "value"],
    )


def analyse_study(
    study: Study,
    outcome: str,
    factors: Sequence[str] | None = None,
    *,
    reader: User | None,
    engine: str = "local",
    scheduler: str | None = None,
) -> CohortResult:
    """Within- and between-person effects on ``outcome`` in the study's shared data.

    ``reader`` is the researcher (None: the operator at the command line). ValueError names
    the problem (too few participants, an unknown measure, ...).
    """
    from vagus.cohort.medication import without_medication
    from vagus.science import cohort

    enrolments = queries.study_participants(study)
    rows = queries.shared_rows(study, enrolments)
    actions.audit_reads(reader, enrolments, "analyse")
    return cohort.analyse(
        without_medication(study_frame(rows), outcome, factors),
        outcome,
        list(factors) if factors else None,
        engine=engine,
        scheduler=scheduler,
    )
