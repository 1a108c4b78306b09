"""The command line a user meets: ``--version``, the help of every command, exit codes, a fast help."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import helpers
from helpers import __main__ as cli

ROOT = Path(__file__).resolve().parents[1]
#: The commands the issue names; the parser may have more, never fewer.
KNOWN = {"export", "build", "report", "audit"}


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "COLUMNS": "80", **env})


def commands() -> dict[str, argparse.ArgumentParser]:
    """The subcommands of the real parser, by name."""
    actions = [a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return dict(actions[0].choices)


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def test_the_parser_has_the_known_commands():
    assert KNOWN <= set(commands())


def test_version_is_the_installed_distributions():
    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"helpers {importlib.metadata.version(name)}\n"
    assert result.stderr == ""


def test_version_falls_back_to_the_package_when_not_installed(monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert cli._version() == helpers.__version__
    # the fallback must not lie: the package's version is pyproject.toml's
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert helpers.__version__ == project["version"]
    assert cli.DISTRIBUTION == project["name"]


def test_bare_invocation_prints_the_full_help_and_exits_0():
    bare = run()
    assert bare.returncode == 0, bare.stderr
    assert bare.stderr == ""
    assert bare.stdout.startswith("usage: python -m helpers")
    assert bare.stdout == run("--help").stdout
    for name, sub in commands().items():
        # one line per command in the top-level help: its name, then its one-line help
        line = re.search(rf"^ +{name} +(\S.*)$", bare.stdout, re.M)
        assert line, f"{name} is not listed with a help line:\n{bare.stdout}"
        assert sub.description, f"{name} has no description"
    assert "--version" in bare.stdout
    assert "exit codes:" in bare.stdout


@pytest.mark.parametrize("name", sorted(KNOWN | set(commands())))
def test_every_command_has_a_description_and_states_the_exit_codes(name):
    result = run(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    parts = paragraphs(result.stdout)
    assert parts[0].startswith(f"usage: python -m helpers {name}")
    # the paragraph after the usage is the description, not the options
    assert not parts[1].startswith(("options:", "positional arguments:")), result.stdout
    assert parts[1] == commands()[name].description.split("\n\n")[0]
    codes = result.stdout[result.stdout.index("exit codes:"):]
    for code in ("0", "1", "2", "130"):
        assert re.search(rf"^  {code} +\S", codes, re.M), f"exit code {code} missing in {name} --help"


def test_export_help_names_every_table():
    from helpers.study.layer import STUDY_TABLES
    from helpers.tables import TABLES

    # the help's copies (kept so that --help imports no pipeline) agree with the pipeline's
    assert cli.TABLES == TABLES
    assert cli.STUDY_TABLES == STUDY_TABLES
    text = run("export", "--help").stdout
    words = set(re.findall(r"\w+", text))
    for table in TABLES + STUDY_TABLES:
        assert table in words, f"export --help does not name the table {table}"
    # the generic tables come first, the study's after the note saying when they are written
    assert text.index(TABLES[-1]) < text.index("study's own texts") < text.index(STUDY_TABLES[0])


def test_an_unknown_command_exits_2_naming_it():
    result = run("bogus")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("usage: python -m helpers")  # argparse's usage, then its one-line error
    assert lines[-1].startswith("python -m helpers: error:")
    assert "'bogus'" in lines[-1] and "export" in lines[-1]


def test_the_documented_exit_code_of_bad_input_is_true(tmp_path):
    missing = tmp_path / "nothing"
    result = run("export", "--corpus", str(missing), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")
    assert not (tmp_path / "out").exists()
    debug = run("export", "--corpus", str(missing), "--out", str(tmp_path / "out"), HELPERS_DEBUG="1")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr


def test_main_returns_the_exit_code_of_help_version_and_usage_errors(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"helpers {cli._version()}\n"
    assert cli.main([]) == 0
    assert capsys.readouterr().out.startswith("usage:")
    assert cli.main(["export", "--help"]) == 0
    assert cli.main(["bogus"]) == 2
    assert cli.main(["export", "--jobs", "0", "--out", "x"]) == 2
    assert "at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--version"], [], ["--help"], ["export", "--help"], ["audit", "--help"]])
def test_help_and_version_import_neither_pandas_nor_the_pipeline(args):
    code = ("import sys\nfrom helpers.__main__ import main\n"
            f"assert main({args!r}) == 0\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'jieba', 'rjieba', 'numpy')\n"
            "               or m in ('helpers.tables', 'helpers.export', 'helpers.study.layer'))\n"
            "print('heavy:', heavy, file=sys.stderr)\n"
            "sys.exit(1 if heavy else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
