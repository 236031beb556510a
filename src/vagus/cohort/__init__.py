"""The ``vagus cohort`` commands over :mod:`vagus.science.cohort` (no database needed)."""
