"""Insights: what goes with a person's anxiety, from their own diary."""
