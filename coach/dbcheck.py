"""The database file's health: refused before use when it is not a Coach database, checked in full by `coach doctor`.

Nothing here changes the file. `coach doctor` keeps it where it is, makes a copy aside (once per distinct
content) and says how to recover; the store refuses an empty or foreign file instead of silently
starting a new database on top of it.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from coach.errors import CoachError

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseProblem(CoachError):
    """The database file exists but cannot be used as it is."""


def doctor_hint(path: Path) -> str:
    return f"run `coach doctor` for how to recover (it keeps {path.name} and makes a copy aside)"


def preflight(path: Path) -> None:
    """Refuse, before SQLite opens it, a file that is empty or not an SQLite database at all."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a Coach database: point COACH_DATA_DIR elsewhere or move it away.")
    size = path.stat().st_size
    if size == 0:
        raise DatabaseProblem(f"{path} is empty (0 bytes), not a Coach database: {doctor_hint(path)}, or move it away to start a new one.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseProblem(f"{path} is not an SQLite database (its header is wrong): {doctor_hint(path)}.")


def unreadable(path: Path, exc: sqlite3.DatabaseError) -> DatabaseProblem:
    """SQLite's error on a damaged file as one line with what to do."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return DatabaseProblem(f"{path} is damaged ({reason}): {doctor_hint(path)}.")


def copy_aside(path: Path) -> Path:
    """A copy of the file (and its WAL) next to it, named by a digest of its content: made once, reused after."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    copy = path.with_name(f"{path.name}.broken-{digest}")
    if not copy.exists():
        shutil.copy2(path, copy)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.copy2(side, copy.with_name(copy.name + suffix))
    return copy


def recovery(path: Path, copy: Path) -> str:
    """How to get back what can be got back, and start over if nothing can."""
    recovered = path.with_name("coach-recovered.db")
    return (
        f"{path.name} is kept as it is and a copy is at {copy}; to recover what SQLite can still read: "
        f"`sqlite3 {copy} .recover | sqlite3 {recovered}`, then `mv {path} {path}.old && mv {recovered} {path}`; "
        f"or move {path.name} away to start a new database."
    )


def check_database(path: Path, newest_schema: int) -> str:
    """One line on a healthy database; DatabaseProblem (with recovery steps) on a damaged one."""
    if not path.exists():
        return f"no database yet at {path} (it is created on first use)"
    try:
        preflight(path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise sqlite3.DatabaseError(f"integrity check: {result[0]}" + (f" (and {len(result) - 1} more problems)" if len(result) > 1 else ""))
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "schema_version" not in tables:
                raise sqlite3.DatabaseError("it has no schema_version table: it is not a Coach database")
            version = db.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            sessions = db.execute("SELECT count(*) FROM sessions").fetchone()[0] if "sessions" in tables else 0
        finally:
            db.close()
    except DatabaseProblem as exc:  # empty, or not SQLite at all: nothing for .recover to read
        copy = copy_aside(path)
        raise DatabaseProblem(
            f"{str(exc).split(':')[0]}: {path.name} is kept as it is and a copy is at {copy}; restore it from a backup, "
            f"or move it away (`mv {path} {path}.old`) to start a new database."
        ) from exc
    except sqlite3.DatabaseError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatabaseProblem(f"{path} is damaged ({reason}): {recovery(path, copy_aside(path))}") from exc
    if version is None or version > newest_schema:
        raise DatabaseProblem(f"{path} has schema {version}, this Coach reads up to {newest_schema}: upgrade Coach or point COACH_DATA_DIR at another folder.")
    return f"{path}: integrity ok, schema {version}, {sessions} sessions, {path.stat().st_size / 1e6:.1f} MB"
