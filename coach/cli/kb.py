"""`coach kb`: ingest, add, remove, list and search the knowledge base."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

import coach.limits as limits
from coach.cli.common import Subcommands, checked, emit_json, print_warnings, progress_bar, read_text_arg
from coach.errors import UserInputError

if TYPE_CHECKING:
    from coach.services import Services


def register(subcommands: Subcommands) -> None:
    """Add `kb` and its actions."""
    kb = subcommands.add_parser("kb", help="the knowledge base: ingest, add, remove, search").add_subparsers(dest="kb", required=True, metavar="ACTION")
    ingest = kb.add_parser("ingest", help="index a folder of markdown notes (incremental)")
    ingest.add_argument("--dir", type=Path, help="folder of notes (default: the shipped knowledge/)")
    ingest.set_defaults(handler=run_ingest)
    add = kb.add_parser("add", help="index your own notes (markdown, text, PDF)")
    add.add_argument("files", nargs="+", type=Path)
    add.set_defaults(handler=run_add)
    remove = kb.add_parser("remove", help="remove your own notes by file name")
    remove.add_argument("names", nargs="*", help="file names as listed by `coach kb list --mine`")
    remove.add_argument("--all", action="store_true", help="remove all of your own notes")
    remove.set_defaults(handler=run_remove)
    listing = kb.add_parser("list", help="list indexed notes")
    listing.add_argument("--mine", action="store_true", help="list your own notes instead of the shipped ones")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    search = kb.add_parser("search", help="search the notes")
    search.add_argument("query", nargs="?", type=checked(limits.query, "the query"), help=f"what to look for (up to {limits.MAX_QUERY_CHARS:,} characters)")
    search.add_argument("-k", type=checked(limits.hits_wanted), default=5, help=f"how many hits, 1 to {limits.MAX_K} (default 5)")
    search.add_argument("--role", type=checked(limits.label, "--role"), help="only notes of this role")
    search.add_argument("--industry", type=checked(limits.label, "--industry"), help="only notes of this industry")
    search.add_argument("--json", action="store_true", help="print hits as a JSON list")
    search.add_argument(
        "--queries",
        type=Path,
        help=f"file with one query per line (at most {limits.MAX_QUERIES} queries, {limits.MAX_QUERIES_BYTES:,} bytes); prints one JSON line per query",
    )
    search.set_defaults(handler=run_search, precheck=check_queries)
    for parser in (ingest, add, remove, listing, search):
        parser.add_argument("--db", type=Path, help="folder of the embedded Chroma index to use")


def check_queries(args: argparse.Namespace) -> None:
    """Read and check a whole queries file before anything is searched (a huge file is refused unread)."""
    if not args.queries:
        return
    if not args.queries.is_file():
        raise UserInputError(f"{args.queries}: no such file.")
    size = args.queries.stat().st_size
    if size > limits.MAX_QUERIES_BYTES:
        raise UserInputError(
            f"{args.queries} is {size:,} bytes; a queries file may hold at most {limits.MAX_QUERIES_BYTES:,} bytes ({limits.MAX_QUERIES} queries)."
        )
    args.query_lines = limits.queries(read_text_arg(str(args.queries)), str(args.queries))


def run_ingest(args: argparse.Namespace, services: Services) -> int:
    """Index a folder of notes incrementally and print a summary line."""
    report = services.knowledge(args.db).ingest(args.dir or services.settings.knowledge_dir, progress=progress_bar())
    print_warnings(report.warnings)
    print(report.summary())
    return 0


def run_add(args: argparse.Namespace, services: Services) -> int:
    """Index the user's own files."""
    report = services.knowledge(args.db).add_user_files(args.files)
    print_warnings(report.warnings)
    print(report.summary())
    return 0 if report.added + report.updated else 2


def run_remove(args: argparse.Namespace, services: Services) -> int:
    """Remove the user's own notes."""
    if not args.names and not args.all:
        raise UserInputError("Name the notes to remove, or pass --all.")
    removed = services.knowledge(args.db).remove_user_notes(None if args.all else args.names)
    print(f"{removed} note(s) removed")
    return 0 if removed or args.all else 2


def run_list(args: argparse.Namespace, services: Services) -> int:
    """List indexed notes."""
    rows = services.list_notes(mine=args.mine, db=args.db)
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            print(f"{row['path']:45} {row['role']} ({row['industry'] or 'no industry'})")
    return 0


def run_search(args: argparse.Namespace, services: Services) -> int:
    """Search the notes: one query, or a file of queries as JSON lines."""
    kb = services.knowledge(args.db)
    if args.queries:
        for line in args.query_lines:
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
