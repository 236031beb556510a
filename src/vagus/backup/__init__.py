"""A person's backup: the export document, its restore, and the JSON Schema made from both.

Each app describes its sections once, in ``<app>/backup.py``: a row model (:mod:`.rows`), the
export function that lists the person's rows and the restorer that writes them back. The
apps that hold sections are listed in :data:`vagus.backup.registry.SECTION_MODULES`.
"""
