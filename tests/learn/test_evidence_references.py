"""Every evidence id used anywhere in Vagus names an entry in the library.

Templates are scanned for ``{% evidence_link "..." %}`` literals. Python sources are parsed:
strings given to a name, attribute, keyword or dict key called ``evidence``, ``evidence_id``,
``evidence_ids``, ``entry_id`` (or any name ending in ``evidence``), and the matching argument of
any call to a class that declares such a field (``Tool("slug", ..., "slow-breathing", ...)``).
Data files (TOML) are scanned for the same keys. Only id-shaped strings (hyphenated lower-case
words, the rule of the library) count, so prose in the same places is ignored. A suggestion added
later, in any app, is covered without editing this test.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import vagus
from vagus.science import evidence

SRC = Path(vagus.__file__).parent
TAG = re.compile(r"""\{%\s*evidence_link\s+(["'])([^"']+)\1""")
FIELDS = {"evidence", "evidence_id", "evidence_ids", "entry_id"}


def _is_key(name: str | None) -> bool:
    return bool(name) and (name in FIELDS or name.lower().endswith("evidence"))


def _strings(node: ast.AST | None) -> Iterator[str]:
    if node is None:
        return
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _name(node: ast.AST) -> str | None:
    return getattr(node, "id", None) or getattr(node, "attr", None)


def evidence_fields(trees: list[ast.AST]) -> dict[str, tuple[int, str]]:
    """Classes with an evidence field: class name -> (position of the field, field name)."""
    found: dict[str, tuple[int, str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                fields = [
                    s.target.id
                    for s in node.body
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                for index, field in enumerate(fields):
                    if _is_key(field):
                        found[node.name] = (index, field)
    return found


def python_ids(tree: ast.AST, classes: dict[str, tuple[int, str]]) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and _is_key(node.arg):
            yield from _strings(node.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_is_key(_name(t)) for t in targets):
                yield from _strings(node.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and _is_key(str(key.value)):
                    yield from _strings(value)
        elif isinstance(node, ast.Call) and _name(node.func) in classes:
            index, _ = classes[_name(node.func)]
            if index < len(node.args):
                yield from _strings(node.args[index])


def data_ids(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_key(key):
                items = [item] if isinstance(item, str) else item
                yield from (i for i in items if isinstance(i, str))
            else:
                yield from data_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from data_ids(item)


def used_ids() -> dict[str, set[str]]:
    """Each evidence id used in Vagus, with the files that use it."""
    found: list[tuple[str, str]] = []
    sources = {p: ast.parse(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")}
    classes = evidence_fields(list(sources.values()))
    for path, tree in sources.items():
        found += [(i, str(path.relative_to(SRC))) for i in python_ids(tree, classes)]
    for path in [*SRC.rglob("*.html"), *SRC.rglob("*.txt")]:
        text = path.read_text(encoding="utf-8")
        found += [(m.group(2), str(path.relative_to(SRC))) for m in TAG.finditer(text)]
    for path in SRC.rglob("*.toml"):
        if path != evidence.DATA:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            found += [(i, str(path.relative_to(SRC))) for i in data_ids(data)]
    used: dict[str, set[str]] = {}
    for entry_id, where in found:
        if evidence.ID_PATTERN.match(entry_id):
            used.setdefault(entry_id, set()).add(where)
    return used


def test_the_scan_finds_links_in_templates_and_python():
    used = used_ids()
    assert "vagus-nerve-animal" in used  # a Learn template
    assert any("questionnaires" in f for f in used.get("cbt-anxiety", ()))


def test_the_python_scan_reads_names_keywords_dict_keys_and_fields():
    source = (
        "class Card:\n    slug: str\n    evidence: str\n"
        'A = dict(evidence="a-one")\n'
        'evidence_ids = ("b-two", "c-three")\n'
        'X = {"evidence_id": "d-four", "other": "not-this"}\n'
        'METHOD_EVIDENCE = "e-five"\n'
        'CARDS = [Card("not-a-slug", "f-six"), Card(slug="no-slug", evidence="g-seven")]\n'
        'SENTENCE_EVIDENCE = "A sentence, not an id."\n'
    )
    tree = ast.parse(source)
    found = {i for i in python_ids(tree, evidence_fields([tree])) if evidence.ID_PATTERN.match(i)}
    assert found == {"a-one", "b-two", "c-three", "d-four", "e-five", "f-six", "g-seven"}


def test_every_evidence_id_used_in_vagus_exists():
    unknown = {i: sorted(files) for i, files in used_ids().items() if not evidence.exists(i)}
    assert unknown == {}, f"evidence ids with no entry in the library: {unknown}"
