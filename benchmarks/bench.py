"""Benchmark the export pipeline against its floor, bare jieba, at growing corpus sizes.

Usage (from the repository root, with the study installed):

    python benchmarks/bench.py --sizes 1 10 100 [--notebooks] [--tests]

For each size N, a temporary corpus holds N copies of each of the two texts under new
doc_ids.  Two commands run in fresh processes:

- the floor: bare jieba (its general dictionary, no domain words) segmenting the same
  raw texts, including its import and dictionary load;
- the export: ``python -m helpers export --corpus DIR --out DIR`` (every stage, every table).

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


def bench_sizes(sizes: list[int], repeats: int) -> list[dict[str, float]]:
    rows = []
    for copies in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            files = make_corpus(corpus, copies)
            chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
            floor = min((run([sys.executable, "-c", FLOOR, *map(str, files)]) for _ in range(repeats)),
                        key=lambda r: r[0])
            export = min((run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus),
                               "--out", str(Path(tmp) / f"out{i}")]) for i in range(repeats)), key=lambda r: r[0])
            parallel = min((run([sys.executable, "-m", "helpers", "export", "--corpus", str(corpus), "--jobs", "2",
                                 "--out", str(Path(tmp) / f"par{i}")]) for i in range(repeats)), key=lambda r: r[0])
            rows.append({"copies": copies, "documents": len(files), "characters": chars,
                         "floor_s": floor[0], "export_s": export[0], "ratio": export[0] / floor[0],
                         "parallel_s": parallel[0], "parallel_ratio": parallel[0] / floor[0],
                         "floor_mb": floor[1], "export_mb": export[1], "parallel_mb": parallel[1],
                         "export_tree_mb": export[2], "parallel_tree_mb": parallel[2]})
            print(f"{copies:>4}x: floor {floor[0]:.2f} s, export {export[0]:.2f} s (ratio {export[0] / floor[0]:.2f}), "
                  f"--jobs 2 {parallel[0]:.2f} s (ratio {parallel[0] / floor[0]:.2f}), "
                  f"memory {floor[1]:.0f} / {export[1]:.0f} / {parallel[1]:.0f} MB, "
                  f"whole tree {export[2]:.0f} / {parallel[2]:.0f} MB", flush=True)
    return rows


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
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rows = bench_sizes(args.sizes, args.repeats)
    print("\n| corpus | documents | characters | bare jieba (s) | export (s) | ratio | export --jobs 2 (s) | ratio "
          "| peak RSS, largest process: jieba / export / --jobs 2 (MB) | peak PSS, all processes: export / --jobs 2 (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['copies']}x | {r['documents']} | {r['characters']:,} | {r['floor_s']:.2f} | {r['export_s']:.2f} | "
              f"{r['ratio']:.2f} | {r['parallel_s']:.2f} | {r['parallel_ratio']:.2f} | "
              f"{r['floor_mb']:.0f} / {r['export_mb']:.0f} / {r['parallel_mb']:.0f} | "
              f"{r['export_tree_mb']:.0f} / {r['parallel_tree_mb']:.0f} |")
    if args.notebooks:
        print("\n| notebook | execution (s) |\n| --- | --- |")
        for name, seconds in bench_notebooks():
            print(f"| {name} | {seconds:.1f} |")
    if args.tests:
        seconds, _, _ = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
        print(f"\nwhole test suite (unit tests and nbval): {seconds:.1f} s")


if __name__ == "__main__":
    main()
