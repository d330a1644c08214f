"""Contacts in and out: LinkedIn's Connections.csv, a plain CSV, CSV export and an .ics calendar of reminders."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel

from coach.contacts import LABELS, Contact, ContactIn, Event, new_contact, stage_after
from coach.errors import UserInputError
from coach.reminders import Reminder

MAX_BYTES = 10 * 1024 * 1024  # a LinkedIn export of its 30,000-connection cap is about 3 MB
MAX_ROWS = 30_000  # LinkedIn's own cap on connections
MAX_CELL = 2000
LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
MONTHS = {name: number for number, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# Column names a spreadsheet might use for each field, compared without case, spaces, dashes or underscores.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "contact"),
    "first": ("firstname", "givenname"),
    "last": ("lastname", "surname", "familyname"),
    "role": ("role", "position", "title", "jobtitle"),
    "organisation": ("organisation", "organization", "company", "employer", "org"),
    "connection": ("connection", "howyoufoundthem", "howfound", "tie"),
    "channel": ("channel",),
    "email": ("email", "emailaddress", "mail"),
    "url": ("url", "profile", "profileurl", "linkedin", "link"),
    "notes": ("notes", "note"),
    "connected_on": ("connectedon",),
}
EXPORT_COLUMNS = ("name", "role", "organisation", "connection", "channel", "email", "url", "notes", "stage", "last_event", "last_event_on", "id")
Format = Literal["auto", "linkedin", "csv"]


class ImportResult(BaseModel):
    """The contacts a file holds (nothing is saved yet), what kind of file it was and how many rows were empty."""

    format: Literal["linkedin", "csv"]
    contacts: list[ContactIn]
    skipped: int = 0


def read_contacts(data: bytes, name: str = "the file", fmt: Format = "auto") -> ImportResult:
    """Every contact in a LinkedIn or plain CSV file, or one UserInputError naming the first problem."""
    text = _decode(data, name)
    rows = _rows(text, name)
    header_at = _linkedin_header(rows) if fmt in ("auto", "linkedin") else None
    if header_at is not None:
        return _linkedin(rows, header_at, name)
    if fmt == "linkedin":
        raise UserInputError(f"{name} has no LinkedIn header line ({', '.join(LINKEDIN_HEADER)}): export it again from LinkedIn, or import it as a plain CSV.")
    return _plain(rows, name)


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise UserInputError(f"{name} is {len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB: split it and import the parts.")
    if not data.strip():
        raise UserInputError(f"{name} is empty.")
    if b"\0" in data:
        raise UserInputError(f"{name} is not a text file (it holds NUL bytes): export it as CSV.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserInputError(f"{name} is not UTF-8 text (byte {exc.start}): save it as CSV UTF-8 and try again.") from exc


def _rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for every non-blank record; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS + 50:  # the note lines and header come on top of the rows
                raise UserInputError(f"{name} has more than {MAX_ROWS:,} rows: split it and import the parts.")
    except csv.Error as exc:
        raise UserInputError(f"{name}, line {reader.line_num}: not valid CSV ({exc}).") from exc
    return rows


def _linkedin_header(rows: list[tuple[int, list[str]]]) -> int | None:
    """Index of LinkedIn's header row: the note lines LinkedIn writes before it are skipped."""
    for index, (_, cells) in enumerate(rows[:20]):
        if tuple(cell.strip() for cell in cells[:2]) == LINKEDIN_HEADER[:2] and "Connected On" in cells:
            return index
    return None


def _linkedin(rows: list[tuple[int, list[str]]], header_at: int, name: str) -> ImportResult:
    header = [cell.strip() for cell in rows[header_at][1]]
    missing = [column for column in LINKEDIN_HEADER if column not in header]
    if missing:
        raise UserInputError(f"{name}: LinkedIn's header lacks {', '.join(missing)}.")
    contacts, skipped = [], 0
    for line, cells in _records(rows[header_at + 1 :], len(header), name):
        cell = dict(zip(header, cells))
        full_name = " ".join(part for part in (cell["First Name"].strip(), cell["Last Name"].strip()) if part)
        if not full_name:  # LinkedIn leaves members who hide their name blank: nothing to import
            skipped += 1
            continue
        contacts.append(
            _contact(
                line,
                name,
                name=full_name,
                role=cell["Position"],
                organisation=cell["Company"],
                email=cell["Email Address"],
                url=cell["URL"],
                channel="linkedin",
                source="linkedin",
                connected_on=_date(cell["Connected On"], line, name),
            )
        )
    return ImportResult(format="linkedin", contacts=contacts, skipped=skipped)


