"""A regular wheel (``pip install .``) carries the lexicon and works without the repository's data/."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers.paths import LEXICON, ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def _can_build_wheels() -> bool:
    """setuptools builds wheels itself from 70.1 on; before that it needs the ``wheel`` package."""
    return importlib.util.find_spec("wheel") is not None or importlib.util.find_spec(
        "setuptools.command.bdist_wheel") is not None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the project's sources (the repository gets no build/ folder)."""
    if not _can_build_wheels():
        if os.environ.get("CI"):
            pytest.fail("building a wheel needs the 'wheel' package or setuptools >= 70.1 (pip install '.[test]')")
        pytest.skip("neither the 'wheel' package nor setuptools >= 70.1 is installed")
    project = tmp_path_factory.mktemp("project")
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, project / name)
    shutil.copytree(ROOT / "src" / "helpers", project / "src" / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(ROOT / "data" / "lexicon", project / "data" / "lexicon")
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                             "-q", "-w", str(dist), str(project)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    wheels = list(dist.glob("helpers-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_the_wheel_carries_the_lexicon_and_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    lexicon = ROOT / "data" / "lexicon"
    expected = {"helpers/_lexicon/" + p.relative_to(lexicon).as_posix() for p in lexicon.rglob("*") if p.is_file()}
    for required in ("entities.csv", "aliases.csv", "domain_dict.txt", "stopwords_zh.txt", "boilerplate.csv",
                     "metadata_patterns.csv", "common_chars.txt", "dyads.csv", "glosses.csv"):
        assert f"helpers/_lexicon/{required}" in names, required
    assert expected <= names, sorted(expected - names)[:5]
    modules = {"helpers/" + p.relative_to(ROOT / "src" / "helpers").as_posix()
               for p in (ROOT / "src" / "helpers").rglob("*.py") if "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)  # a new subpackage must be listed in pyproject.toml
    assert not [n for n in names if n.startswith(("data/", "helpers/_lexicon/../")) or "/raw/" in n
                or "annotations" in n or "notebooks/" in n]


def test_installed_from_the_wheel_the_export_runs_on_a_users_corpus_without_the_repository(wheel, tmp_path):
    site = tmp_path / "install" / "site"  # helpers/paths.py's ROOT is then tmp_path/install, which holds no data/
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target",
                             str(site), str(wheel)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import helpers.paths as p; print(p.__file__); print(p.LEXICON)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout.splitlines()
    assert where[0].startswith(str(site)) and Path(where[1]) == site / "helpers" / "_lexicon" != LEXICON
    out = tmp_path / "tables"
    export = subprocess.run([sys.executable, "-m", "helpers", "export", "--corpus", str(FIXTURES), "--out", str(out)],
                            capture_output=True, text=True, check=False, cwd=tmp_path, env=env)
    assert export.returncode == 0, export.stderr
    assert export.stderr == ""
    assert (out / "mentions.csv").stat().st_size > 500 and not (out / "positions.csv").exists()  # no study layer
