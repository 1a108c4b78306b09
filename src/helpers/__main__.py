"""Command line: ``python -m helpers export|build``.

- ``export --out DIR [--corpus DIR] [--jobs N] [--format csv|parquet]`` writes the tables as UTF-8 CSV
  (or Parquet), with a progress bar on stderr for a large corpus when stderr is a terminal;
- ``report --out DIR`` exports the tables to ``data/processed/``, executes every
  notebook in a fresh kernel and renders the HTML site (the study's main job);
- ``build`` exports the tables and executes the notebooks, without rendering;
- ``audit --corpus DIR --out DIR [--compare A B]`` audits a user's corpus: an HTML page on
  the whole corpus, one comparing two documents, and an index (:mod:`helpers.publish.audit_notebook`).

Errors in the input print one line naming the file and the fix, and exit with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .errors import HelpersError
from .paths import PROCESSED, RAW


def _export(out: Path, corpus: Path, jobs: int = 1, format: str = "csv") -> None:
    from .export import export_corpus
    from .study.layer import STUDY

    start = time.perf_counter()
    # the study's additions apply to its own two texts only; a progress bar only on a terminal
    counts = export_corpus(corpus, out, jobs=jobs, layer=STUDY, format=format)
    sizes = ", ".join(f"{name} {rows}" for name, rows in counts.items())
    print(f"wrote {len(counts)} tables to {out} in {time.perf_counter() - start:.1f} s ({sizes} rows)")


def _build() -> None:
    from .publish.notebooks import execute_notebook, notebook_paths

    _export(PROCESSED, RAW)
    for path in notebook_paths():
        print(f"executing {path.name} …", flush=True)
        seconds = execute_notebook(path)
        print(f"  done in {seconds:.1f} s", flush=True)


def _report(out: Path) -> None:
    from .publish.report import build_report

    _export(PROCESSED, RAW)
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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description="The arms-control text study.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the tables as UTF-8 CSV (or Parquet)")
    export.add_argument("--out", type=Path, required=True, help="folder to write (replaced as a whole)")
    export.add_argument("--corpus", type=Path, default=RAW, help="corpus folder with manifest.csv (default: data/raw)")
    export.add_argument("--jobs", type=_positive, default=1,
                        help="worker processes for a large corpus, at most the number of cores (default: 1)")
    export.add_argument("--format", choices=("csv", "parquet"), default="csv",
                        help='file format of the tables (default: csv; parquet needs pip install "helpers[parquet]")')
    commands.add_parser("build", help="export to data/processed and execute every notebook")
    report = commands.add_parser("report", help="export, execute every notebook and render the HTML site")
    report.add_argument("--out", type=Path, required=True, help="folder for the site (replaced as a whole)")
    audit = commands.add_parser("audit", help="audit a user's corpus: an HTML page on the corpus, one comparing "
                                              "two documents, and an index")
    audit.add_argument("--corpus", type=Path, required=True, help="corpus folder with manifest.csv")
    audit.add_argument("--out", type=Path, required=True,
                       help="folder for the pages and executed notebooks (replaced as a whole)")
    audit.add_argument("--compare", nargs=2, metavar=("A", "B"),
                       help="two doc_ids of the manifest to compare (default: the manifest's first two)")
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            _export(args.out, args.corpus, args.jobs, args.format)
        elif args.command == "report":
            _report(args.out)
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
