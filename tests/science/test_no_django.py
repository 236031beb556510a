"""The science core stays pure Python: importing every module of it loads no Django.

Run in a fresh interpreter, because this test process has Django loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import vagus.science

SCRIPT = """
import importlib, json, pkgutil, sys
import vagus.science as science

names = [m.name for m in pkgutil.walk_packages(science.__path__, science.__name__ + ".")]
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(json.dumps({"modules": names, "django": loaded}))
"""


def test_importing_every_science_module_loads_no_django() -> None:
    source = str(Path(vagus.science.__file__).parents[2])  # the directory holding ``vagus``
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
    )
    found = json.loads(done.stdout)
    assert "vagus.science.insights" in found["modules"]  # the walk reached the subpackages
    assert len(found["modules"]) >= 20
    assert found["django"] == []
