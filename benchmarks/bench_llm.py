"""The local model through Coach's seam versus raw llama.cpp on the same prompt and tokens."""

from __future__ import annotations

from langchain_core.messages import HumanMessage, SystemMessage

from benchmarks.harness import Metric, Report, benchmark
from benchmarks.raw_llama import local, raw_pieces, timed
from coach.config import Settings
from coach.llm import get_chat_model, stream

RUNS = 7
MAX_TOKENS = 96
SYSTEM = (
    "You are Dana, a registered nurse with eight years on a cardiac unit, answering a student's questions in an "
    "informational interview. Answer in the first person, in two or three sentences, from your own experience. "
) * 3
QUESTION = "What does a typical twelve-hour shift look like for a new graduate nurse on your unit?"


@benchmark("llm-seam")
def llm_seam() -> Report:
    """Time to first token and tokens/s, through coach and raw, alternating runs."""
    model = local(get_chat_model(Settings(backend="local", max_tokens=MAX_TOKENS, temperature=0.0, _env_file=None)))
    llama = model.llama
    messages = [SystemMessage(content=SYSTEM), HumanMessage(content=QUESTION)]
    raw_messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": QUESTION}]
    results: dict[str, dict[str, list[float]]] = {"coach": {"ttft": [], "tps": []}, "raw": {"ttft": [], "tps": []}}
    texts = {}
    for run in range(RUNS + 1):
        for name in ("raw", "coach") if run % 2 else ("coach", "raw"):
            llama.reset()  # no prompt-prefix reuse between runs: both pay the full prompt
            pieces = stream(model, messages) if name == "coach" else raw_pieces(llama, raw_messages, MAX_TOKENS, 0.0, model.repeat_penalty)
            ttft, total, text = timed(pieces)
            tokens = len(llama.tokenize(text.encode(), add_bos=False))
            if run == 0:
                continue  # warm-up
            results[name]["ttft"].append(ttft * 1000)
            results[name]["tps"].append((tokens - 1) / max(total - ttft, 1e-9))
            texts[name] = text
    report = Report("Local model: Coach seam vs raw llama.cpp (SmolLM2-135M Q4_1, greedy, 96 tokens max)")
    for name in ("raw", "coach"):
        report.metrics.append(Metric(f"{name}: time to first token", "ms", results[name]["ttft"]))
        report.metrics.append(Metric(f"{name}: generation speed", "tokens/s", results[name]["tps"]))
    tps_ratio = Metric("tokens/s ratio coach / raw", "ratio", [c / r for c, r in zip(results["coach"]["tps"], results["raw"]["tps"])])
    report.metrics.append(tps_ratio)
    raw_ttft, coach_ttft = Metric("", "", results["raw"]["ttft"]).median, Metric("", "", results["coach"]["ttft"]).median
    report.checks.append((f"coach tokens/s is {tps_ratio.median:.3f} of raw (target ≥ 0.95)", tps_ratio.median >= 0.95))
    report.checks.append(
        (f"coach TTFT {coach_ttft:.1f} ms vs raw {raw_ttft:.1f} ms (target ≤ raw × 1.1 + 20 ms = {raw_ttft * 1.1 + 20:.1f})", coach_ttft <= raw_ttft * 1.1 + 20)
    )
    report.notes.append(f"Same greedy output both ways: {texts.get('coach') == texts.get('raw')}.")
    report.notes.append(
        "Both paths run the same llama.cpp call on the same loaded model (runs alternate, cache reset before "
        "each), so a ratio above 1 is not a real speed-up of the seam."
    )
    return report


@benchmark("llm-repack")
def llm_repack() -> Report:
    """Raw llama.cpp tokens/s with weight repacking on and off, on this CPU, alternating runs."""
    from llama_cpp import Llama

    from coach.assets import bundled_gguf
    from coach.local_model import runtime_choice
    from coach.local_runtime import Mode, cpu_fingerprint, model_params_for

    settings = Settings(backend="local", _env_file=None)
    path = settings.model_path or bundled_gguf()
    choice = runtime_choice(path, settings.models_dir, "auto")
    modes: list[Mode] = ["repack", "plain"] if choice.mode == "repack" else ["plain"]  # never load a crashing mode
    models = {}
    for mode in modes:
        with model_params_for(mode):
            models[mode] = Llama(model_path=str(path), n_ctx=2048, n_threads=settings.threads, verbose=False)
    raw_messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": QUESTION}]
    speeds: dict[str, list[float]] = {mode: [] for mode in modes}
    for run in range(RUNS + 1):
        for mode in modes if run % 2 else modes[::-1]:
            llama = models[mode]
            llama.reset()
            ttft, total, text = timed(raw_pieces(llama, raw_messages, MAX_TOKENS, 0.0, 1.15))
            if run:
                speeds[mode].append((len(llama.tokenize(text.encode(), add_bos=False)) - 1) / max(total - ttft, 1e-9))
    report = Report(f"Local model: weight repacking on vs off (raw llama.cpp, {settings.threads} thread(s), 96 tokens max)")
    for mode in modes:
        report.metrics.append(Metric(f"raw, {'repacking on' if mode == 'repack' else 'repacking off'}: generation speed", "tokens/s", speeds[mode]))
    report.notes.append(f"Mode Coach runs in on this CPU (probe {cpu_fingerprint()}): {choice.mode} — {choice.reason}.")
    report.checks.append((f"the probe chose a mode that runs ({choice.mode})", choice.mode is not None))
    return report
