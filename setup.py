"""Optional compiled build: `LEAKWATCH_MYPYC=1 pip install .` compiles the hot path with mypyc.

Everything else is declared in pyproject.toml. The same typed sources run as plain Python (the
default, and what an editable install gives developers) or as C extensions, 2-4x faster; the test
suite runs against both (`make test`).
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

HOT_PATH = [
    "src/leakwatch/frozen.py",
    "src/leakwatch/normalize/text.py",
    "src/leakwatch/detect/finding.py",
    "src/leakwatch/detect/chars.py",
    "src/leakwatch/detect/document.py",
    "src/leakwatch/detect/context.py",
    "src/leakwatch/detect/patterns.py",
    "src/leakwatch/detect/lexicon.py",
    "src/leakwatch/detect/memo.py",
    "src/leakwatch/detect/phrases.py",
    "src/leakwatch/detect/analyzer.py",
    "src/leakwatch/detect/rows.py",
    "src/leakwatch/detect/tagger/features.py",
    "src/leakwatch/detect/tagger/stage.py",
    *sorted(
        str(p)
        for p in Path("src/leakwatch/detect/recognizers").glob("*.py")
        if p.stem != "__init__"
    ),
    "src/leakwatch/assess/cues.py",
    "src/leakwatch/assess/persons.py",
    "src/leakwatch/assess/pairs.py",
    "src/leakwatch/assess/families.py",
    "src/leakwatch/assess/verdict.py",
    "src/leakwatch/scan/result.py",
    "src/leakwatch/output/mask.py",
    "src/leakwatch/output/records.py",
]

ext_modules = []
if os.environ.get("LEAKWATCH_MYPYC") == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify(["--ignore-missing-imports", *HOT_PATH], opt_level="3")

setup(ext_modules=ext_modules)
