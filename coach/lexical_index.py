"""The lexical side of search: BM25 over chunk words and note cards, and the typo speller, for one collection."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coach.lexical import BM25, Speller, rank, title_words, words

CANDIDATES = 40  # per ranking, before fusion


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the embedding model's vocabulary: real words the speller must not 'fix'."""
    from coach.assets import MINILM_FILES, source_path

    vocab = source_path(MINILM_FILES["vocab.txt"]).read_text(encoding="utf-8").split()
    return frozenset(w for w in vocab if w.isalpha() and w.islower() and len(w) > 1)


class LexicalIndex:
    """BM25 over chunk words, and over note 'cards' (role, aliases, file name)."""

    def __init__(self, ids: list[str], documents: list[str], metadatas: list[dict]) -> None:
        self.ids, self.documents, self.metadatas = ids, documents, metadatas
        self.position = {cid: i for i, cid in enumerate(ids)}
        self.words = BM25([words(f"{m['role']} {m['aliases']} {m['section']} {d}") for d, m in zip(documents, metadatas)])
        self.note_paths = sorted({m["path"] for m in metadatas})
        self.note_chunks: dict[str, list[int]] = {}
        for i, m in enumerate(metadatas):
            self.note_chunks.setdefault(m["path"], []).append(i)
        cards = []
        for path in self.note_paths:
            m = metadatas[self.note_chunks[path][0]]
            cards.append(title_words(f"{m['role']} {m['aliases']} {m.get('meta', '')} {Path(path).stem.replace('-', ' ')}"))
        self.cards = BM25(cards, b=0.3)
        self.speller = Speller((f"{m['role']} {m['aliases']} {m.get('meta', '')} {d}" for d, m in zip(documents, metadatas)), english_words())

    def record(self, chunk_id: str) -> tuple[str, dict]:
        """Document text and metadata of a chunk."""
        i = self.position[chunk_id]
        return self.documents[i], self.metadatas[i]

    def _allowed(self, i: int, role: str | None, industry: str | None) -> bool:
        m = self.metadatas[i]
        return (not role or m["role"] == role) and (not industry or m["industry"] == industry)

    def rankings(self, query: str, role: str | None, industry: str | None) -> tuple[list[str], list[str]]:
        """Chunk ids ranked by word BM25, and by their note's card (title and alias) match."""
        word_scores = self.words.scores(words(query))
        word_rank = [self.ids[i] for i in rank(word_scores, CANDIDATES * 4) if self._allowed(i, role, industry)][:CANDIDATES]
        card_scores = self.cards.scores(title_words(query))
        card_rank: list[str] = []
        for note_index in rank(card_scores, 10):
            chunk_indexes = sorted(self.note_chunks[self.note_paths[note_index]], key=lambda i: -word_scores[i])
            card_rank.extend(self.ids[i] for i in chunk_indexes[:3] if self._allowed(i, role, industry))
        return word_rank, card_rank[:CANDIDATES]
