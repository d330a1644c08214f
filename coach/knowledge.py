"""The Chroma index of notes: incremental ingest, the user's own notes, hybrid search."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from pydantic import BaseModel

from coach.config import Settings
from coach.embeddings import Embedder
from coach.errors import KnowledgeError, UserInputError
from coach.lexical import reciprocal_rank_fusion
from coach.lexical_index import CANDIDATES, LexicalIndex
from coach.notes import NOTE_SUFFIXES, NoteError, chunk_note, content_hash, decode_note, parse_note

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SHIPPED = "knowledge"
USER = "user_notes"
LOCAL_OWNER = "local"
UPLOAD = "upload"  # the origin of a note uploaded in the browser (its folder is a temporary one)
EMBED_BATCH = 64
Progress = Callable[[int, int, str], None]


class Hit(BaseModel):
    """One search result: a chunk of a note and how well it matched."""

    path: str
    role: str
    industry: str
    section: str
    score: float
    text: str
    source: str
    chunk_id: str


@dataclass
class IngestReport:
    """What an ingest did, note by note."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks_embedded: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: added / updated / removed / unchanged."""
        return f"{self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged ({self.chunks_embedded} chunks embedded)"


def open_client(settings: Settings, db: Path | None = None):
    """An embedded Chroma client at db (or the configured path), or the configured server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if db is None and settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https", settings=chroma_settings)
        except Exception as exc:
            raise KnowledgeError(f"The Chroma server at {settings.chroma_url} did not answer: is `chroma run` running? Check COACH_CHROMA_URL.") from exc
    path = Path(db or settings.chroma_dir)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def note_files(folder: Path) -> list[Path]:
    """Every note file below folder, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES and not p.name.startswith("."))


def read_user_file(path: Path) -> str:
    """Text of a markdown, text or PDF file the user adds."""
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        try:
            return "\n\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
        except Exception as exc:
            raise NoteError(f"{path.name}: not a readable PDF ({type(exc).__name__})") from exc
    return decode_note(path.read_bytes(), path.name)


