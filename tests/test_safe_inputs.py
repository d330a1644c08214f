"""Issue 14 through real `coach` processes: every bad input is refused at once with exit 2 and one line, no traceback,
and nothing the user wrote is lost (failed turns, resumed turns, two writers, same-named notes, a failed rewrite)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from coach.config import DATA_DIR, Settings
from coach.services import Services
from coach.store import Store

REPO = Path(__file__).resolve().parents[1]
# A refusal happens before the heavy imports: the whole process, interpreter start included, ends within this.
REFUSE_SECONDS = 1.0
# What needs the store or the index opened (chromadb's import alone takes a second or two on a busy machine).
OPEN_SECONDS = 15.0
NOTE = "# Beekeeper\n\n## A day\nI inspect the hives for the queen every spring morning.\n"
THANKS = "Dear Ms Okonkwo,\n\nThank you for the call on Monday about grant writing.\n\nBest,\nSam"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> dict:
    """Fake backend and embeddings over an index of the shipped notes in a temp data dir."""
    data = tmp_path_factory.mktemp("safe-data")
    Services(Settings(backend="fake", embeddings="fake", data_dir=data, models_path=models_dir, _env_file=None)).kb.ingest(DATA_DIR / "knowledge")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    return {**inherited, "COACH_BACKEND": "fake", "COACH_EMBEDDINGS": "fake", "COACH_DATA_DIR": str(data), "COACH_MODELS_PATH": str(models_dir)}


class Ran:
    """A finished `coach` process: exit code, output, and how long it took."""

    def __init__(self, result: subprocess.CompletedProcess, seconds: float) -> None:
        self.code, self.seconds = result.returncode, seconds
        self.out = result.stdout.decode("utf-8", "replace")
        self.err = result.stderr.decode("utf-8", "replace")

    def refused(self, fragment: str, seconds: float = REFUSE_SECONDS, code: int = 2) -> str:
        """Assert exit code, one error line containing fragment, no traceback, within seconds; return the line."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert self.code == code, f"exit {self.code}\nstdout: {self.out[-800:]}\nstderr: {self.err[-1500:]}"
        assert "Traceback" not in self.err + self.out, self.err
        assert len(lines) == 1, f"expected one line on stderr, got {lines}"
        assert fragment in lines[0], lines[0]
        assert self.seconds < seconds, f"took {self.seconds:.2f} s (limit {seconds} s): {lines[0]}"
        return lines[0]


def coach(env: dict, *args: str | bytes, stdin: bytes | None = None, extra: dict | None = None, timeout: float = 120) -> Ran:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "coach", *args], input=stdin, capture_output=True, env={**env, **(extra or {})}, cwd=REPO, timeout=timeout)
    return Ran(result, time.monotonic() - started)


def owner_store(env: dict) -> Store:
    return Store(Path(env["COACH_DATA_DIR"]) / "coach.db", owner="local")


# Limits: exit 2, one line, well under a second


@pytest.mark.parametrize(("args", "fragment"), [(["-k", "-3"], "-k must be between 1 and 50 (got -3)"), (["-k", "100000"], "-k must be between 1 and 50")])
def test_search_hits_are_bounded(env: dict, args: list[str], fragment: str) -> None:
    coach(env, "kb", "search", "night shifts", *args).refused(fragment)


@pytest.mark.parametrize("n", ["0", "100000", "-1"])
def test_question_count_is_bounded(env: dict, n: str) -> None:
    coach(env, "questions", "--role", "Data Scientist", "-n", n).refused("-n must be between 6 and 20")


