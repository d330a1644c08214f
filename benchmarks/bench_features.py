"""Feature benchmarks: linting, question plans and interview turns on the local model, feedback."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.harness import Metric, Report, benchmark
from benchmarks.raw_llama import local, raw_timing
from coach.config import DATA_DIR, PROJECT_ROOT, Settings
from coach.feedback import feedback
from coach.planner import PlanRequest
from coach.review import review
from coach.rubric.transcript import Transcript
from coach.services import Services
from tests.datasets import labelled_messages

ROLES = [
    "Software Engineer",
    "Data Scientist",
    "Registered Nurse",
    "Teacher",
    "Lawyer",
    "Investment Banker",
    "Policy Analyst",
    "Journalist",
    "Mechanical Engineer",
    "Pharmacist",
]


def _local_services(tmp: str) -> Services:
    settings = Settings(backend="local", data_dir=Path(tmp), models_path=PROJECT_ROOT / "data" / "models", _env_file=None)
    services = Services(settings)
    services.kb.ingest(DATA_DIR / "knowledge")
    return services


@benchmark("lint")
def lint_benchmark() -> Report:
    """Lint 1,000 messages (the development set repeated, then 1,000 distinct ones) and one 1 MB message."""
    from tests.datasets import independent_messages

    records = labelled_messages()
    repeated = _lint_runs((records * (1000 // len(records) + 1))[:1000], forget=False)
    distinct_records = (records + independent_messages("tune"))[:1000]
    _lint_runs(distinct_records, forget=False, runs=1)  # every sentence embedded once: that cost is the cold metric's
    distinct = _lint_runs(distinct_records, forget=True)
    huge = "Subject: Hi\nHi Sam,\n\n" + "I would love to learn about your work in design. " * 21000
    big = []
    for _ in range(3):
        start = time.perf_counter()
        review(huge, "outreach")
        big.append(time.perf_counter() - start)
    cold = _cold_lint_ms()
    report = Report("Message review: rubric linting")
    report.metrics += [
        Metric("lint 1,000 messages (development set repeated)", "s", repeated),
        Metric(f"lint {len(distinct_records):,} distinct messages (development set and tune half), pattern searches forgotten", "s", distinct),
        Metric(f"lint one {len(huge) / 1e6:.1f} MB message", "s", big),
    ]
    report.metrics.append(Metric("lint one unseen message, caches empty (sentence classifier embeds it)", "ms", cold))
    report.notes.append(
        "Repeated messages find their sentences' searches and judgements in the caches after the first pass, as a draft "
        "linted again does. The distinct run empties the pattern caches before each pass and keeps the sentence "
        "embeddings (embedding an unseen sentence is the cold metric's cost): it is the throughput on text not seen before."
    )
    report.checks.append((f"1,000 messages in {min(repeated):.2f} s (target < 2 s)", min(repeated) < 2))
    report.checks.append((f"1,000 distinct messages in {min(distinct):.2f} s (target < 2 s)", min(distinct) < 2))
    report.checks.append((f"1 MB message in {min(big):.2f} s (target < 1 s)", min(big) < 1))
    return report


def _forget_searches() -> None:
    """Empty the caches of pattern searches and sentence tests, so a pass reads its text as new."""
    from coach.rubric import concepts
    from coach.rubric.patterns import Vocabulary

    Vocabulary.forget()
    concepts.is_request.cache_clear()
    concepts._clause_matching.cache_clear()


def _lint_runs(records: list[dict], forget: bool, runs: int = 5) -> list[float]:
    """Seconds to review every record, once per run; `forget` empties the search caches before each run."""
    totals = []
    for _ in range(runs):
        if forget:
            _forget_searches()
        start = time.perf_counter()
        for item in records:
            review(item["text"], item["kind"], item.get("channel", "email"), item.get("meeting_date"), item.get("sent_date"))
        totals.append(time.perf_counter() - start)
    return totals


def _cold_lint_ms() -> list[float]:
    """Per-message lint time on distinct messages (development set and the tune half) with every cache emptied."""
    from coach.rubric import semantic
    from tests.datasets import independent_messages, lint_record

    semantic.enabled()  # the model is loaded once per process; that is not per-message cost
    semantic._cache.clear()
    semantic._judged.clear()
    _forget_searches()
    times = []
    for item in labelled_messages() + independent_messages("tune"):
        start = time.perf_counter()
        lint_record(item)
        times.append((time.perf_counter() - start) * 1000)
    return times


@benchmark("planner")
def planner_benchmark() -> Report:
    """Question plan latency with the local model over 10 roles."""
    with tempfile.TemporaryDirectory() as tmp:
        services = _local_services(tmp)
        services.plan(PlanRequest(role="Actuary"))  # warm-up: model loaded
        latencies = []
        for role in ROLES:
            start = time.perf_counter()
            services.plan(PlanRequest(role=role, background="I'm a history graduate working in retail.", goal="change careers"))
            latencies.append(time.perf_counter() - start)
    report = Report("Question planner on the local model (SmolLM2-135M), 10 roles")
    report.metrics.append(Metric("plan latency", "s", latencies))
    return report


def _ttft(reply) -> float:
    start = time.perf_counter()
    first = None
    for piece in reply:
        if piece and first is None:
            first = time.perf_counter() - start
    return (first or 0.0) * 1000


@benchmark("interview")
def interview_benchmark() -> Report:
    """First visible text at turn 1 and turn 12, the model's own time to first token on both prompts; feedback for 30 turns."""
    questions = [
        "What does a typical day look like for you?",
        "How has the field changed since you started?",
        "What surprised you in your first year?",
        "What would you do in my place?",
        "Which skills matter most?",
        "What mistakes do newcomers make?",
        "What small project could I try?",
        "Which groups should I join?",
        "How is technology changing the work?",
        "What do you wish you had known?",
        "How did you choose this path?",
        "Who else should I talk to?",
    ]
    shown: dict[int, list[float]] = {1: [], 12: []}
    raw: dict[int, list[float]] = {1: [], 12: []}
    with tempfile.TemporaryDirectory() as tmp:
        services = _local_services(tmp)
        services.settings = services.settings.model_copy(update={"max_tokens": 48})
        model = local(services.model)
        for _ in range(3):
            session = services.start_interview("Pharmacist", "warm", 60)
            model.llama.reset()  # a new conversation: nothing cached from the last run
            for number, question in enumerate(questions, 1):
                reply = session.ask(question)
                ttft = _ttft(reply)
                if number not in shown:
                    continue
                shown[number].append(ttft)
                if reply.gated is not None and reply.gated.plan.messages is not None:
                    raw[number].append(raw_timing(model, reply.gated.plan.messages, 48)[0] * 1000)
        turns = [
            {
                "role": "student" if i % 2 else "professional",
                "text": questions[i % 12] if i % 2 else "On my team we plan the week on Monday and review results on Friday. " * 3,
            }
            for i in range(30)
        ]
        transcript = Transcript(minutes_agreed=20, turns=turns)
        feedback_times = []
        for _ in range(3):
            start = time.perf_counter()
            feedback(transcript, services.model)
            feedback_times.append(time.perf_counter() - start)
    report = Report("Mock interview on the local model (SmolLM2-135M, 48-token replies)")
    report.metrics += [Metric(f"first visible text at turn {n}", "ms", shown[n]) for n in shown]
    report.metrics += [Metric(f"model's first token on turn {n}'s prompt (raw llama.cpp, cache reset)", "ms", raw[n]) for n in raw if raw[n]]
    report.metrics.append(Metric("feedback for a 30-turn transcript (rules + model summary)", "s", feedback_times))
    if raw[1] and raw[12]:
        one, twelve = Metric("", "", raw[1]).median, Metric("", "", raw[12]).median
        report.checks.append((f"the model's time to first token on turn 12's prompt is {twelve / one:.2f}× turn 1's (target ≤ 1.5×)", twelve <= 1.5 * one))
    report.notes.append(
        "The prompt carries the chosen passages and the last turns, not the whole conversation, so the model's time to "
        "first token should not grow with the turn number; first visible text also depends on whether the model's reply "
        "or the grounded answer is shown (the grounded one is shown at once, a refused model reply after its deadline)."
    )
    return report
