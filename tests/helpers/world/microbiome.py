from __future__ import annotations

from datetime import timedelta
from typing import Any

from vagus.microbiome import actions

CSV = b"taxon,rank,value\nFirmicutes,phylum,60\nBacteroidetes,phylum,40\nRoseburia,genus,25\n"


def build(user: Any, secret: str) -> None:
    # A sample (its label holds the secret), and a file waiting on its preview page.
    actions.import_sample(
        user,
        CSV + f"{user.username} bacterium,genus,5\n".encode(),
        collected_on=user.today() - timedelta(days=3),
        label=f"Lab test {secret}",
        method="16S",
    )
    actions.keep_upload(user, f"stool-{secret}.csv", CSV)