def test_a_huge_queries_file_is_refused_before_any_search(env: dict, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("what does a nurse do on nights\n" * 170_000)  # about 5 MB
    coach(env, "kb", "search", "--queries", str(queries)).refused("a queries file may hold at most 256,000 bytes")


def test_too_many_or_too_long_queries_are_refused(env: dict, tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_text("\n".join(f"query {i}" for i in range(501)))
    coach(env, "kb", "search", "--queries", str(many)).refused("has 501 queries; the limit is 500")
    long = tmp_path / "long.txt"
    long.write_text("fine query\n" + "x" * 1001 + "\n")
    coach(env, "kb", "search", "--queries", str(long)).refused("line 2 is 1,001 characters; the limit is 1,000")


@pytest.mark.parametrize(
    "command",
    [
        ["questions", "--role"],
        ["kb", "search", "night shifts", "--role"],
        ["interview", "chat", "--role"],
    ],
)
def test_non_utf8_bytes_in_role_are_refused(env: dict, command: list[str]) -> None:
    coach(env, *command, b"Nur\xff\xfese").refused("--role is not UTF-8 text")


def test_a_long_role_is_refused(env: dict) -> None:
    coach(env, "questions", "--role", "Data Scientist " * 20).refused("--role is 299 characters; the limit is 80")


def test_deeply_nested_json_is_refused(env: dict, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    coach(env, "interview", "feedback", str(deep)).refused("nests deeper than 32 levels")


def test_a_huge_transcript_turn_is_refused(env: dict, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"minutes_agreed": 20, "turns": [{"role": "student", "text": "word " * 960_000}]}))  # 4.8 MB
    coach(env, "interview", "feedback", str(huge)).refused("the limit for a transcript is 1,000,000")
    long = tmp_path / "long.json"
    long.write_text(json.dumps({"minutes_agreed": 20, "turns": [{"role": "student", "text": "word " * 4000}]}))
    coach(env, "interview", "feedback", str(long)).refused("turn 1 is 20,000 characters; the limit for one turn is 10,000")


def test_too_many_transcript_turns_are_refused(env: dict, tmp_path: Path) -> None:
    turns = [{"role": "student" if i % 2 == 0 else "professional", "text": "Fine."} for i in range(401)]
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"minutes_agreed": 20, "turns": turns}))
    coach(env, "interview", "feedback", str(many)).refused("has 401 turns; the limit is 400")


@pytest.mark.parametrize(
    ("dates", "fragment"),
    [
        (["--meeting-date", "2026-03-02xyz"], "--meeting-date '2026-03-02xyz' is not a date: use YYYY-MM-DD"),
        (["--meeting-date", "2026-02-30"], "--meeting-date 2026-02-30 is not a real day (day is out of range for month)"),
        (["--sent-date", "03/04/2026"], "--sent-date '03/04/2026' is not a date"),
        (["--meeting-date", "2026-03-02", "--sent-date", "2026-03-01"], "--sent-date 2026-03-01 is before --meeting-date 2026-03-02"),
    ],
)
def test_dates_are_strict_and_name_their_flag(env: dict, tmp_path: Path, dates: list[str], fragment: str) -> None:
    note = tmp_path / "thanks.txt"
    note.write_text(THANKS)
    coach(env, "review", "thank-you", str(note), *dates).refused(fragment)


