"""The mock interview on the default local model: scripted 12-turn sessions for 10 roles, beside raw llama.cpp."""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.harness import Metric, Report, benchmark
from benchmarks.raw_llama import local, raw_timing
from coach.config import DATA_DIR, Settings
from coach.gate import check_output
from coach.services import Services
from coach.text import word_count

ROLES = [
    ("Pharmacist", "warm"),
    ("Registered Nurse", "busy"),
    ("Software Engineer", "skeptical"),
    ("Data Scientist", "warm"),
    ("Teacher", "busy"),
    ("Journalist", "skeptical"),
    ("Civil Engineer", "warm"),
    ("Social Worker", "busy"),
    ("Sommelier", "warm"),  # no note: general lines
    ("Nurse Practitioner", "skeptical"),  # no note: a related one
]
SCRIPT = [
    "Hi, I'm Sam, a second-year student exploring this field. Thank you for making the time!",
    "What does a typical day look like for you?",
    "How did you get into this work?",
    "Which skills matter most in your job?",
    "What is the hardest part of the work?",
    "What surprised you most when you started?",
    "How is the field changing right now?",
    "Tell me about your job.",
    "What would you do in my place?",
    "What small project could I try to test whether this suits me?",
    "Who else should I talk to?",
    "Thank you so much for your time today!",
]
TTFT_TARGET, FULL_TARGET = 1.5, 5.0


def _bucket(reason: str) -> str:
    """A gate reason without its particulars ('adds facts not in its sources: X' -> 'adds facts not in its sources')."""
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()


@benchmark("interview-grounded")
def interview() -> Report:
    """Replies per session, model vs grounded, gate failures, TTFT and full-reply p50/p95, words, beside raw llama.cpp."""
    roles = ROLES[: int(os.environ.get("COACH_BENCH_ROLES", len(ROLES)))]
    folder = Path(tempfile.mkdtemp(prefix="coach-bench-interview-"))
    settings = Settings(backend="local", data_dir=folder / "data", chroma_path=folder / "chroma", _env_file=None)
    services = Services(settings)
    services.kb.ingest(DATA_DIR / "knowledge")
    model = local(services.model)
    first, full, words, per_session, raw_first, raw_full = [], [], [], [], [], []
    sources: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    failing_shown = 0
    for role, temperament in roles:
        session = services.start_interview(role, temperament, 30)
        replies = 0
        for text in SCRIPT:
            reply = services.ask(session, text)
            reply.consume()
            replies += 1
            if reply.gated is None:
                continue
            gated = reply.gated
            sources[gated.source] += 1
            failures.update(_bucket(r) for r in gated.gate_reasons)
            first.append(gated.timings.get("first_text_s", gated.timings["total_s"]))
            full.append(gated.timings["total_s"])
            words.append(word_count(gated.text))
            failing_shown += not check_output(gated.text, gated.plan.spec).passed
            if gated.plan.messages is not None:
                ttft, total = raw_timing(model, gated.plan.messages, gated.max_tokens)
                raw_first.append(ttft)
                raw_full.append(total)
        per_session.append(replies)
    report = Report(f"Mock interview on the default local model: {len(roles)} roles x {len(SCRIPT)} scripted turns")
    report.metrics += [
        Metric("replies per session", "replies", [float(n) for n in per_session]),
        Metric("first visible text", "s", first),
        Metric("full reply", "s", full),
        Metric("words per reply", "words", [float(w) for w in words]),
    ]
    if raw_first:
        report.metrics += [
            Metric("raw llama.cpp: first token (same prompts)", "s", raw_first),
            Metric("raw llama.cpp: whole reply (same prompts)", "s", raw_full),
        ]
    total = sum(sources.values()) or 1
    report.notes.append(
        f"Shown from the model: {sources['model']} of {total} ({sources['model'] / total:.0%}); grounded: {sources['grounded']} ({sources['grounded'] / total:.0%})."
    )
    report.notes.append("Gate failures by reason (model attempts): " + (", ".join(f"{reason} {n}" for reason, n in failures.most_common()) or "none") + ".")
    report.checks += [
        (f"first visible text p50 {statistics.median(first):.2f} s (target <= {TTFT_TARGET} s)", statistics.median(first) <= TTFT_TARGET),
        (f"full reply p50 {statistics.median(full):.2f} s (target <= {FULL_TARGET} s)", statistics.median(full) <= FULL_TARGET),
        (f"every shown reply passes the gate ({failing_shown} failed)", failing_shown == 0),
    ]
    report.notes.append(f"llama.cpp threads: {settings.threads}. The machine may be shared: compare with the raw rows, run on the same prompts right after.")
    return report
