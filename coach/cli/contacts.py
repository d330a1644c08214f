"""`coach contacts`: add, list, log, import, export and see what is due in your network."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from coach.cli.common import Subcommands, emit_json
from coach.errors import UserInputError

if TYPE_CHECKING:
    from coach.services import Services

EVENT_CHOICES = ("reached_out", "followed_up", "replied", "scheduled", "met", "thanked", "keeping_in_touch", "no_reply", "declined")


def register(subcommands: Subcommands) -> None:
    """Add `contacts` and its actions."""
    contacts = subcommands.add_parser("contacts", help="your network: contacts, dated events, follow-up reminders")
    actions = contacts.add_subparsers(dest="contacts", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a contact")
    add.add_argument("name")
    add.add_argument("--role", default="")
    add.add_argument("--organisation", "--org", default="")
    add.add_argument("--connection", default="", help="how you found them (the tie your outreach names)")
    add.add_argument("--channel", choices=["email", "linkedin", "phone", "in person", "other"], default="email")
    add.add_argument("--email", default="")
    add.add_argument("--url", default="", help="profile URL")
    add.add_argument("--notes", default="")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="list contacts with their stage")
    listing.set_defaults(handler=run_list)
    log = actions.add_parser("log", help="log a dated event: reached_out, replied, met, thanked...")
    log.add_argument("contact", help="name or id (from `coach contacts list`)")
    log.add_argument("event", choices=EVENT_CHOICES)
    log.add_argument("--note", default="")
    log.set_defaults(handler=run_log)
    imported = actions.add_parser("import", help="import LinkedIn's Connections.csv or a plain CSV")
    imported.add_argument("file", type=Path)
    imported.add_argument("--format", choices=["auto", "linkedin", "csv"], default="auto")
    imported.set_defaults(handler=run_import)
    export = actions.add_parser("export", help="export contacts as CSV, or reminders as an .ics calendar")
    export.add_argument("--format", choices=["csv", "ics"], default="csv")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=run_export)
    due = actions.add_parser("due", help="what is due on a day, oldest first, with the rule that made it due")
    due.set_defaults(handler=run_due)
    for parser in (log, export, due):
        parser.add_argument("--on", type=_day, default=None, help="YYYY-MM-DD (default: today)")
    for parser in (add, listing, log, imported, due):
        parser.add_argument("--json", action="store_true")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from exc


def run_add(args: argparse.Namespace, services: Services) -> int:
    """Add one contact and print its id."""
    from coach.contacts import new_contact

    fields = {name: getattr(args, name) for name in ("name", "role", "organisation", "connection", "channel", "email", "url", "notes")}
    contact = services.contacts().add_contact(new_contact(**fields))
    if args.json:
        emit_json(contact.model_dump(mode="json"))
    else:
        print(f"added {contact.name} ({contact.id[:8]})")
    return 0


def run_list(args: argparse.Namespace, services: Services) -> int:
    """One line per contact: id, stage, name, role and organisation."""
    from coach.contacts import LABELS, stage_after

    store = services.contacts()
    events = store.events()
    rows = []
    for contact in store.list_contacts():
        stage = stage_after(e for e in events if e.contact_id == contact.id)
        rows.append(contact.model_dump(mode="json") | {"stage": stage})
    if args.json:
        emit_json(rows)
        return 0
    for row in rows:
        where = " · ".join(part for part in (row["role"], row["organisation"]) if part)
        print(f"{row['id'][:8]}  {LABELS[row['stage']]:16} {row['name']}{'  (' + where + ')' if where else ''}")
    if not rows:
        print("No contacts yet: `coach contacts add NAME` or `coach contacts import Connections.csv`.")
    return 0


def run_log(args: argparse.Namespace, services: Services) -> int:
    """Log an event for a contact on a day (today by default)."""
    from coach.contacts import LABELS

    store = services.contacts()
    contact = store.find_contact(args.contact)
    event = store.log_event(contact.id, args.event, args.on or date.today(), note=args.note)
    if args.json:
        emit_json(event.model_dump(mode="json"))
    else:
        print(f"{contact.name}: {LABELS[event.kind]} on {event.on.isoformat()}")
    return 0


def run_import(args: argparse.Namespace, services: Services) -> int:
    """Import a whole file or nothing."""
    if not args.file.is_file():
        raise UserInputError(f"{args.file}: no such file.")
    result, added = services.import_contacts(services.contacts(), args.file.read_bytes(), args.file.name, args.format)
    duplicates = len(result.contacts) - added
    if args.json:
        emit_json({"format": result.format, "added": added, "duplicates": duplicates, "skipped": result.skipped})
    else:
        print(f"{args.file.name} ({result.format}): {added} added, {duplicates} already known, {result.skipped} empty rows skipped")
    return 0


def run_export(args: argparse.Namespace, services: Services) -> int:
    """Write contacts as CSV or open reminders as iCalendar."""
    store = services.contacts()
    if args.format == "ics":
        data = services.reminders_calendar(store, args.on or date.today())
    else:
        data = services.export_contacts(store).encode("utf-8")
    if args.output:
        args.output.write_bytes(data)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def run_due(args: argparse.Namespace, services: Services) -> int:
    """What is due on a day, oldest first; each item names its rule."""
    on = args.on or date.today()
    items = services.due(services.contacts(), on)
    if args.json:
        emit_json([item.model_dump(mode="json") for item in items])
        return 0
    if not items:
        print(f"Nothing due on {on.isoformat()}.")
    for item in items:
        flag = "OVERDUE" if item.status == "overdue" else "due"
        print(f"{item.due_on.isoformat()}  {flag:7} [{item.rule}] {item.message}")
        if item.draft:
            score = f" (outreach rubric: {item.draft_score}/100)" if item.draft_score is not None else ""
            print(f"    draft{score}:\n" + "\n".join(f"      {line}" for line in item.draft.splitlines()))
    return 0
