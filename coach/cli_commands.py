"""Subcommands of `coach`: setup, doctor and the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.cli import command, emit_json, read_text_arg
from coach.config import Settings
from coach.errors import UserInputError


def add_all(sub: argparse._SubParsersAction) -> None:
    """Add every subcommand to the parser."""
    sub.add_parser("setup", help="prepare offline model files and build or update the knowledge index").set_defaults(handler="setup")
    doctor = sub.add_parser("doctor", help="check the backend, model, embeddings, index and data directory")
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.set_defaults(handler="doctor")
    _add_kb(sub)
    from coach import cli_features

    cli_features.add_all(sub)


def _add_kb(sub: argparse._SubParsersAction) -> None:
    kb = sub.add_parser("kb", help="the knowledge base: ingest, add, remove, search").add_subparsers(dest="kb", required=True, metavar="ACTION")
    ingest = kb.add_parser("ingest", help="index a folder of markdown notes (incremental)")
    ingest.add_argument("--dir", type=Path, help="folder of notes (default: the shipped knowledge/)")
    ingest.set_defaults(handler="kb ingest")
    add = kb.add_parser("add", help="index your own notes (markdown, text, PDF)")
    add.add_argument("files", nargs="+", type=Path)
    add.set_defaults(handler="kb add")
    remove = kb.add_parser("remove", help="remove your own notes by file name")
    remove.add_argument("names", nargs="*", help="file names as listed by `coach kb list --mine`")
    remove.add_argument("--all", action="store_true", help="remove all of your own notes")
    remove.set_defaults(handler="kb remove")
    listing = kb.add_parser("list", help="list indexed notes")
    listing.add_argument("--mine", action="store_true", help="list your own notes instead of the shipped ones")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler="kb list")
    search = kb.add_parser("search", help="search the notes")
    search.add_argument("query", nargs="?", help="what to look for")
    search.add_argument("-k", type=int, default=5, help="how many hits (default 5)")
    search.add_argument("--role", help="only notes of this role")
    search.add_argument("--industry", help="only notes of this industry")
    search.add_argument("--json", action="store_true", help="print hits as a JSON list")
    search.add_argument("--queries", type=Path, help="file with one query per line; prints one JSON line per query")
    search.set_defaults(handler="kb search")
    for parser in (ingest, add, remove, listing, search):
        parser.add_argument("--db", type=Path, help="folder of the embedded Chroma index to use")


def open_kb(settings: Settings, db: Path | None = None):
    """The knowledge base for the settings (or an explicit --db folder)."""
    from coach.embeddings import get_embedder
    from coach.knowledge import KnowledgeBase, open_client

    return KnowledgeBase(open_client(settings, db), get_embedder(settings))


def _progress_bar(total_hint: str = "notes"):
    """A tqdm progress callback for long ingests (quiet when stderr is not a terminal)."""
    from tqdm import tqdm

    bar = tqdm(unit=total_hint, disable=None, file=sys.stderr)

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(name[-40:], refresh=False)
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def print_warnings(report) -> None:
    """An ingest's per-file warnings, one line each, on stderr."""
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)


@command("setup")
def setup(args: argparse.Namespace, settings: Settings) -> int:
    """Prepare verified offline files and bring the shipped notes' index up to date."""
    from coach.assets import prepare_all

    for group, path in prepare_all(settings.models_dir).items():
        print(f"ok  {group}: {path}")
    report = open_kb(settings).ingest(settings.knowledge_dir, progress=_progress_bar())
    print_warnings(report)
    print(f"ok  knowledge index: {report.summary()}")
    return 0


@command("doctor")
def doctor(args: argparse.Namespace, settings: Settings) -> int:
    """Report each check on one line; exit 1 if any failed."""
    from coach.doctor import run_checks

    checks = run_checks(settings)
    if args.json:
        emit_json([c.__dict__ for c in checks])
    else:
        for check in checks:
            print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    return 0 if all(c.ok for c in checks) else 1


@command("kb ingest")
def kb_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Index a folder of notes incrementally and print a summary line."""
    report = open_kb(settings, args.db).ingest(args.dir or settings.knowledge_dir, progress=_progress_bar())
    print_warnings(report)
    print(report.summary())
    return 0


@command("kb add")
def kb_add(args: argparse.Namespace, settings: Settings) -> int:
    """Index the user's own files."""
    report = open_kb(settings, args.db).add_user_files(args.files)
    print_warnings(report)
    print(report.summary())
    return 0 if report.added + report.updated else 2


@command("kb remove")
def kb_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Remove the user's own notes."""
    if not args.names and not args.all:
        raise UserInputError("Name the notes to remove, or pass --all.")
    removed = open_kb(settings, args.db).remove_user_notes(None if args.all else args.names)
    print(f"{removed} note(s) removed")
    return 0 if removed or args.all else 2


@command("kb list")
def kb_list(args: argparse.Namespace, settings: Settings) -> int:
    """List indexed notes."""
    from coach.knowledge import SHIPPED, USER

    rows = open_kb(settings, args.db).list_notes(USER if args.mine else SHIPPED)
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            print(f"{row['path']:45} {row['role']} ({row['industry'] or 'no industry'})")
    return 0


@command("kb search")
def kb_search(args: argparse.Namespace, settings: Settings) -> int:
    """Search the notes: one query, or a file of queries as JSON lines."""
    kb = open_kb(settings, args.db)
    if args.queries:
        for line in read_text_arg(str(args.queries)).splitlines():
            if line.strip():
                hits = kb.search(line, k=args.k, role=args.role, industry=args.industry)
                print(json.dumps({"query": line, "hits": [h.model_dump() for h in hits]}, ensure_ascii=False))
        return 0
    if not args.query:
        raise UserInputError("Give a query, or --queries FILE.")
    hits = kb.search(args.query, k=args.k, role=args.role, industry=args.industry)
    if args.json:
        emit_json([h.model_dump() for h in hits])
        return 0
    for rank, hit in enumerate(hits, 1):
        snippet = " ".join(hit.text.split())[:160]
        print(f"{rank}. {hit.path} · {hit.role} · {hit.section} · {hit.score:.4f}\n   {snippet}")
    return 0
