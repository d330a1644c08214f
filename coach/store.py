"""Persistence of sessions, turns, feedback, saved items and drafts in one SQLite file."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from coach.dbcheck import preflight, unreadable
from coach.errors import CoachError, NotFound, SessionChanged

SCHEMA_VERSION = 1
TURN_ROLES = ("student", "professional")
CHANGED = "This session changed in another window or process since it was opened here."

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, role TEXT NOT NULL,
    temperament TEXT NOT NULL, minutes INTEGER NOT NULL, persona TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'ended')), title TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_by_owner ON sessions (owner, created_at);
CREATE TABLE IF NOT EXISTS turns (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, owner TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('student', 'professional')),
    text TEXT NOT NULL, t REAL, grounding TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (session_id, idx));
CREATE TABLE IF NOT EXISTS feedback (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    owner TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
    payload TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_by_owner ON items (owner, kind, created_at);
CREATE TABLE IF NOT EXISTS drafts (
    owner TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (owner, key));
"""


class SessionRecord(BaseModel):
    """One mock interview: its setup, persona and status."""

    id: str
    owner: str
    role: str
    temperament: str
    minutes: int
    persona: dict
    status: Literal["active", "ended"]
    created_at: str
    updated_at: str
    title: str


class TurnRecord(BaseModel):
    """One message of a session, numbered from 0."""

    session_id: str
    index: int
    role: Literal["student", "professional"]
    text: str
    t: float | None
    grounding: list[dict]
    created_at: str
    reply: dict = {}  # a professional turn: where its text came from (source model|grounded), timings, gate failures


class ItemRecord(BaseModel):
    """A saved result (a review, a question plan) the user can come back to."""

    id: str
    owner: str
    kind: str
    title: str
    payload: dict
    created_at: str


