"""A screening report as plain data: what the API returns and the CLI prints."""

from __future__ import annotations

from typing import Any

from vagus.insights import wording
from vagus.insights.queries import Finding, Report


def finding_dict(finding: Finding) -> dict[str, Any]:
    a = finding.association
    return {
        "factor": a.factor,
        "factor_label": finding.label,
        "lag": int(a.lag),
        "estimate": a.estimate,
        "ci_low": a.ci_low,
        "ci_high": a.ci_high,
        "per": "yes versus no" if a.binary else finding.unit,
        "p_value": a.p_value,
        "q_value": a.q_value,
        "n_days": int(a.n_days),
        "significant": bool(a.significant),
        "binary": bool(a.binary),
        "sentence": finding.sentence,
        "experiment_url": finding.experiment_url,
        "shown_estimate": a.shown_estimate if a.significant else None,
        "shown_ci_low": a.shown_low if a.significant else None,
        "shown_ci_high": a.shown_high if a.significant else None,
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "outcome": report.outcome.code,
        "outcome_label": report.outcome.label,
        "outcome_unit": wording.outcome_unit(report.outcome),
        "lags": list(report.lags),
        "logged_days": report.logged_days,
        "more_days_needed": report.more_days_needed,
        "note": wording.NOT_CAUSE,
        "medication_note": wording.NOT_MEDICATION,
        "significant": [finding_dict(f) for f in report.found],
        "not_clear": [finding_dict(f) for f in report.not_clear],
        "too_few_days": [
            {
                "factor": w.measure.code,
                "factor_label": w.measure.label,
                "days_needed": w.days_needed,
            }
            for w in report.waiting
        ],
        "together": [
            {
                "symptom": t.measure.code,
                "symptom_label": t.label,
                "estimate": t.association.estimate,
                "ci_low": t.association.ci_low,
                "ci_high": t.association.ci_high,
                "p_value": t.association.p_value,
                "q_value": t.association.q_value,
                "n_days": t.association.n_days,
                "sentence": t.sentence,
            }
            for t in report.together
        ],
    }
