"""The README's layout section names every app, module group and module in src/vagus/."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "vagus"
# Django's own folders, the same in every app; not listed one by one.
DJANGO_DIRS = {"migrations", "static", "templates", "templatetags", "__pycache__"}


def layout() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Layout\n", 1)[1].split("\n## ", 1)[0]


def test_every_app_and_root_module_is_in_the_layout():
    text = layout()
    for entry in sorted(SRC.iterdir()):
        if entry.is_dir() and entry.name not in DJANGO_DIRS:
            assert f"{entry.name}/" in text, entry.name
        elif entry.suffix == ".py" and entry.name not in {"__init__.py", "__main__.py"}:
            assert entry.name in text, entry.name


def test_every_module_of_every_app_is_in_the_layout():
    text = layout()
    for app in sorted(p for p in SRC.iterdir() if p.is_dir() and p.name not in DJANGO_DIRS):
        for entry in sorted(app.iterdir()):
            if entry.name in DJANGO_DIRS or entry.name in {"__init__.py", "apps.py"}:
                continue
            name = f"{entry.name}/" if entry.is_dir() else entry.name
            if entry.is_dir() or entry.suffix == ".py":
                assert name in text, f"{app.name}/{name}"


def test_the_layout_names_nothing_that_is_gone():
    text = layout()
    for line in text.splitlines():
        for word in line.replace(",", " ").replace("(", " ").split():
            if word.endswith(".py") and "<" not in word and "/" not in word:
                assert list(SRC.rglob(word)), word