def test_a_huge_message_is_refused(env: dict, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Ana, could we talk? " * 2000)
    coach(env, "review", "outreach", str(draft)).refused("the limit for a message is 20,000")


@pytest.mark.parametrize(("content", "fragment"), [("", "is empty"), ("  \n\t \n", "is empty"), ("Hi\x00\x01\x02 Ana", "binary")])
def test_an_empty_or_binary_message_file_is_refused_before_anything_loads(env: dict, tmp_path: Path, content: str, fragment: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(content)
    coach(env, "review", "outreach", str(draft)).refused(fragment)


# Clear errors where the store or the index is involved


def test_resuming_an_unknown_session_is_one_line(env: dict) -> None:
    coach(env, "interview", "chat", "--role", "Data Scientist", "--resume", "deadbeef", stdin=b"/quit\n").refused("No session deadbeef", seconds=OPEN_SECONDS)


def test_random_bytes_in_a_note_are_refused_before_indexing(env: dict, tmp_path: Path) -> None:
    noise = bytes(b % 255 + 1 for b in hashlib.sha256(b"seed").digest() * 400)  # no NUL byte anywhere
    note = tmp_path / "noise.md"
    note.write_bytes(noise)
    ran = coach(env, "kb", "add", str(note), "--db", str(tmp_path / "db"))
    assert ran.code == 2 and "Traceback" not in ran.err and ran.seconds < OPEN_SECONDS
    assert "noise.md: does not look like text" in ran.err, ran.err
    listed = coach(env, "kb", "list", "--mine", "--json", "--db", str(tmp_path / "db"))
    assert json.loads(listed.out) == []


def test_notes_with_the_same_name_from_two_folders_are_not_lost(env: dict, tmp_path: Path) -> None:
    db = str(tmp_path / "db")
    for folder, line in (("x", "Spring inspections."), ("y", "Winter feeding.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text(f"# Beekeeper {folder}\n\n## Season\n{line}\n")
    both = coach(env, "kb", "add", str(tmp_path / "x" / "notes.md"), str(tmp_path / "y" / "notes.md"), "--db", db)
    assert "a note named notes.md is already yours" in both.err and "rename the file" in both.err, both.err
    again = coach(env, "kb", "add", str(tmp_path / "x" / "notes.md"), "--db", db)
    assert again.code == 0, again.err
    rows = json.loads(coach(env, "kb", "list", "--mine", "--json", "--db", db).out)
    assert [row["path"] for row in rows] == ["notes.md"] and rows[0]["role"] == "Beekeeper x"
    (tmp_path / "y" / "winter-notes.md").write_text((tmp_path / "y" / "notes.md").read_text())
    renamed = coach(env, "kb", "add", str(tmp_path / "y" / "winter-notes.md"), "--db", db)
    assert renamed.code == 0, renamed.err
    assert {row["path"] for row in json.loads(coach(env, "kb", "list", "--mine", "--json", "--db", db).out)} == {"notes.md", "winter-notes.md"}


# A damaged database


def _damaged(kind: str, path: Path) -> None:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "junk header":
        path.write_bytes(b"this is not a database at all\n" * 200)
    else:  # truncated: a real database cut in half
        with Store(path) as store:
            for i in range(60):
                store.create_session("Data Scientist", "warm", 20, {"name": f"P{i}", "notes": "x" * 2000})
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)


@pytest.mark.parametrize("kind", ["empty", "junk header", "truncated"])
def test_a_damaged_database_is_named_kept_and_copied_aside(env: dict, tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "coach.db"
    _damaged(kind, db)
    before = db.read_bytes()
    extra = {"COACH_DATA_DIR": str(data)}
    chat = coach(env, "interview", "chat", "--role", "Data Scientist", stdin=b"/quit\n", extra=extra)
    chat.refused("run `coach doctor` for how to recover", seconds=OPEN_SECONDS)
    assert db.read_bytes() == before, "the damaged file was changed"
    doctor = coach(env, "doctor", extra={**extra, "COACH_CHROMA_PATH": str(tmp_path / "chroma")})
    assert doctor.code == 1 and "Traceback" not in doctor.out + doctor.err
    line = next(line for line in doctor.out.splitlines() if " database:" in line)
    assert line.startswith("FAIL database:") and "is kept as it is and a copy is at" in line, line
    assert (".recover" if kind == "truncated" else "restore it from a backup") in line, line
    copies = [copy for copy in data.glob("coach.db.broken-*") if not copy.name.endswith(("-wal", "-shm"))]
    assert len(copies) == 1 and copies[0].read_bytes() == before
    assert db.read_bytes() == before
    coach(env, "doctor", extra={**extra, "COACH_CHROMA_PATH": str(tmp_path / "chroma")})
    again = [copy for copy in data.glob("coach.db.broken-*") if not copy.name.endswith(("-wal", "-shm"))]
    assert again == copies, "a second doctor run made a second copy of the same file"


def test_doctor_checks_a_healthy_database(env: dict, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data / "coach.db"):
        pass
    doctor = coach(env, "doctor", "--json", extra={"COACH_DATA_DIR": str(data), "COACH_CHROMA_PATH": str(tmp_path / "chroma")})
    check = next(c for c in json.loads(doctor.out) if c["name"] == "database")
    assert check["ok"] and "integrity ok, schema" in check["detail"]


# A model server that fails: garbage and HTTP 500


class _Broken(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.server.behaviour == "garbage":  # type: ignore[attr-defined]
            status, body = 200, bytes(range(1, 256)) * 4
        else:
            status, body = 500, b'{"error": {"message": "internal failure"}}'
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(params=["garbage", "500"])
def broken_server(request: pytest.FixtureRequest) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    server.behaviour = request.param  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def _model_env(url: str) -> dict:
    return {"COACH_BACKEND": "openai-compatible", "OPENAI_BASE_URL": url, "COACH_REQUEST_TIMEOUT": "5", "COACH_FIRST_BYTE_TIMEOUT": "5"}


def test_lint_results_are_printed_when_the_rewrite_fails(env: dict, tmp_path: Path, broken_server: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Jane, can you get me a job at your company? I attached my resume.\n\nThanks,\nSam")
    ran = coach(env, "review", "outreach", str(draft), "--rewrite", extra=_model_env(broken_server))
    line = ran.refused(f"The model server at {broken_server}", seconds=OPEN_SECONDS, code=1)
    assert "HTTP 500" in line or "not an OpenAI-compatible response" in line, line
    assert "outreach (email): score" in ran.out and "job-ask" in ran.out, ran.out


def test_a_model_that_fails_never_ends_the_chat(env: dict, tmp_path: Path, broken_server: str) -> None:
    data = tmp_path / "data"
    extra = {**_model_env(broken_server), "COACH_DATA_DIR": str(data), "COACH_CHROMA_PATH": str(Path(env["COACH_DATA_DIR"]) / "chroma")}
    ran = coach(
        env, "interview", "chat", "--role", "Data Scientist", stdin=b"What does a typical week look like?\nHow did you get started?\n/quit\n", extra=extra
    )
    assert ran.code == 0 and "Traceback" not in ran.err + ran.out, ran.err
    with Store(data / "coach.db") as store:
        (session,) = store.list_sessions()
        turns = store.turns(session.id)
    # The grounded answer stands in for the model's: every question is asked and answered.
    assert [t.role for t in turns] == ["student", "professional"] * 2
    assert [t.text for t in turns if t.role == "student"] == ["What does a typical week look like?", "How did you get started?"]


# A turn that fails (here the knowledge index, injected) keeps its question: Enter sends it again.
FLAKY = """
import sys
from coach.errors import KnowledgeError
from coach.services import Services

original, failures = Services.ask, int(sys.argv[1])

def flaky(self, session, text):
    reply = original(self, session, text)  # the question is saved, then the turn fails
    global failures
    if failures:
        failures -= 1
        raise KnowledgeError("The Chroma server at http://127.0.0.1:9 did not answer: is `chroma run` running? Check COACH_CHROMA_URL.")
    return reply

Services.ask = flaky
from coach.cli import main
sys.exit(main(sys.argv[2:]))
"""


def flaky_chat(env: dict, data: Path, failures: int, stdin: bytes, *args: str) -> Ran:
    extra = {"COACH_DATA_DIR": str(data), "COACH_CHROMA_PATH": str(Path(env["COACH_DATA_DIR"]) / "chroma")}
    started = time.monotonic()
    command = [sys.executable, "-c", FLAKY, str(failures), "interview", "chat", "--role", "Data Scientist", *args]
    result = subprocess.run(command, input=stdin, capture_output=True, env={**env, **extra}, cwd=REPO, timeout=120)
    return Ran(result, time.monotonic() - started)


def saved_turns(data: Path) -> list:
    with Store(data / "coach.db") as store:
        (session,) = store.list_sessions()
        return store.turns(session.id)


def test_pressing_enter_after_a_failed_turn_sends_the_question_again(env: dict, tmp_path: Path) -> None:
    ran = flaky_chat(env, tmp_path / "data", 1, b"What does a typical week look like?\n\nHow did you get started?\n/quit\n")
    assert ran.code == 0 and "Traceback" not in ran.err + ran.out, ran.err
    errors = [line for line in ran.err.splitlines() if line.strip()]
    assert errors == ["coach: error: The Chroma server at http://127.0.0.1:9 did not answer: is `chroma run` running? Check COACH_CHROMA_URL."]
    assert ran.out.count("Your question is kept") == 1
    turns = saved_turns(tmp_path / "data")
    assert [t.role for t in turns] == ["student", "professional"] * 2
    assert [t.text for t in turns if t.role == "student"] == ["What does a typical week look like?", "How did you get started?"]


def test_a_new_question_after_a_failed_turn_replaces_it_at_the_users_word(env: dict, tmp_path: Path) -> None:
    ran = flaky_chat(env, tmp_path / "data", 1, b"What does a typical week look like?\nHow did you get started?\n/quit\n")
    assert ran.code == 0 and "press Enter to send it again, or type another question to replace it" in ran.out
    turns = saved_turns(tmp_path / "data")
    assert [(t.role, t.text) for t in turns][0] == ("student", "How did you get started?") and len(turns) == 2


def test_resume_answers_the_unanswered_question_instead_of_dropping_it(env: dict, tmp_path: Path) -> None:
    data = tmp_path / "data"
    failed = flaky_chat(env, data, 99, b"What does a typical week look like?\n/quit\n")
    assert failed.code == 0 and "saved without an answer" in failed.out, failed.out
    turns = saved_turns(data)
    assert [(t.role, t.text) for t in turns] == [("student", "What does a typical week look like?")]
    extra = {"COACH_DATA_DIR": str(data), "COACH_CHROMA_PATH": str(Path(env["COACH_DATA_DIR"]) / "chroma")}
    resumed = coach(
        env, "interview", "chat", "--role", "Data Scientist", "--resume", turns[0].session_id, stdin=b"Who else should I talk to?\n/quit\n", extra=extra
    )
    assert resumed.code == 0 and "no answer yet" in resumed.out, resumed.err
    turns = saved_turns(data)
    assert [t.role for t in turns] == ["student", "professional"] * 2
    assert [t.text for t in turns if t.role == "student"] == ["What does a typical week look like?", "Who else should I talk to?"]


# Two writers on one session


def test_two_processes_on_one_session_lose_nothing_and_never_double_a_role(env: dict, tmp_path: Path) -> None:
    data = tmp_path / "data"
    extra = {"COACH_DATA_DIR": str(data), "COACH_CHROMA_PATH": str(Path(env["COACH_DATA_DIR"]) / "chroma")}
    started = coach(env, "interview", "chat", "--role", "Data Scientist", stdin=b"/quit\n", extra=extra)
    assert started.code == 0, started.err
    with Store(data / "coach.db") as store:
        (session,) = store.list_sessions()
    scripts = {name: [f"{name} question {i}?" for i in range(25)] for name in ("A", "B")}
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "coach", "interview", "chat", "--role", "Data Scientist", "--resume", session.id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**env, **extra},
            cwd=REPO,
        )
        for name in scripts
    }
    # Each question is followed by an empty line: Enter sends a refused question again.
    outputs = {name: processes[name].communicate(("\n\n".join(lines) + "\n\n/quit\n").encode(), timeout=300) for name, lines in scripts.items()}
    for name, (out, err) in outputs.items():
        assert processes[name].returncode == 0 and b"Traceback" not in out + err, err.decode()
    with Store(data / "coach.db") as store:
        turns = store.turns(session.id)
    roles = [t.role for t in turns]
    assert all(a != b for a, b in zip(roles, roles[1:])), f"same-role turns in a row: {roles}"
    saved = [t.text for t in turns if t.role == "student"]
    for name, lines in scripts.items():
        out = outputs[name][0].decode()
        for line in lines:
            # Every question is either in the session or was shown back to its writer as not sent.
            assert line in saved or f"Not sent: {line}" in out, (name, line)
    assert len(saved) >= 25, f"only {len(saved)} of 50 questions were saved"
    assert len(saved) == len(set(saved)), f"a question was saved twice: {sorted(q for q in set(saved) if saved.count(q) > 1)}"
