"""Self-experiments: set-up, daily prompt and results of N-of-1 trials."""
