"""Sentences about an experiment for the person: its result in plain words."""

from __future__ import annotations

from vagus.experiments.models import Experiment
from vagus.science import experiments as core


def result_words(experiment: Experiment, result: core.ExperimentResult) -> str:
    return core.describe(result, experiment.outcome_label, experiment.b_label, "as usual")
