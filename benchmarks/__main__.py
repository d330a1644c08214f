"""`python -m benchmarks [NAME ...]`: run benchmarks and update docs/benchmarks.md."""

from __future__ import annotations

import sys

from benchmarks import bench_features, bench_fixes, bench_interview, bench_kb, bench_llm  # noqa: F401 - registers benchmarks
from benchmarks.harness import BENCHMARKS, OUTPUT, write

TARGET_MISSED = 3  # every benchmark ran, some target was missed (a crash exits 1)


def main(names: list[str]) -> int:
    """Run the named benchmarks (all when none are named)."""
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    reports = {}
    for name in names or list(BENCHMARKS):
        print(f"running {name} ...", flush=True)
        reports[name] = BENCHMARKS[name]()
        print(reports[name].to_markdown())
    write(reports)
    print(f"wrote {OUTPUT}")
    missed = [f"{name}: {check}" for name, r in reports.items() for check, ok in r.checks if not ok]
    for line in missed:
        print(f"target missed: {line}", file=sys.stderr)
    return TARGET_MISSED if missed else 0


sys.exit(main(sys.argv[1:]))
