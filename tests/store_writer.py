"""Helper for the kill test: commit turns one by one, report each, then wait to be killed."""

import sys
import time

from coach.store import Store


def main(db_path: str, count: int) -> None:
    """Create a session, add `count` turns announcing each commit, then hang with the store open."""
    store = Store(db_path)
    session = store.create_session("nurse", "warm", 20, {"name": "Ana"})
    print(f"session {session.id}", flush=True)
    for index in range(count):
        role = "student" if index % 2 == 0 else "professional"
        turn = store.add_turn(session.id, role, f"turn {index}", t=float(index))
        print(f"committed {turn.index}", flush=True)
    while True:  # never close(): the test kills us with the connection open
        time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