def _now() -> str:
    """The current UTC time as ISO 8601 with microseconds, so it sorts as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    """JSON that keeps unicode readable in the file."""
    return json.dumps(value, ensure_ascii=False)


class Store:
    """All reads and writes of one owner's records; safe to share between threads."""

    def __init__(self, path: str | Path, owner: str = "local") -> None:
        if not owner:
            raise ValueError("A store needs a non-empty owner id.")
        self.path = Path(path)
        self.owner = owner
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection behind a lock: Streamlit calls us from several threads.
        self._lock = threading.RLock()
        preflight(self.path)  # an empty or foreign file is refused, never silently turned into a new database
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        self._db.row_factory = sqlite3.Row
        try:
            self._configure()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if type(exc) is not sqlite3.DatabaseError:  # locked, a constraint: not damage
                raise
            raise unreadable(self.path, exc) from exc

    def _configure(self) -> None:
        """Set the durability pragmas and create or check the schema."""
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._db.execute("PRAGMA journal_mode = WAL")
        # FULL fsyncs the WAL on every commit: a committed turn survives a crash.
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        # executescript() commits whatever is open, so the schema gets its own transaction.
        self._db.executescript(f"BEGIN IMMEDIATE;{SCHEMA}COMMIT;")
        with self._write() as db:
            row = db.execute("SELECT max(version) FROM schema_version").fetchone()
            if row[0] is None:
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise CoachError(f"{self.path} was written by a newer Coach (schema {row[0]}); upgrade Coach or point it at another data directory.")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed as soon as the block ends."""
        with self._lock, self._damage_named():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def _damage_named(self) -> Iterator[None]:
        """SQLite's 'malformed' / 'not a database' (exactly DatabaseError) as one line saying how to recover."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:
                raise
            raise unreadable(self.path, exc) from exc

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """Rows of one query, under the lock."""
        with self._lock, self._damage_named():
            return self._db.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Sessions

    def create_session(self, role: str, temperament: str, minutes: int, persona: dict, title: str = "") -> SessionRecord:
        """Start a new active session for this owner."""
        now = _now()
        record = SessionRecord(
            id=uuid.uuid4().hex,
            owner=self.owner,
            role=role,
            temperament=temperament,
            minutes=minutes,
            persona=persona,
            status="active",
            created_at=now,
            updated_at=now,
            title=title,
        )
        with self._write() as db:
            db.execute(
                "INSERT INTO sessions (id, owner, role, temperament, minutes, persona, status,"
                " title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.id, record.owner, role, temperament, minutes, _dumps(persona), record.status, title, now, now),
            )
        return record

    def get_session(self, session_id: str) -> SessionRecord:
        """The session with this id; KeyError if it is missing or not this owner's."""
        rows = self._read("SELECT * FROM sessions WHERE id = ? AND owner = ?", (session_id, self.owner))
        if not rows:
            raise NotFound(f"No session {session_id} (it does not exist, or it is not yours).")
        return _session(rows[0])

    def list_sessions(self, limit: int = 100) -> list[SessionRecord]:
        """This owner's sessions, newest first."""
        rows = self._read(
            "SELECT * FROM sessions WHERE owner = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (self.owner, limit),
        )
        return [_session(row) for row in rows]

    def end_session(self, session_id: str) -> None:
        """Mark a session as ended."""
        with self._write() as db:
            self._require(db, session_id)
            db.execute(
                "UPDATE sessions SET status = 'ended', updated_at = ? WHERE id = ?",
                (_now(), session_id),
            )

    def delete_session(self, session_id: str) -> None:
        """Delete a session with its turns and feedback."""
        with self._write() as db:
            self._require(db, session_id)
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def _require(self, db: sqlite3.Connection, session_id: str) -> None:
        """Raise KeyError unless this owner has the session."""
        found = db.execute("SELECT 1 FROM sessions WHERE id = ? AND owner = ?", (session_id, self.owner)).fetchone()
        if found is None:
            raise NotFound(f"No session {session_id} (it does not exist, or it is not yours).")

    # Turns

    def add_turn(
        self,
        session_id: str,
        role: str,
        text: str,
        t: float | None = None,
        grounding: list[dict] | None = None,
        expect_index: int | None = None,
        reply: dict | None = None,
    ) -> TurnRecord:
        """Append a turn at the next index and commit it.

        A writer that passes `expect_index` (the number of turns it has seen) is refused with SessionChanged
        when another window or process wrote in between, so two writers never interleave their turns.
        """
        if role not in TURN_ROLES:
            raise ValueError(f"A turn's role must be 'student' or 'professional', not {role!r}.")
        now = _now()
        with self._write() as db:
            self._require(db, session_id)
            (index,) = db.execute("SELECT coalesce(max(idx) + 1, 0) FROM turns WHERE session_id = ?", (session_id,)).fetchone()
            if expect_index is not None and index != expect_index:
                raise SessionChanged(CHANGED)
            record = TurnRecord.model_validate(
                {
                    "session_id": session_id,
                    "index": index,
                    "role": role,
                    "text": text,
                    "t": t,
                    "grounding": grounding or [],
                    "created_at": now,
                    "reply": reply or {},
                }
            )
            # The grounding column holds the passages, and with them the reply's record when there is one.
            stored = {"passages": record.grounding, "reply": record.reply} if record.reply else record.grounding
            db.execute(
                "INSERT INTO turns (session_id, idx, owner, role, text, t, grounding, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, index, self.owner, role, text, t, _dumps(stored), now),
            )
            db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (now, session_id))
        return record

    def turns(self, session_id: str) -> list[TurnRecord]:
        """The session's turns in order."""
        return self.load_session(session_id)[1]

    def load_session(self, session_id: str) -> tuple[SessionRecord, list[TurnRecord]]:
        """A session and its turns in order: two reads."""
        session = self.get_session(session_id)
        rows = self._read(
            "SELECT * FROM turns WHERE session_id = ? AND owner = ? ORDER BY idx",
            (session_id, self.owner),
        )
        return session, [_turn(row) for row in rows]

    def rewind(self, session_id: str, keep: int, expect_count: int | None = None) -> int:
        """Delete the turns from index `keep` on; return how many went (refused if the session changed, see add_turn)."""
        if keep < 0:
            raise ValueError(f"Cannot keep a negative number of turns ({keep}).")
        with self._write() as db:
            self._require(db, session_id)
            if expect_count is not None:
                (count,) = db.execute("SELECT coalesce(max(idx) + 1, 0) FROM turns WHERE session_id = ?", (session_id,)).fetchone()
                if count != expect_count:
                    raise SessionChanged(CHANGED)
            deleted = db.execute("DELETE FROM turns WHERE session_id = ? AND idx >= ?", (session_id, keep)).rowcount
            db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (_now(), session_id))
        return deleted

    # Feedback

    def save_feedback(self, session_id: str, feedback: dict) -> None:
        """Store (or replace) the feedback of a session."""
        with self._write() as db:
            self._require(db, session_id)
            db.execute(
                "INSERT OR REPLACE INTO feedback (session_id, owner, payload, created_at) VALUES (?, ?, ?, ?)",
                (session_id, self.owner, _dumps(feedback), _now()),
            )

    def get_feedback(self, session_id: str) -> dict | None:
        """The saved feedback of a session, or None."""
        self.get_session(session_id)
        rows = self._read(
            "SELECT payload FROM feedback WHERE session_id = ? AND owner = ?",
            (session_id, self.owner),
        )
        return json.loads(rows[0]["payload"]) if rows else None

    # Saved items

    def save_item(self, kind: str, title: str, payload: dict) -> ItemRecord:
        """Save a result such as a review or a question plan."""
        record = ItemRecord(
            id=uuid.uuid4().hex,
            owner=self.owner,
            kind=kind,
            title=title,
            payload=payload,
            created_at=_now(),
        )
        with self._write() as db:
            db.execute(
                "INSERT INTO items (id, owner, kind, title, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (record.id, self.owner, kind, title, _dumps(payload), record.created_at),
            )
        return record

    def list_items(self, kind: str | None = None) -> list[ItemRecord]:
        """This owner's saved items, of one kind or all, newest first."""
        rows = self._read(
            "SELECT * FROM items WHERE owner = ? AND (? IS NULL OR kind = ?) ORDER BY created_at DESC, rowid DESC",
            (self.owner, kind, kind),
        )
        return [_item(row) for row in rows]

    def get_item(self, item_id: str) -> ItemRecord:
        """The saved item with this id; KeyError if missing or not this owner's."""
        rows = self._read("SELECT * FROM items WHERE id = ? AND owner = ?", (item_id, self.owner))
        if not rows:
            raise NotFound(f"No saved item {item_id} (it does not exist, or it is not yours).")
        return _item(rows[0])

    def delete_item(self, item_id: str) -> None:
        """Delete a saved item; KeyError if missing or not this owner's."""
        with self._write() as db:
            deleted = db.execute("DELETE FROM items WHERE id = ? AND owner = ?", (item_id, self.owner)).rowcount
            if not deleted:
                raise NotFound(f"No saved item {item_id} (it does not exist, or it is not yours).")

    # Drafts

    def save_draft(self, key: str, text: str) -> None:
        """Autosave the text of one input box, replacing the previous draft."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO drafts (owner, key, text, updated_at) VALUES (?, ?, ?, ?)",
                (self.owner, key, text, _now()),
            )

    def load_draft(self, key: str) -> str | None:
        """The last autosaved text for this key, or None."""
        rows = self._read("SELECT text FROM drafts WHERE owner = ? AND key = ?", (self.owner, key))
        return rows[0]["text"] if rows else None


def _session(row: sqlite3.Row) -> SessionRecord:
    """A SessionRecord from its row."""
    return SessionRecord(**{**dict(row), "persona": json.loads(row["persona"])})


def _turn(row: sqlite3.Row) -> TurnRecord:
    """A TurnRecord from its row."""
    return TurnRecord(
        session_id=row["session_id"],
        index=row["idx"],
        role=row["role"],
        text=row["text"],
        t=row["t"],
        grounding=stored["passages"] if isinstance(stored := json.loads(row["grounding"]), dict) else stored,
        created_at=row["created_at"],
        reply=stored.get("reply", {}) if isinstance(stored, dict) else {},
    )


def _item(row: sqlite3.Row) -> ItemRecord:
    """An ItemRecord from its row."""
    return ItemRecord(**{**dict(row), "payload": json.loads(row["payload"])})