class KnowledgeBase:
    """Shipped and user notes in two Chroma collections, searched together."""

    def __init__(self, client, embedder: Embedder, owner: str = LOCAL_OWNER) -> None:
        self.client = client
        self.embedder = embedder
        self.owner = owner
        self._lexical: dict[str, tuple[int, LexicalIndex]] = {}
        self._collections: dict[str, object] = {}

    def for_owner(self, owner: str) -> KnowledgeBase:
        """The same index seen by another user: the shipped notes, and that user's own notes only."""
        if owner == self.owner:
            return self
        view = KnowledgeBase(self.client, self.embedder, owner)
        view._lexical, view._collections = self._lexical, self._collections  # shared caches, keyed by scope
        return view

    @property
    def user_root(self) -> str:
        """The root this owner's notes are filed under (the local owner's keep the original 'user')."""
        return "user" if self.owner == LOCAL_OWNER else f"user:{self.owner}"

    def _scope(self, name: str) -> dict | None:
        """The filter that keeps a collection to what this owner may see: all shipped notes, their own user notes."""
        return {"root": self.user_root} if name == USER else None

    def _cache_key(self, name: str) -> str:
        return f"{name}\x1f{self.user_root}" if name == USER else name

    def collection(self, name: str):
        """A cosine-space collection (opened once); embeddings are computed here, not by Chroma."""
        if name not in self._collections:
            self._collections[name] = self.client.get_or_create_collection(name=name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        return self._collections[name]

    def _changed(self, name: str) -> None:
        """Forget the lexical index of a collection this object just wrote to."""
        self._lexical.pop(self._cache_key(name), None)

    def _embed(self, texts: list[str]) -> list:
        return [list(map(float, v)) for v in self.embedder(texts)] if texts else []

    def _existing(self, name: str, root: str) -> dict[str, dict[str, str]]:
        """path -> {chunk id: note hash} already indexed under root."""
        got = self.collection(name).get(where={"root": root}, include=["metadatas"])
        existing: dict[str, dict[str, str]] = {}
        for chunk_id, meta in zip(got["ids"], got["metadatas"]):
            existing.setdefault(meta["path"], {})[chunk_id] = meta.get("note_hash", "")
        return existing

    def _write_note(self, name: str, root: str, text: str, rel: str, old: dict[str, str], report: IngestReport, extra: dict | None = None) -> None:
        """Upsert a note's new chunks first, then drop its stale ones (a crash leaves it searchable)."""
        self._changed(name)
        note = parse_note(text, rel)
        report.warnings.extend(f"{rel}: {w}" for w in note.warnings)
        chunks = chunk_note(note, namespace=root)
        if not chunks:
            report.warnings.append(f"{rel}: no text to index")
        metas = [
            {
                "path": c.path,
                "role": c.role,
                "industry": c.industry,
                "section": c.section,
                "root": root,
                "source": name,
                "note_hash": note.content_hash,
                "aliases": ", ".join(note.aliases),
                "meta": note.meta_text,
                **(extra or {}),
            }
            for c in chunks
        ]
        fresh = [i for i, c in enumerate(chunks) if c.id not in old]
        collection = self.collection(name)
        for start in range(0, len(fresh), EMBED_BATCH):
            batch = fresh[start : start + EMBED_BATCH]
            collection.upsert(
                ids=[chunks[i].id for i in batch],
                documents=[chunks[i].text for i in batch],
                metadatas=[metas[i] for i in batch],
                embeddings=self._embed([chunks[i].embed_text for i in batch]),
            )
        report.chunks_embedded += len(fresh)
        kept = [i for i, c in enumerate(chunks) if c.id in old]
        if kept:
            collection.update(ids=[chunks[i].id for i in kept], metadatas=[metas[i] for i in kept])
        stale = sorted(set(old) - {c.id for c in chunks})
        if stale:
            collection.delete(ids=stale)

    def ingest(self, folder: Path, name: str = SHIPPED, progress: Progress | None = None) -> IngestReport:
        """Mirror a folder of notes into a collection: add, update, remove, skip unchanged."""
        folder = Path(folder).resolve()
        if not folder.is_dir():
            raise UserInputError(f"{folder} is not a folder of notes.")
        root = str(folder)
        report = IngestReport()
        existing = self._existing(name, root)
        files = note_files(folder)
        if not files:
            report.warnings.append(f"{folder}: no .md or .txt notes found")
        seen: set[str] = set()
        for index, path in enumerate(files):
            rel = path.relative_to(folder).as_posix()
            seen.add(rel)
            if progress:
                progress(index, len(files), rel)
            try:
                text = decode_note(path.read_bytes(), rel)
            except (NoteError, OSError) as exc:
                report.warnings.append(str(exc))
                continue
            old = existing.get(rel, {})
            if old and set(old.values()) == {content_hash(text)}:
                report.unchanged += 1
                continue
            self._write_note(name, root, text, rel, old, report)
            if old:
                report.updated += 1
            else:
                report.added += 1
        for rel, old in existing.items():
            if rel not in seen:
                self.collection(name).delete(ids=list(old))
                self._changed(name)
                report.removed += 1
        if progress:
            progress(len(files), len(files), "done")
        return report

    def add_user_files(self, paths: Iterable[Path], origin: str | None = None) -> IngestReport:
        """Index the user's own notes (markdown, text, PDF), kept apart from shipped notes and other users' notes.

        A note is named by its file name; a second file of the same name from another folder is refused with a
        reason (the first is kept), while re-adding the same file updates it. Uploads (origin UPLOAD) replace.
        """
        report = IngestReport()
        root = self.user_root
        existing = self._existing(USER, root)
        got = self.collection(USER).get(where={"root": root}, include=["metadatas"])
        origins = {m["path"]: m.get("origin", "") for m in got["metadatas"]}
        for path in paths:
            path = Path(path)
            source = origin or str(path.resolve())
            previous = origins.get(path.name)
            if previous and previous != source and UPLOAD not in (previous, source):
                report.warnings.append(
                    f"{path}: a note named {path.name} is already yours (from {previous}): rename the file to keep both, "
                    f"or remove that note first (`coach kb remove {path.name}`); skipped"
                )
                continue
            try:
                text = read_user_file(path)
            except (NoteError, OSError) as exc:
                report.warnings.append(str(exc))
                continue
            if not text.strip():
                report.warnings.append(f"{path.name}: empty, skipped")
                continue
            old = existing.get(path.name, {})
            self._write_note(USER, root, text, path.name, old, report, extra={"owner": self.owner, "origin": source})
            origins[path.name] = source
            report.updated += bool(old)
            report.added += not old
        return report

    def remove_user_notes(self, names: Iterable[str] | None = None) -> int:
        """Remove the named user notes (all when names is None); return how many."""
        existing = self._existing(USER, self.user_root)
        targets = list(existing) if names is None else [n for n in names if n in existing]
        for name in targets:
            self.collection(USER).delete(ids=list(existing[name]))
            self._changed(USER)
        return len(targets)

    def list_notes(self, name: str = SHIPPED) -> list[dict[str, str]]:
        """One row per indexed note: path, role, industry."""
        got = self.collection(name).get(where=self._scope(name), include=["metadatas"])
        rows = {m["path"]: {"path": m["path"], "role": m["role"], "industry": m["industry"], "aliases": m.get("aliases", "")} for m in got["metadatas"]}
        return [rows[p] for p in sorted(rows)]

    def note_text(self, path: str, name: str = SHIPPED) -> str:
        """A note reassembled from its chunks, section by section."""
        scope = self._scope(name)
        got = self.collection(name).get(where={"$and": [{"path": path}, scope]} if scope else {"path": path}, include=["documents", "metadatas"])
        return "\n\n".join(f"## {m['section']}\n{d}" for d, m in zip(got["documents"], got["metadatas"]))

    def count(self) -> int:
        """Chunks indexed, shipped and user notes together."""
        return sum(self.collection(n).count() for n in (SHIPPED, USER))

    def _lexical_for(self, name: str, size: int) -> LexicalIndex:
        collection = self.collection(name)
        key = self._cache_key(name)
        cached = self._lexical.get(key)
        if cached is None or cached[0] != size:
            got = collection.get(where=self._scope(name), include=["documents", "metadatas"])
            cached = (size, LexicalIndex(got["ids"], got["documents"], got["metadatas"]))
            self._lexical[key] = cached
        return cached[1]

    def search(self, query: str, k: int = 5, role: str | None = None, industry: str | None = None, sources: tuple[str, ...] = (SHIPPED, USER)) -> list[Hit]:
        """Dense and lexical rankings fused by reciprocal rank; best k chunks."""
        query = (query or "").strip()
        if not query:
            raise UserInputError("The search query is empty: type a few words about a role or question.")
        query = query[:2000]
        sizes = {name: self.collection(name).count() for name in sources}  # counted once per search
        # Another user's notes count towards a collection's size but are not in this owner's scope.
        present = [name for name in sources if sizes[name] and self._lexical_for(name, sizes[name]).ids]
        # Typos are fixed against the indexed words, so every signal sees the corrected query.
        for name in present:
            query = self._lexical_for(name, sizes[name]).speller.correct(query)
        vector = self._embed([query])[0]
        found: dict[str, tuple[str, dict]] = {}
        chunk_rankings: list[list[str]] = []
        note_rankings: list[list[str]] = []
        for name in present:
            collection, size = self.collection(name), sizes[name]
            scoped = _where(role, industry, self._scope(name))
            dense = collection.query(query_embeddings=[vector], n_results=min(CANDIDATES, size), where=scoped, include=["documents", "metadatas"])
            for cid, doc, meta in zip(dense["ids"][0], dense["documents"][0], dense["metadatas"][0]):
                found[cid] = (doc, meta)
            lexical = self._lexical_for(name, size)
            word_ids, card_ids = lexical.rankings(query, role, industry)
            for cid in word_ids + card_ids:
                found.setdefault(cid, lexical.record(cid))
            chunk_rankings += [dense["ids"][0], word_ids]
            note_rankings += [_notes_in_order(ids, found) for ids in (dense["ids"][0], word_ids, card_ids)]
        # A note that several signals agree on outranks a chunk one signal loves; chunks order within it.
        chunk_score = reciprocal_rank_fusion(chunk_rankings)
        note_score = reciprocal_rank_fusion(note_rankings)
        total = {cid: chunk_score.get(cid, 0.0) + note_score.get(_note_key(found[cid][1]), 0.0) for cid in found}
        best = _distinct_notes_first(sorted(total, key=lambda cid: -total[cid]), found, k)
        return [_hit(cid, total[cid], *found[cid]) for cid in best]


def _distinct_notes_first(ranked: list[str], found: dict[str, tuple[str, dict]], k: int) -> list[str]:
    """The best chunk of each note first, in rank order; further chunks of a note only when fewer notes match."""
    seen: set[str] = set()
    firsts: list[str] = []
    rest: list[str] = []
    for cid in ranked:
        note = _note_key(found[cid][1])
        (rest if note in seen else firsts).append(cid)
        seen.add(note)
    return (firsts + rest)[:k]


def _note_key(meta: dict) -> str:
    return f"{meta['source']}\x1f{meta['path']}"


def _notes_in_order(chunk_ids: list[str], found: dict[str, tuple[str, dict]]) -> list[str]:
    """Note keys in the order their first chunk appears."""
    return list(dict.fromkeys(_note_key(found[cid][1]) for cid in chunk_ids))


def find_role_note(kb: KnowledgeBase, role: str) -> tuple[dict | None, list[dict]]:
    """The shipped note for a role (by name or alias) if there is one, and the closest notes otherwise."""
    wanted = " ".join(role.lower().split())
    notes = kb.list_notes(SHIPPED)
    for note in notes:
        names = [note["role"].lower()] + [a.strip().lower() for a in note.get("aliases", "").split(",") if a.strip()]
        if wanted in names or wanted.rstrip("s") in names:
            return note, [note]
    if not notes:
        return None, []
    hits = kb.search(role, k=10, sources=(SHIPPED,))
    closest = list({h.path: {"path": h.path, "role": h.role, "industry": h.industry} for h in hits}.values())[:2]
    return None, closest


def _where(role: str | None, industry: str | None, scope: dict | None = None) -> dict | None:
    clauses = [{"role": role}] if role else []
    clauses += [{"industry": industry}] if industry else []
    clauses += [scope] if scope else []
    if len(clauses) > 1:
        return {"$and": clauses}
    return clauses[0] if clauses else None


def _hit(chunk_id: str, score: float, text: str, meta: dict) -> Hit:
    return Hit(
        path=meta["path"],
        role=meta["role"],
        industry=meta["industry"],
        section=meta["section"],
        score=round(score, 5),
        text=text,
        source=meta["source"],
        chunk_id=chunk_id,
    )
