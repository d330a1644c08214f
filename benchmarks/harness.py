"""A tiny benchmark harness: named benchmarks, repeated runs, a Markdown table per benchmark."""

from __future__ import annotations

import os
import platform
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


@dataclass
class Metric:
    """Samples of one measured quantity."""

    name: str
    unit: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Report:
    """What a benchmark measured and how it compares with its targets."""

    title: str
    metrics: list[Metric] = field(default_factory=list)
    checks: list[tuple[str, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        lines = [f"### {self.title}", "", "| metric | median | p5 – p95 | runs | unit |", "| --- | ---: | ---: | ---: | --- |"]
        for m in self.metrics:
            lines.append(f"| {m.name} | {m.median:.4g} | {m.percentile(0.05):.4g} – {m.percentile(0.95):.4g} | {len(m.samples)} | {m.unit} |")
        lines.append("")
        lines += [f"- {'PASS' if ok else 'FAIL'}: {text}" for text, ok in self.checks]
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


BENCHMARKS: dict[str, Callable[[], Report]] = {}


def benchmark(name: str) -> Callable[[Callable[[], Report]], Callable[[], Report]]:
    """Register a benchmark under a name."""

    def register(function: Callable[[], Report]) -> Callable[[], Report]:
        BENCHMARKS[name] = function
        return function

    return register


def machine() -> str:
    """One line describing this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        memory = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0.0
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def write(reports: dict[str, Report], output: Path = OUTPUT) -> None:
    """Replace each benchmark's section in the Markdown file, keeping the others."""
    text = output.read_text() if output.exists() else ""
    first_section = text.find("<!-- bench:")
    body = text[first_section:] if first_section >= 0 else ""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    for name, report in reports.items():
        section = f"<!-- bench:{name} -->\n{report.to_markdown()}_Run {stamp}._\n<!-- /bench:{name} -->"
        pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.DOTALL)
        found = pattern.search(body)
        body = body[: found.start()] + section + body[found.end() :] if found else body.rstrip() + "\n\n" + section + "\n"
    header = f"# Benchmarks\n\nWritten by `make bench` (`python -m benchmarks`).\n\nMachine: {machine()}\n\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(header + body.lstrip())
