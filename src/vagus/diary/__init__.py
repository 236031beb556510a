"""The diary: measures, daily observations, check-ins, meals and the timeline."""
