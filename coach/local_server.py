"""The OpenAI-compatible llama.cpp server for a GGUF, loaded the way this CPU can run it.

`python -m coach.local_server --model FILE [llama_cpp.server options]` runs llama-cpp-python's own
server, but loads the model in the mode coach.local_runtime found to work here (probed once per CPU,
cached), so it does not crash on the first request where weight repacking does (the AMX path on Intel
Xeon). This is the real server a strong-model setup talks to, with Coach's CPU check in front.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coach.config import get_settings
from coach.errors import BackendError
from coach.local_model import runtime_choice
from coach.local_runtime import model_params_for


def model_argument(argv: list[str]) -> Path | None:
    """The value of --model in llama_cpp.server's arguments, or None."""
    for index, arg in enumerate(argv):
        if arg == "--model" and index + 1 < len(argv):
            return Path(argv[index + 1])
        if arg.startswith("--model="):
            return Path(arg.split("=", 1)[1])
    return None


def main(argv: list[str]) -> int:
    """Choose the load mode for the model, then serve it with llama_cpp.server (blocks until stopped)."""
    model = model_argument(argv)
    if model is None:
        print("usage: python -m coach.local_server --model FILE.gguf [llama_cpp.server options]", file=sys.stderr)
        return 2
    try:
        choice = runtime_choice(model, get_settings().models_dir)
    except BackendError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if choice.mode is None:  # runtime_choice raises first; this keeps the type checker informed
        return 1
    print(f"coach.local_server: {choice.reason}", file=sys.stderr)
    from llama_cpp.server.__main__ import main as serve

    sys.argv = ["llama_cpp.server", *argv]
    with model_params_for(choice.mode):  # the server loads the model inside, and keeps these defaults
        serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
