"""Reading knowledge notes: front matter, role naming and header-aware chunks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coach.limits import looks_like_text

MAX_NOTE_BYTES = 5_000_000
MAX_CHUNK_CHARS = 1500
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
NOTE_SUFFIXES = (".md", ".markdown", ".txt")


class NoteError(ValueError):
    """A note that cannot be read at all (binary, too large)."""


@dataclass(frozen=True)
class Chunk:
    """A piece of a note with the metadata search shows and filters on."""

    id: str
    path: str
    role: str
    industry: str
    section: str
    text: str

    @property
    def embed_text(self) -> str:
        """What is embedded: the chunk with its role and section named."""
        return f"{self.role} ({self.industry}) - {self.section}\n{self.text}"


@dataclass
class Note:
    """One parsed note."""

    path: str
    role: str
    industry: str
    aliases: list[str]
    body: str
    content_hash: str
    meta_text: str = ""
    warnings: list[str] = field(default_factory=list)


def _as_list(value: object) -> list[str]:
    """A front-matter value as a list of strings."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """Front matter as a dict, the body, and warnings (broken YAML is reported, not fatal)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        return {}, text[match.end() :], [f"front matter is not valid YAML ({first}); indexed without it"]
    if not isinstance(meta, dict):
        return {}, text[match.end() :], ["front matter is not a mapping; indexed without it"]
    return meta, text[match.end() :], []


def content_hash(text: str) -> str:
    """The hash that tells whether a note changed since it was indexed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def role_from_stem(path: Path) -> str:
    """A role name from a file name: `park-ranger.md` -> `Park Ranger`."""
    return re.sub(r"[-_]+", " ", path.stem).strip().title()


def decode_note(raw: bytes, name: str) -> str:
    """Note bytes as text; binary or oversized files raise NoteError."""
    if len(raw) > MAX_NOTE_BYTES:
        raise NoteError(f"{name}: {len(raw) / 1e6:.1f} MB is larger than the {MAX_NOTE_BYTES / 1e6:.0f} MB limit for a note; skipped")
    if b"\x00" in raw[:8192]:
        raise NoteError(f"{name}: looks like a binary file, not text; skipped")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not looks_like_text(text):  # random bytes without a NUL decode to symbols: refused before indexing
        raise NoteError(f"{name}: does not look like text (mostly symbols and control characters); skipped")
    return text


def parse_note(text: str, relative_path: str) -> Note:
    """Parse a note's text; the role comes from front matter, the title, or the file name."""
    meta, body, warnings = split_front_matter(text)
    title = next((m.group(2) for m in HEADING.finditer(body) if len(m.group(1)) == 1), None)
    role = str(meta.get("role") or meta.get("title") or title or role_from_stem(Path(relative_path))).strip()
    industry = str(meta.get("industry") or meta.get("sector") or meta.get("field") or "").strip()
    aliases = _as_list(meta.get("aliases")) + _as_list(meta.get("also_called")) + _as_list(meta.get("tags"))
    meta_text = " ".join(" ".join(_as_list(v)) for k, v in meta.items() if k != "last_reviewed")
    return Note(relative_path, role, industry, aliases, body, content_hash(text), meta_text, warnings)


def _sections(body: str) -> list[tuple[str, str]]:
    """(section heading, text) pairs split at `#`..`###` headings; top text is 'Overview'."""
    pieces: list[tuple[str, str]] = []
    heading, start = "Overview", 0
    for match in HEADING.finditer(body):
        if len(match.group(1)) > 3:
            continue
        pieces.append((heading, body[start : match.start()]))
        heading, start = match.group(2).strip(), match.end()
    pieces.append((heading, body[start:]))
    return [(h, t.strip()) for h, t in pieces if t.strip()]


def _split_long(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Split text at paragraph (then line) boundaries into pieces under limit."""
    if len(text) <= limit:
        return [text]
    parts, current = [], ""
    for para in re.split(r"\n\s*\n|\n(?=[-*] )", text):
        while len(para) > limit:  # one huge paragraph: cut at a space near the limit
            cut = para.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            parts.append(para[:cut].strip())
            para = para[cut:]
        if current and len(current) + len(para) + 2 > limit:
            parts.append(current.strip())
            current = ""
        current = f"{current}\n\n{para}" if current else para
    if current.strip():
        parts.append(current.strip())
    return [p for p in parts if p]


def chunk_note(note: Note, namespace: str = "") -> list[Chunk]:
    """Header-aware chunks with stable ids from their content."""
    chunks = []
    for section, text in _sections(note.body):
        for index, piece in enumerate(_split_long(text)):
            key = f"{namespace}\x1f{note.path}\x1f{section}\x1f{index}\x1f{piece}"
            chunk_id = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
            chunks.append(Chunk(chunk_id, note.path, note.role, note.industry, section, piece))
    return chunks
