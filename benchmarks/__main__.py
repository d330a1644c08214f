"""`python -m benchmarks [NAME ...]`: run benchmarks and update docs/benchmarks.md."""

from __future__ import annotations

import sys

from benchmarks import bench_features, bench_kb, bench_llm  # noqa: F401 - registers benchmarks
from benchmarks.harness import BENCHMARKS, OUTPUT, write


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
    return 0 if all(ok for r in reports.values() for _, ok in r.checks) else 1


sys.exit(main(sys.argv[1:]))
