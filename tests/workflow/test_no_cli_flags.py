"""Services speak to every interface: no string in the service layer names a command-line option.

The command line checks its own options first (cli/flags.py) and names them there; a service's
refusal reads the same over HTTP, where there are no options.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import leakwatch

SRC = Path(leakwatch.__file__).parent
LAYERS = ("workflow", "store", "report")
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _modules() -> list[Path]:
    return sorted(
        p for layer in LAYERS for p in (SRC / layer).rglob("*.py") if "migrations" not in p.parts
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_string_names_an_option(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            assert not FLAG.search(node.value), f"{path.name}:{node.lineno}: {node.value!r}"
