"""The package's two layers: the reusable pipeline never imports the study."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import helpers

PACKAGE = Path(helpers.__file__).parent
#: The reusable layer: reading texts, language, methods, the generic tables and views.
GENERIC = sorted(
    [f"helpers.{folder}.{p.stem}" for folder in ("text", "language", "methods") for p in (PACKAGE / folder).glob("*.py")
     if p.stem != "__init__"] + ["helpers.tables", "helpers.export", "helpers.audit", "helpers.errors", "helpers.paths",
                                 "helpers.publish.corpus_audit", "helpers.publish.audit_notebook"]
)
#: The study's own data folders; the library reads none of them (a wheel does not carry them).
STUDY_DATA = ("ANNOTATIONS", "REFERENCE", "CODING", "RAW / ", "data/annotations", "data/coding", "data/reference")

BLOCK_STUDY = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "helpers.study" or name.startswith("helpers.study."):
            raise ImportError("the study layer is not available")
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print("ok")
"""


def test_the_generic_modules_import_without_the_study():
    result = subprocess.run([sys.executable, "-c", BLOCK_STUDY, *GENERIC], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-600:]
    assert len(GENERIC) >= 17


def test_no_generic_module_names_the_study_even_in_a_function():
    """A lazy import inside a function would escape the test above; read the source instead."""
    offenders = []
    for name in GENERIC:
        for node in ast.walk(ast.parse(source(name))):
            if isinstance(node, ast.ImportFrom):
                parts = (node.module or "").split(".")
                if "study" in parts or any(a.name == "study" for a in node.names):
                    offenders.append(f"{name}: line {node.lineno}")
            elif isinstance(node, ast.Import):  # import helpers.study.x, inside a function too
                if any("study" in a.name.split(".") for a in node.names):
                    offenders.append(f"{name}: line {node.lineno}")
    assert offenders == []


def test_no_generic_module_reads_the_studys_data():
    """The study's annotations, coding and reference facts stay with the study: the library must work
    without them (as from a wheel, which does not carry them)."""
    offenders = [f"{name}: {marker}" for name in GENERIC for marker in STUDY_DATA
                 if marker in source(name) and name not in KNOWN_EXCEPTIONS]
    assert offenders == []


#: paths defines where the data lives; evaluation scores the pipeline against the study's hand-checked gold
#: samples by default (its measures themselves are generic). A known exception, not a licence for more.
KNOWN_EXCEPTIONS = {"helpers.paths", "helpers.methods.evaluation"}


def source(name: str) -> str:
    """The source text of a module of the package."""
    return PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py").read_text(encoding="utf-8")


def test_the_blocker_itself_catches_a_study_import():
    """The test above could pass vacuously if the blocker did not work: it must stop a study module."""
    result = subprocess.run([sys.executable, "-c", BLOCK_STUDY, "helpers.study.layer"], capture_output=True, text=True,
                            check=False)
    assert result.returncode != 0 and "study layer is not available" in result.stderr
