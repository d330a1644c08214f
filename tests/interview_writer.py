"""Run by test_interview's kill test: a session that saves turns until it is killed."""

import sys
from pathlib import Path

from coach.config import Settings
from coach.services import Services

data_dir = Path(sys.argv[1])
settings = Settings(backend="fake", embeddings="fake", data_dir=data_dir, models_path=Path(sys.argv[2]), _env_file=None)
services = Services(settings)
session = services.start_interview("Registered Nurse", "warm", 20)
print(f"session {session.session_id}", flush=True)
for number in range(1000):
    session.ask(f"Question {number}: what does a typical shift look like for a new nurse?").consume()
    print(f"saved {number}", flush=True)
