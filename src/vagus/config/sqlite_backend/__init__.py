"""SQLite with writers queued on an OS file lock (see ``base``)."""
