"""Lexical ranking: BM25 over words and over character trigrams (for typos)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i in into is it its me my of on or "
    "so that the their them they this to was what when where which who why will with you your "
    "like really about get should would could".split()
)


def stem(word: str) -> str:
    """A light suffix-stripping stem so that plurals and -ing forms meet."""
    for suffix in ("ing", "ers", "er", "ies", "es", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def words(text: str) -> list[str]:
    """Stemmed content words of a text."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def title_words(text: str) -> list[str]:
    """Content words with only a plural 's' removed: 'planner' and 'planning' stay apart."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def trigrams(text: str) -> list[str]:
    """Character trigrams of each content word, with word boundaries marked."""
    grams: list[str] = []
    for word in WORD.findall(text.lower()):
        if word in STOPWORDS:
            continue
        padded = f" {word} "
        grams.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


class BM25:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, documents: Sequence[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.freqs = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avg_length = (sum(self.lengths) / len(self.lengths)) if documents else 0.0
        doc_freq: Counter[str] = Counter()
        for freq in self.freqs:
            doc_freq.update(freq.keys())
        n = len(documents)
        self.idf = {term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in doc_freq.items()}

    def scores(self, query: Iterable[str]) -> list[float]:
        """The BM25 score of every document for the query terms."""
        terms = [t for t in set(query) if t in self.idf]
        result = []
        for freq, length in zip(self.freqs, self.lengths):
            norm = self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1))
            result.append(sum(self.idf[t] * freq[t] * (self.k1 + 1) / (freq[t] + norm) for t in terms if t in freq))
        return result


def rank(scores: Sequence[float], limit: int) -> list[int]:
    """Indices of the best positive scores, best first."""
    order = sorted((i for i, s in enumerate(scores) if s > 0), key=lambda i: -scores[i])
    return order[:limit]


def reciprocal_rank_fusion(rankings: Iterable[Sequence[str]], k: int = 60) -> dict[str, float]:
    """Fuse ranked id lists: each id scores the sum of 1 / (k + rank)."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for position, item in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + 1 / (k + position + 1)
    return fused


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class Speller:
    """Corrects query words that are not in the corpus to the closest corpus word."""

    def __init__(self, texts: Iterable[str], dictionary: frozenset[str] = frozenset()) -> None:
        self.counts: Counter[str] = Counter(w for text in texts for w in WORD.findall(text.lower()))
        self.dictionary = dictionary
        self.by_gram: dict[str, set[str]] = {}
        for word in self.counts:
            if len(word) >= 4 and not word.isdigit():
                for gram in set(trigrams(word)):
                    self.by_gram.setdefault(gram, set()).add(word)

    def correct_word(self, word: str) -> str:
        """The word itself if known or short, else its closest known neighbour within 1-2 edits."""
        if word in self.counts or word in self.dictionary or len(word) < 5 or word.isdigit() or word in STOPWORDS:
            return word
        grams = set(trigrams(word))
        shared: Counter[str] = Counter()
        for gram in grams:
            shared.update(self.by_gram.get(gram, ()))
        limit = 1 if len(word) < 7 else 2
        best, best_key = word, None
        for candidate, _overlap in shared.most_common(30):
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -self.counts[candidate])
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best

    def correct(self, text: str) -> str:
        """The text with unknown words replaced by their corrections."""
        return WORD.sub(lambda m: self.correct_word(m.group(0)), text.lower())
