"""Benchmark the export pipeline against its floor, bare jieba, at growing corpus sizes.

Usage (from the repository root, with the study installed):

    python benchmarks/bench.py --sizes 1 10 100 [--notebooks] [--tests]

For each size N, a temporary corpus holds N copies of each of the two texts under new
doc_ids.  Four commands run in fresh processes, side by side:

- the floor: bare jieba (its general dictionary, no domain words) segmenting the same
  raw texts, including its import and dictionary load;
- bare rjieba (the Rust port) doing the same, when it is installed (else ``n/a``);
- the export: ``python -m helpers export --corpus DIR --out DIR`` (every stage, every table),
  serially and with ``--jobs 2``.

Every time is also given as a ratio to bare jieba.

Each is timed by wall clock.  Memory is measured twice: the peak resident set size of
the largest process (exact, from the operating system) and the peak of the whole
process tree (the workers of ``--jobs`` included), sampled every 20 ms as proportional
set size.  With ``--notebooks`` each notebook's execution time is
measured, and with ``--tests`` the whole test suite's.  Results are printed as
Markdown tables (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

FLOOR = """
import logging, sys, warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import jieba
jieba.setLogLevel(logging.WARNING)
tokenizer = jieba.Tokenizer()
tokenizer.initialize()
for path in sys.argv[1:]:
    for _ in tokenizer.cut(open(path, encoding="utf-8").read()):
        pass
"""

RJIEBA = """
import sys
import rjieba
for path in sys.argv[1:]:
    rjieba.cut(open(path, encoding="utf-8").read())
