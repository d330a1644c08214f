"""How the bundled llama.cpp build can run on this CPU, decided by child processes that may crash.

Some llama.cpp builds crash on the first decode when they repack weights into the CPU's extra buffer
types (seen with the AMX path on Intel Xeon). Repacking is tried in a child process first; if the
child dies, the model is loaded without it; if that dies too, the local model is reported unusable.
The verdict is cached per CPU, llama.cpp version and model file, so the probe runs once per machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import platform
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

Mode = Literal["repack", "plain"]
Preference = Literal["auto", "on", "off"]
PROBE_SECONDS = 180.0  # a cold load plus a few tokens takes about 2 s; a slow disk or busy CPU more
SWITCH_HINT = "set COACH_BACKEND=openai-compatible with OPENAI_BASE_URL, or rebuild llama-cpp-python (`make rebuild-llama`)"


@dataclass(frozen=True)
class Attempt:
    """How one child process fared with one mode."""

    mode: Mode
    ok: bool
    detail: str


@dataclass(frozen=True)
class RuntimeChoice:
    """The mode to load the model in (None: it cannot run here), and why."""

    mode: Mode | None
    reason: str
    attempts: tuple[Attempt, ...] = ()


def cpu_fingerprint() -> str:
    """The CPU's model name, architecture and feature flags, hashed."""
    info = ""
    with contextlib.suppress(OSError):
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    keys = ("model name", "flags", "Features", "CPU implementer", "CPU part")
    lines = sorted({line.strip() for line in info.splitlines() if line.split(":")[0].strip() in keys})
    return hashlib.sha256("\n".join([platform.machine(), *lines]).encode()).hexdigest()[:16]


def llama_version() -> str:
    """The installed llama-cpp-python version, or 'missing'."""
    try:
        return metadata.version("llama_cpp_python")
    except metadata.PackageNotFoundError:
        return "missing"


def describe_exit(returncode: int) -> str:
    """A child's exit status in words: a signal name for a crash."""
    if returncode < 0:
        import signal

        with contextlib.suppress(ValueError):
            return f"crashed with {signal.Signals(-returncode).name}"
        return f"crashed with signal {-returncode}"
    return f"exited with status {returncode}"


def run_child(command: list[str], mode: Mode, seconds: float = PROBE_SECONDS) -> Attempt:
    """Run a probe command in a child process; a crash, error or time-out is a failed attempt."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        return Attempt(mode, False, f"did not finish within {seconds:.0f} s")
    except OSError as exc:
        return Attempt(mode, False, f"could not start: {exc}")
    if done.returncode == 0:
        return Attempt(mode, True, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "ok")
    last = (done.stderr.strip().splitlines() or [""])[-1][:200]
    return Attempt(mode, False, describe_exit(done.returncode) + (f": {last}" if last else ""))


def probe_command(model_path: Path, mode: Mode) -> list[str]:
    """The child command that loads the model in a mode and generates a few tokens."""
    return [sys.executable, "-m", "coach.local_probe", str(model_path), mode]


def decide(attempt: Callable[[Mode], Attempt], preference: Preference = "auto") -> RuntimeChoice:
    """Repacking where it runs, plain where only that runs, None where neither does."""
    orders: dict[Preference, tuple[Mode, ...]] = {"auto": ("repack", "plain"), "on": ("repack",), "off": ("plain",)}
    order = orders[preference]
    attempts: list[Attempt] = []
    for mode in order:
        result = attempt(mode)
        attempts.append(result)
        if result.ok:
            if mode == "plain" and preference == "auto":
                reason = f"weight repacking {attempts[0].detail}; loading without it"
            else:
                reason = f"{'weight repacking' if mode == 'repack' else 'no repacking'} ({preference})"
            return RuntimeChoice(mode, reason, tuple(attempts))
    tried = "; ".join(f"{a.mode}: {a.detail}" for a in attempts)
    return RuntimeChoice(None, f"The local model cannot run on this CPU ({tried}): {SWITCH_HINT}.", tuple(attempts))


_choices: dict[str, RuntimeChoice] = {}
_choices_lock = threading.Lock()


def verdict_file(model_path: Path, cache_dir: Path, preference: Preference = "auto") -> Path:
    """Where the verdict for this CPU, llama.cpp build, model file and preference is kept."""
    key = hashlib.sha256(f"{cpu_fingerprint()}|{llama_version()}|{model_path.resolve()}|{model_path.stat().st_size}|{preference}".encode()).hexdigest()[:20]
    return cache_dir / f"llama-runtime-{key}.json"


def choose_mode(model_path: Path, cache_dir: Path, preference: Preference = "auto") -> RuntimeChoice:
    """The cached verdict for this CPU, build and model; probes in child processes when there is none."""
    cache_file = verdict_file(model_path, cache_dir, preference)
    key = cache_file.name
    with _choices_lock:
        if key in _choices:
            return _choices[key]
        choice = _read_cached(cache_file)
        if choice is None:
            choice = decide(lambda mode: run_child(probe_command(model_path, mode), mode), preference)
            _write_cached(cache_file, choice)
        _choices[key] = choice
        return choice


def _read_cached(path: Path) -> RuntimeChoice | None:
    """A verdict saved by an earlier probe, or None when absent or unreadable."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        attempts = tuple(Attempt(**a) for a in saved["attempts"])
        return RuntimeChoice(saved["mode"], saved["reason"], attempts)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cached(path: Path, choice: RuntimeChoice) -> None:
    """Save a verdict; an unwritable folder only costs a probe next time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(choice)), encoding="utf-8")


@contextlib.contextmanager
def model_params_for(mode: Mode) -> Iterator[None]:
    """While loading, llama.cpp's default model parameters with repacking on or off.

    llama-cpp-python's Llama() takes no use_extra_bufts argument; it reads the library's defaults,
    so those are wrapped for the duration of the load (callers hold the model-loading lock).
    """
    import llama_cpp.llama_cpp as native

    original = native.llama_model_default_params

    def params():
        values = original()
        values.use_extra_bufts = mode == "repack"
        return values

    native.llama_model_default_params = params
    try:
        yield
    finally:
        native.llama_model_default_params = original