def _plain(rows: list[tuple[int, list[str]]], name: str) -> ImportResult:
    if not rows:
        raise UserInputError(f"{name} is empty.")
    header = [_field(cell) for cell in rows[0][1]]
    if "name" not in header and "first" not in header:
        raise UserInputError(f"{name}: the first line must be a header with a Name (or First Name) column; it reads {', '.join(rows[0][1])[:120]!r}.")
    contacts, skipped = [], 0
    for line, cells in _records(rows[1:], len(header), name):
        cell = {field: value.strip() for field, value in zip(header, cells) if field}
        full_name = cell.get("name") or " ".join(p for p in (cell.get("first", ""), cell.get("last", "")) if p)
        if not full_name:
            skipped += 1
            continue
        fields = {key: cell[key] for key in ("role", "organisation", "connection", "email", "url", "notes") if cell.get(key)}
        if cell.get("channel"):
            fields["channel"] = cell["channel"].lower()
        contacts.append(_contact(line, name, name=full_name, source="csv", **fields, connected_on=_date(cell.get("connected_on", ""), line, name)))
    return ImportResult(format="csv", contacts=contacts, skipped=skipped)


def _records(rows: list[tuple[int, list[str]]], width: int, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of the header's width (a trailing empty cell is forgiven), each cell within the size limit."""
    if len(rows) > MAX_ROWS:
        raise UserInputError(f"{name} has {len(rows):,} rows; the limit is {MAX_ROWS:,}: split it and import the parts.")
    for line, cells in rows:
        while len(cells) > width and not cells[-1].strip():
            cells = cells[:-1]
        if len(cells) != width:
            raise UserInputError(f"{name}, line {line}: {len(cells)} fields where the header has {width} (a comma inside a value needs quotes).")
        if any(len(cell) > MAX_CELL for cell in cells):
            raise UserInputError(f"{name}, line {line}: a value is longer than {MAX_CELL} characters.")
        yield line, cells


def _field(column: str) -> str:
    key = "".join(ch for ch in column.casefold() if ch.isalnum())
    return next((field for field, names in ALIASES.items() if key in names), "")


def _contact(line: int, file_name: str, **fields: object) -> ContactIn:
    try:
        return new_contact(**fields)
    except UserInputError as exc:
        raise UserInputError(f"{file_name}, line {line}: {exc}") from exc


def _date(value: str, line: int, name: str) -> date | None:
    """LinkedIn's "07 Mar 2024" (English month names whatever the locale), or ISO 8601; empty is None."""
    value = value.strip()
    if not value:
        return None
    parts = value.split()
    try:
        if len(parts) == 3 and parts[1][:3].lower() in MONTHS:
            return date(int(parts[2]), MONTHS[parts[1][:3].lower()], int(parts[0]))
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserInputError(f"{name}, line {line}: {value!r} is not a date like '07 Mar 2024' or 2024-03-07.") from exc


def contacts_csv(contacts: Sequence[Contact], events: Sequence[Event]) -> str:
    """The contacts as CSV with their stage and last event; it imports again as a plain CSV."""
    by_contact: dict[str, list[Event]] = {}
    for event in events:
        by_contact.setdefault(event.contact_id, []).append(event)
    output = io.StringIO(newline="")
    writer = csv.writer(output)
    writer.writerow(EXPORT_COLUMNS)
    for contact in contacts:
        history = sorted(by_contact.get(contact.id, []), key=lambda e: (e.on, e.created_at))
        last = history[-1] if history else None
        writer.writerow(
            [
                contact.name,
                contact.role,
                contact.organisation,
                contact.connection,
                contact.channel,
                contact.email,
                contact.url,
                contact.notes,
                LABELS[stage_after(history)],
                LABELS[last.kind] if last else "",
                last.on.isoformat() if last else "",
                contact.id,
            ]
        )
    return output.getvalue()


def reminders_ics(reminders: Sequence[Reminder], stamp: datetime | None = None) -> bytes:
    """An iCalendar file with one all-day event per reminder, on the day it falls due."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Coach//Network reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Coach: follow-ups")
    stamp = stamp or datetime.now(UTC)
    for reminder in reminders:
        entry = CalendarEvent()
        entry.add("uid", f"{reminder.rule}-{reminder.contact_id}-{reminder.since.isoformat()}@coach.invalid")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", reminder.due_on)
        entry.add("dtend", reminder.due_on + timedelta(days=1))
        entry.add("summary", f"{reminder.rule}: {reminder.contact_name}" + (f" ({reminder.organisation})" if reminder.organisation else ""))
        entry.add("description", "\n\n".join(part for part in (reminder.message, reminder.why, reminder.draft) if part))
        entry.add("categories", ["Coach", reminder.rule])
        calendar.add_component(entry)
    return calendar.to_ical()


def without_duplicates(existing: Sequence[Contact], incoming: Sequence[ContactIn]) -> tuple[list[ContactIn], int]:
    """The incoming contacts not already known (same profile URL, same e-mail, or same name and organisation)."""
    seen: set[tuple[str, str]] = set()

    def keys(contact: ContactIn) -> list[tuple[str, str]]:
        found = [("who", f"{contact.name.casefold()}|{contact.organisation.casefold()}")]
        found += [("url", contact.url.rstrip("/").casefold())] if contact.url else []
        return found + ([("email", contact.email.casefold())] if contact.email else [])

    for known in existing:
        seen.update(keys(known))
    fresh: list[ContactIn] = []
    for contact in incoming:
        if seen.isdisjoint(keys(contact)):
            fresh.append(contact)
        seen.update(keys(contact))
    return fresh, len(incoming) - len(fresh)