"""


def rjieba_version() -> str | None:
    """The installed rjieba's version, or None when it cannot be imported."""
    probe = subprocess.run([sys.executable, "-c", "import rjieba; from importlib.metadata import version; "
                            "print(version('rjieba'))"], capture_output=True, text=True, check=False)
    return probe.stdout.strip() if probe.returncode == 0 else None


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """A corpus of *copies* copies of each study text, with a manifest (no checksums)."""
    with (RAW / "manifest.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    files = []
    lines = ["doc_id,file"]
    for row in rows:
        for i in range(copies):
            name = f"{row['doc_id']}_{i:03d}.txt"
            shutil.copyfile(RAW / row["file"], folder / name)
            lines.append(f"{row['doc_id']}_{i:03d},{name}")
            files.append(folder / name)
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def _tree(pid: int) -> list[int]:
    """*pid* and all its descendants (Linux /proc)."""
    pids, index = [pid], 0
    while index < len(pids):
        for task in Path(f"/proc/{pids[index]}/task").glob("*/children"):
            try:
                pids.extend(int(child) for child in task.read_text().split())
            except OSError:
                pass
        index += 1
    return pids


def _pss_mb(pids: list[int]) -> float:
    """Proportional set size of *pids* together, in MB: shared pages counted once, split between sharers."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run(command: list[str]) -> tuple[float, float, float]:
    """Run *command* in a fresh process; return (wall seconds, peak RSS of the largest process in MB,
    peak memory of the whole process tree in MB).

    The largest process's peak is exact (the kernel's ``ru_maxrss``).  The tree's is sampled every
    20 ms as the sum of the processes' proportional set sizes, so that pages a forked worker shares
    with its parent are not counted twice; a peak shorter than 20 ms can be missed.
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        tree_peak = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, _pss_mb(_tree(process.pid)))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}: {errors.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024, tree_peak


def best(command: list[str], repeats: int) -> tuple[float, float, float]:
    """The fastest of *repeats* runs of *command* (see :func:`run`)."""
    return min((run(command) for _ in range(repeats)), key=lambda r: r[0])


def bench_sizes(sizes: list[int], repeats: int, rjieba: bool) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for copies in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            files = make_corpus(corpus, copies)
            chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
            export = [sys.executable, "-m", "helpers", "export", "--corpus", str(corpus),
                      "--out", str(Path(tmp) / "out")]
            floor = best([sys.executable, "-c", FLOOR, *map(str, files)], repeats)
            rust = best([sys.executable, "-c", RJIEBA, *map(str, files)], repeats) if rjieba else None
            serial = best(export, repeats)
            with (Path(tmp) / "out" / "documents.csv").open(encoding="utf-8") as handle:
                segmenter = next(csv.DictReader(handle))["segmenter"]
            parallel = best([*export, "--jobs", "2"], repeats)
            row = {"copies": copies, "documents": len(files), "characters": chars, "segmenter": segmenter,
                   "jieba": floor, "rjieba": rust, "export": serial, "parallel": parallel}
            rows.append(row)
            print(f"{copies:>4}x: jieba {floor[0]:.2f} s, rjieba {_s(rust)}, export {serial[0]:.2f} s "
                  f"({serial[0] / floor[0]:.2f}x), --jobs 2 {parallel[0]:.2f} s ({parallel[0] / floor[0]:.2f}x); "
                  f"whole tree {floor[2]:.0f} / {_mb(rust)} / {serial[2]:.0f} / {parallel[2]:.0f} MB "
                  f"[{segmenter}]", flush=True)
    return rows


def _s(result: tuple[float, float, float] | None) -> str:
    return "n/a" if result is None else f"{result[0]:.2f} s"


def _mb(result: tuple[float, float, float] | None, index: int = 2) -> str:
    return "n/a" if result is None else f"{result[index]:.0f}"


def _time(result: tuple[float, float, float] | None, floor: tuple[float, float, float]) -> str:
    """Seconds and the ratio to bare jieba, as two table cells."""
    return "n/a | n/a" if result is None else f"{result[0]:.2f} | {result[0] / floor[0]:.2f}"


def tables(rows: list[dict[str, object]]) -> str:
    """The results as the two Markdown tables of docs/benchmarks.md: time, then memory."""
    lines = ["| corpus | documents | characters | bare jieba (s) | bare rjieba (s) | ratio | export (s) | ratio "
             "| export `--jobs 2` (s) | ratio |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        floor = r["jieba"]
        lines.append(f"| {r['copies']}× | {r['documents']} | {r['characters']:,} | {floor[0]:.2f} | "
                     f"{_time(r['rjieba'], floor)} | {_time(r['export'], floor)} | {_time(r['parallel'], floor)} |")
    lines += ["", "| corpus | peak PSS, whole process tree: jieba / rjieba / export / `--jobs 2` (MB) "
              "| peak RSS, largest process: jieba / rjieba / export / `--jobs 2` (MB) |", "| --- | --- | --- |"]
    for r in rows:
        cells = [r["jieba"], r["rjieba"], r["export"], r["parallel"]]
        lines.append(f"| {r['copies']}× | {' / '.join(_mb(c) for c in cells)} | "
                     f"{' / '.join(_mb(c, 1) for c in cells)} |")
    return "\n".join(lines)


def bench_notebooks() -> list[tuple[str, float]]:
    sys.path.insert(0, str(ROOT / "src"))
    from helpers.publish.notebooks import execute_notebook, notebook_paths

    out = []
    with tempfile.TemporaryDirectory(dir=ROOT / "notebooks") as tmp:
        for path in notebook_paths():
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            out.append((path.name, execute_notebook(copy)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement; the fastest counts")
    parser.add_argument("--notebooks", action="store_true")
    parser.add_argument("--tests", action="store_true")
    args = parser.parse_args()
    version = rjieba_version()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"rjieba {version or 'not installed (n/a)'}, load average {os.getloadavg()[0]:.2f}")
    rows = bench_sizes(args.sizes, args.repeats, version is not None)
    print(f"\nexport segmenter: {rows[-1]['segmenter']}\n")
    print(tables(rows))
    if args.notebooks:
        print("\n| notebook | execution (s) |\n| --- | --- |")
        for name, seconds in bench_notebooks():
            print(f"| {name} | {seconds:.1f} |")
    if args.tests:
        seconds, _, _ = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
        print(f"\nwhole test suite (unit tests and nbval): {seconds:.1f} s")


if __name__ == "__main__":
    main()
