"""Command line: ``python -m helpers export|build|report|audit``.

- ``export --out DIR [--corpus DIR] [--jobs N] [--format csv|parquet]`` writes the tables as UTF-8 CSV
  (or Parquet), with a progress bar on stderr for a large corpus when stderr is a terminal;
- ``report --out DIR [--execute]`` renders the executed notebooks, a reader page per text and the
  library's reference as an HTML site (the study's main job); with ``--execute`` it first exports the
  tables to ``data/processed/`` and executes every notebook in a fresh kernel, as ``build`` does;
- ``build`` exports the tables and executes the notebooks, without rendering;
- ``audit --corpus DIR --out DIR [--compare A B]`` audits a user's corpus: an HTML page on
  the whole corpus, one comparing two documents, and an index (:mod:`helpers.publish.audit_notebook`).

``--version`` prints ``helpers <version>``; with no command the help is printed (exit code 0).
Errors in the input print one line naming the file and the fix, and exit with 2 (:data:`EXIT_CODES`).

The help imports nothing heavy (no pandas, no pipeline): the table names below are copies of
:data:`helpers.tables.TABLES` and :data:`helpers.study.layer.STUDY_TABLES`, and tests/test_cli.py
checks that they agree.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import time
from pathlib import Path

from .errors import HelpersError
from .paths import PROCESSED, RAW

#: The distribution name in pyproject.toml, whose version ``--version`` prints.
DISTRIBUTION = "helpers"

#: The tables every export writes, in order: :data:`helpers.tables.TABLES`, copied so that ``--help``
#: does not import the pipeline (tests/test_cli.py checks that the two agree).
TABLES: tuple[str, ...] = (
    "documents", "sections", "sentences", "footnotes", "tokens", "mentions", "cleaning_log", "quality_flags",
)
#: The tables added for the study's own texts: :data:`helpers.study.layer.STUDY_TABLES`, copied likewise.
STUDY_TABLES: tuple[str, ...] = (
    "positions", "proposals", "claims_check", "events", "recommendations", "concepts", "drivers", "keyness",
)

#: What :func:`main` returns, as every command's help states it.
EXIT_CODES = """\
exit codes:
  0    success
  1    an unexpected error: one line on stderr
  2    bad input or a failed step (a missing or undecodable file, a bad
       manifest, a failing notebook cell): one line "error: ..." on stderr
       saying what is wrong and the fix; or a usage error (an unknown command
       or option, a missing or invalid argument): the usage, then the error
  130  interrupted (Ctrl-C)
With HELPERS_DEBUG=1 an error prints its traceback instead of one line, and
the exit code is Python's, 1."""


