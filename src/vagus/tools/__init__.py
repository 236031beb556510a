"""Coping tools: breathing, relaxation, grounding, thought records, journaling, worry time."""
