"""Child process: load a GGUF in one mode and decode a few tokens (`python -m coach.local_probe FILE MODE`).

Run by coach.local_runtime, never in the main process: if this build crashes, only the child dies.
"""

from __future__ import annotations

import json
import sys
import time
from typing import get_args

from coach.local_runtime import Mode, model_params_for


def main(argv: list[str]) -> int:
    """Load, generate up to 8 tokens, print a JSON line with the speed; exit 0 on success."""
    if len(argv) != 2 or argv[1] not in get_args(Mode):
        print("usage: python -m coach.local_probe MODEL.gguf repack|plain", file=sys.stderr)
        return 2
    from llama_cpp import Llama

    path, mode = argv
    with model_params_for(mode):  # type: ignore[arg-type]
        llama = Llama(model_path=path, n_ctx=512, n_threads=1, verbose=False)
    start = time.perf_counter()
    out = llama.create_chat_completion(messages=[{"role": "user", "content": "Say hello."}], max_tokens=8, temperature=0.0)
    tokens = out["usage"]["completion_tokens"]  # type: ignore[index]
    print(json.dumps({"mode": mode, "tokens": tokens, "seconds": round(time.perf_counter() - start, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