def _version() -> str:
    """The installed distribution's version; ``helpers.__version__`` when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree (PYTHONPATH=src) without pip install
        from . import __version__

        return __version__


class _VersionAction(argparse.Action):
    """``--version``: print ``helpers <version>`` and exit 0; the version is looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, default: str = argparse.SUPPRESS,
                 help: str | None = None) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001 (argparse's signature)
        print(f"{DISTRIBUTION} {_version()}")
        parser.exit()


def _names(names: tuple[str, ...]) -> str:
    """*names* as an indented, wrapped list for a help text."""
    return textwrap.fill(", ".join(names), width=78, initial_indent="  ", subsequent_indent="  ")


DESCRIPTION = """\
The study of two Chinese-language arms-control texts (FES 2024, Carnegie
2024): export its tables, execute its notebooks and render its report; and
the same pipeline on a corpus of your own (export, audit)."""

EXPORT_DESCRIPTION = f"""\
Run the pipeline on a corpus (a folder with a manifest.csv, columns doc_id and
file at least, and the texts it names) and write one file per table into --out:
UTF-8 CSV, or Parquet with --format parquet. The folder is replaced as a whole;
a failed run leaves an existing one untouched.

tables written for every corpus:
{_names(TABLES)}

tables added when the corpus holds the study's own texts (checked by their
checksums); a corpus of your own gets none of them:
{_names(STUDY_TABLES)}

docs/tables.md describes every table and column."""

BUILD_DESCRIPTION = """\
Export the study's tables from data/raw to data/processed (as the export
command does), then execute every numbered notebook in notebooks/ in a fresh
kernel, saving its outputs in place. Nothing is rendered; the report command
renders the HTML site."""

REPORT_DESCRIPTION = """\
Render the numbered notebooks in notebooks/, as they were saved with their
outputs, as an HTML site in --out that works offline (open index.html) or from
any web server: a page per notebook, a reader page per text made from the
study's texts in data/raw (every cited sentence id links to its sentence), the
library's reference, and a full-text search. Nothing is executed and nothing
in the repository is written, unless --execute: then the tables are exported
from data/raw to data/processed and every notebook is executed in a fresh
kernel first, as the build command does. A failing notebook stops the build
and leaves --out as it was."""

AUDIT_DESCRIPTION = """\
Audit a corpus of your own (a folder with a manifest.csv and the texts it
names): an HTML page on the whole corpus, one comparing two of its documents
(none for a corpus of one document), a reader page per text and an index,
written with their executed notebooks into --out as the same kind of site as
the study's report. Nothing is written into the repository."""


def _export(out: Path, corpus: Path, jobs: int = 1, format: str = "csv") -> None:
    from .export import export_corpus
    from .study.layer import STUDY

    start = time.perf_counter()
    # the study's additions apply to its own two texts only; a progress bar only on a terminal
    counts = export_corpus(corpus, out, jobs=jobs, layer=STUDY, format=format)
    sizes = ", ".join(f"{name} {rows}" for name, rows in counts.items())
    print(f"wrote {len(counts)} tables to {out} in {time.perf_counter() - start:.1f} s ({sizes} rows)")


def _build() -> None:
    from .publish.notebooks import execute_notebook, notebook_paths, require_pairs_in_sync

    paths = notebook_paths()
    require_pairs_in_sync(paths)  # before anything is rewritten
    _export(PROCESSED, RAW)
    for path in paths:
        print(f"executing {path.name} …", flush=True)
        seconds = execute_notebook(path)
        print(f"  done in {seconds:.1f} s", flush=True)


def _report(out: Path, execute: bool = False) -> None:
    from .publish.report import build_report
    from .publish.site import refuse_foreign

    refuse_foreign(out)  # before anything is exported, executed or built
    if execute:  # exactly what the build command does (its checks included), then the rendering
        _build()
    pages = build_report(out)
    print(f"wrote the report to {out} ({len(pages)} pages); open {out / 'index.html'}")


def _audit(corpus: Path, out: Path, compare: list[str] | None = None) -> None:
    from .publish.audit_notebook import run_audit

    pages = run_audit(corpus, out, compare)
    print(f"wrote the audit of {corpus} to {out} ({len(pages)} pages); open {pages[0]}")


def _positive(value: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser (building it imports nothing beyond argparse)."""
    text = {"formatter_class": argparse.RawDescriptionHelpFormatter, "epilog": EXIT_CODES}
    top = argparse.ArgumentParser(
        prog="python -m helpers", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"Run `python -m helpers COMMAND --help` for a command's options.\n\n{EXIT_CODES}")
    top.add_argument("--version", action=_VersionAction, help="print the version (helpers X.Y.Z) and exit")
    commands = top.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    export = commands.add_parser("export", help="write the tables of a corpus as UTF-8 CSV (or Parquet)",
                                 description=EXPORT_DESCRIPTION, **text)
    export.add_argument("--out", type=Path, required=True, help="folder to write (replaced as a whole)")
    export.add_argument("--corpus", type=Path, default=RAW, help="corpus folder with manifest.csv (default: data/raw)")
    export.add_argument("--jobs", type=_positive, default=1,
                        help="worker processes for a large corpus, at most the number of cores (default: 1)")
    export.add_argument("--format", choices=("csv", "parquet"), default="csv",
                        help='file format of the tables (default: csv; parquet needs pip install "helpers[parquet]")')
    commands.add_parser("build", help="export to data/processed and execute every notebook",
                        description=BUILD_DESCRIPTION, **text)
    report = commands.add_parser("report", help="render the executed notebooks as the HTML site",
                                 description=REPORT_DESCRIPTION, **text)
    report.add_argument("--out", type=Path, required=True, help="folder for the site (replaced as a whole)")
    report.add_argument("--execute", action="store_true",
                        help="export the tables and execute every notebook first (as the build command does)")
    audit = commands.add_parser("audit", help="audit a corpus of your own: HTML pages on the corpus and on two of "
                                              "its documents, and an index",
                                description=AUDIT_DESCRIPTION, **text)
    audit.add_argument("--corpus", type=Path, required=True, help="corpus folder with manifest.csv")
    audit.add_argument("--out", type=Path, required=True,
                       help="folder for the pages and executed notebooks (replaced as a whole)")
    audit.add_argument("--compare", nargs=2, metavar=("A", "B"),
                       help="two doc_ids of the manifest to compare (default: the manifest's first two)")
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (:data:`EXIT_CODES`)."""
    top = build_parser()
    try:
        args = top.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2): argparse has printed what to say
        return 0 if exc.code is None else int(exc.code)
    if args.command is None:  # no command: the help, on stdout
        top.print_help()
        return 0
    try:
        if args.command == "export":
            _export(args.out, args.corpus, args.jobs, args.format)
        elif args.command == "report":
            _report(args.out, args.execute)
        elif args.command == "audit":
            _audit(args.corpus, args.out, args.compare)
        else:
            _build()
    except HelpersError as exc:
        if os.environ.get("HELPERS_DEBUG"):  # the traceback, for every error
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for a user; HELPERS_DEBUG=1 shows it
        if os.environ.get("HELPERS_DEBUG"):
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc} (rerun with HELPERS_DEBUG=1 for details)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
