"""Contacts, their events and the target list, in the same SQLite file and under the same owner as coach.store."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from datetime import date

from coach.contacts import Contact, ContactIn, Event, EventKind, check_move
from coach.errors import UserInputError
from coach.store import Store, _now
from coach.targets import Target, TargetIn

# Additive tables (CREATE IF NOT EXISTS): an older database gains them on first open, so the schema version stays.
SCHEMA = """
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL,
    connection TEXT NOT NULL, channel TEXT NOT NULL, email TEXT NOT NULL, url TEXT NOT NULL, notes TEXT NOT NULL,
    source TEXT NOT NULL, connected_on TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contacts_by_owner ON contacts (owner, created_at);
CREATE TABLE IF NOT EXISTS contact_events (
    id TEXT PRIMARY KEY, contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE, owner TEXT NOT NULL,
    kind TEXT NOT NULL, on_date TEXT NOT NULL, note TEXT NOT NULL, ref TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contact_events_by_owner ON contact_events (owner, contact_id, on_date);
CREATE TABLE IF NOT EXISTS targets (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL,
    alumni INTEGER NOT NULL, motivation INTEGER NOT NULL CHECK (motivation BETWEEN 1 AND 3),
    posting INTEGER NOT NULL, notes TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS targets_by_owner ON targets (owner, created_at);
"""
CONTACT_FIELDS = ("name", "role", "organisation", "connection", "channel", "email", "url", "notes", "source", "connected_on")
EDITABLE = frozenset(CONTACT_FIELDS) - {"source"}


class ContactStore:
    """One owner's contacts, events and targets, sharing a Store's connection, lock and owner."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.owner = store.owner
        # Same connection, so the same pragmas (WAL, synchronous=FULL, foreign keys) apply.
        with store._lock:
            store._db.executescript(f"BEGIN IMMEDIATE;{SCHEMA}COMMIT;")

    # Contacts

    def add_contact(self, contact: ContactIn) -> Contact:
        """Save one new contact."""
        return self.add_contacts([contact])[0]

    def add_contacts(self, contacts: Iterable[ContactIn]) -> list[Contact]:
        """Save new contacts in one transaction: all of them or, on any error, none."""
        now = _now()
        saved = [Contact(**item.model_dump(), id=uuid.uuid4().hex, owner=self.owner, created_at=now, updated_at=now) for item in contacts]
        with self.store._write() as db:
            db.executemany(
                f"INSERT INTO contacts (id, owner, {', '.join(CONTACT_FIELDS)}, created_at, updated_at) VALUES ({', '.join('?' * (len(CONTACT_FIELDS) + 4))})",
                [(c.id, c.owner, *_values(c), c.created_at, c.updated_at) for c in saved],
            )
        return saved

    def list_contacts(self) -> list[Contact]:
        """This owner's contacts in the order they were added (the order of the list)."""
        rows = self.store._read("SELECT * FROM contacts WHERE owner = ? ORDER BY created_at, rowid", (self.owner,))
        return [_contact(row) for row in rows]

    def get_contact(self, contact_id: str) -> Contact:
        """The contact with this id; KeyError if missing or not this owner's."""
        rows = self.store._read("SELECT * FROM contacts WHERE id = ? AND owner = ?", (contact_id, self.owner))
        if not rows:
            raise KeyError(f"No contact {contact_id!r} for owner {self.owner!r}.")
        return _contact(rows[0])

    def find_contact(self, ref: str) -> Contact:
        """A contact by id, id prefix (4+ characters), name or start of a name (any case), if only one matches."""
        ref = (ref or "").strip()
        contacts = self.list_contacts()
        matches = [c for c in contacts if c.id == ref]
        matches = matches or ([c for c in contacts if c.id.startswith(ref)] if len(ref) >= 4 else [])
        matches = matches or [c for c in contacts if c.name.casefold() == ref.casefold()]
        matches = matches or ([c for c in contacts if c.name.casefold().startswith(ref.casefold())] if ref else [])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise UserInputError(f"No contact {ref!r}: give a name or an id from `coach contacts list`.")
        raise UserInputError(f"{len(matches)} contacts match {ref!r}: use the id from `coach contacts list`.")

    def update_contact(self, contact_id: str, **changes: object) -> Contact:
        """Change some fields of a contact (validated like a new one)."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise UserInputError(f"These contact fields cannot be edited: {', '.join(sorted(unknown))}.")
        current = self.get_contact(contact_id)
        updated = Contact.model_validate(current.model_dump() | changes | {"updated_at": _now()})
        with self.store._write() as db:
            db.execute(
                f"UPDATE contacts SET {', '.join(f'{name} = ?' for name in CONTACT_FIELDS)}, updated_at = ? WHERE id = ? AND owner = ?",
                (*_values(updated), updated.updated_at, contact_id, self.owner),
            )
        return updated

    def delete_contact(self, contact_id: str) -> None:
        """Delete a contact and its events; KeyError if missing or not this owner's."""
        with self.store._write() as db:
            if not db.execute("DELETE FROM contacts WHERE id = ? AND owner = ?", (contact_id, self.owner)).rowcount:
                raise KeyError(f"No contact {contact_id!r} for owner {self.owner!r}.")

    # Events

    def log_event(self, contact_id: str, kind: EventKind, on: date, note: str = "", ref: str = "") -> Event:
        """Record a dated step with a contact, if the pipeline allows it after the steps already logged."""
        contact = self.get_contact(contact_id)
        with self.store._write() as db:
            history = [_event(row) for row in db.execute("SELECT * FROM contact_events WHERE contact_id = ? AND owner = ?", (contact_id, self.owner))]
            check_move(contact.name, history, kind, on)
            event = Event(id=uuid.uuid4().hex, contact_id=contact_id, kind=kind, on=on, note=note.strip()[:2000], ref=ref, created_at=_now())
            db.execute(
                "INSERT INTO contact_events (id, contact_id, owner, kind, on_date, note, ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (event.id, contact_id, self.owner, kind, on.isoformat(), event.note, ref, event.created_at),
            )
        return event

    def events(self, contact_id: str | None = None) -> list[Event]:
        """This owner's events (of one contact, or all), oldest first."""
        rows = self.store._read(
            "SELECT * FROM contact_events WHERE owner = ? AND (? IS NULL OR contact_id = ?) ORDER BY on_date, created_at, rowid",
            (self.owner, contact_id, contact_id),
        )
        return [_event(row) for row in rows]

    # Targets

    def add_target(self, target: TargetIn) -> Target:
        """Add an organisation or role to the target list."""
        record = Target(**target.model_dump(), id=uuid.uuid4().hex, owner=self.owner, created_at=_now())
        with self.store._write() as db:
            db.execute(
                "INSERT INTO targets (id, owner, organisation, role, alumni, motivation, posting, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    self.owner,
                    record.organisation,
                    record.role,
                    int(record.alumni),
                    record.motivation,
                    int(record.posting),
                    record.notes,
                    record.created_at,
                ),
            )
        return record

    def list_targets(self) -> list[Target]:
        """This owner's targets in the order they were added."""
        rows = self.store._read("SELECT * FROM targets WHERE owner = ? ORDER BY created_at, rowid", (self.owner,))
        return [Target(**{**dict(row), "alumni": bool(row["alumni"]), "posting": bool(row["posting"])}) for row in rows]

    def delete_target(self, target_id: str) -> None:
        """Remove a target; KeyError if missing or not this owner's."""
        with self.store._write() as db:
            if not db.execute("DELETE FROM targets WHERE id = ? AND owner = ?", (target_id, self.owner)).rowcount:
                raise KeyError(f"No target {target_id!r} for owner {self.owner!r}.")


def _values(contact: Contact) -> tuple:
    """The stored column values of a contact, in CONTACT_FIELDS order."""
    return tuple(value.isoformat() if isinstance(value, date) else value for value in (getattr(contact, name) for name in CONTACT_FIELDS))


def _contact(row: sqlite3.Row) -> Contact:
    return Contact.model_validate(dict(row))


def _event(row: sqlite3.Row) -> Event:
    return Event(
        id=row["id"],
        contact_id=row["contact_id"],
        kind=row["kind"],
        on=date.fromisoformat(row["on_date"]),
        note=row["note"],
        ref=row["ref"],
        created_at=row["created_at"],
    )
