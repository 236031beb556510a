"""The background worker: a huey consumer beside the web server (imports, scheduled clean-up)."""
