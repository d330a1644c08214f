"""A sentence classifier on MiniLM embeddings: recall on paraphrase where the patterns run out.

Each judgement concept (job ask, connection, named topic, apology, next step, who a sentence is
about, TIARA area, referral ask, website fact) has labelled sentences in coach/data/semantic_sentences.jsonl (the project's own,
and some from the tune half of tests/data/labelled; for connections, the sentence each tune message's
connection was found in, and every sentence about the recipient of the messages that have none; for job
asks, each tune message's requests, labelled by whether the message asks for a job). Connections and job
asks are judged on the sentence's shape, with names and numbers masked (SHAPE_CONCEPTS). Referral asks
and website facts ("googleable") learn from the tune transcripts' questions as their labellers tagged them. A small softmax regression over their vectors
labels a new sentence; its label counts only when the classifier is sure (CONFIDENCE) and the
nearest labelled sentence has that label and is close (SIMILAR), and the finding quotes it. The rules use this
only where their patterns are silent, so the patterns keep their precision and every finding says
which of the two decided it.

The exemplars' vectors ship precomputed in semantic_vectors.npz (rebuild with
`python -m coach.rubric.semantic` after editing the sentences); sentences being linted are
embedded in one batch per call and cached. Without the MiniLM files the layer is off and the rules
run on patterns alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "data"
SENTENCES = DATA / "semantic_sentences.jsonl"
VECTORS = DATA / "semantic_vectors.npz"

# How sure the classifier must be before its label counts, per concept. Set on the tune half.
CONFIDENCE: dict[str, float] = {
    "job-ask": 0.80,
    "connection": 0.90,
    "topic": 0.80,
    "apologetic": 0.85,
    "next-step": 0.90,
    "about": 0.80,
    "tiara": 0.80,
    "referral": 0.80,
    "googleable": 0.90,
}
# ...and how close the nearest exemplar of its label must be: the regression is overconfident on
# sentences unlike any it was trained on ("Is the headquarters in Harwick?" is no job ask).
SIMILAR: dict[str, float] = {
    "job-ask": 0.50,
    "connection": 0.40,
    "topic": 0.55,
    "apologetic": 0.55,
    "next-step": 0.60,
    "about": 0.45,
    "tiara": 0.40,
    "referral": 0.40,
    "googleable": 0.60,
}
# Concepts judged on a sentence's shape rather than its topic. MiniLM puts "I saw on Greenbough Tree Care's
# website that you run their climbing team" nearer a tree-care sentence than "I read on your company's website
# that you lead the data team"; with names and numbers masked, how writer and recipient relate decides.
# A website fact is a shape too: "How many people work at X?" whatever X is.
SHAPE_CONCEPTS = frozenset({"connection", "job-ask", "googleable"})
L2 = 0.01  # weight decay of the logistic regression: small data, keep the weights small
STEPS = 400
DIMENSIONS = 384  # of a MiniLM sentence vector
CACHE_SIZE = 50_000  # sentences kept embedded: a few MB, and a repeated sentence costs nothing
MAX_CHARS = 400  # a "sentence" longer than this is a run-on paragraph: its start decides

_lock = threading.Lock()
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_judged: OrderedDict[tuple[str, str], Judgement] = OrderedDict()  # (concept, sentence) -> judgement


@dataclass(frozen=True)
class Judgement:
    """What the classifier makes of one sentence, with the nearest exemplar of that label."""

    sentence: str
    label: str
    probability: float
    exemplar: str
    similarity: float
    other: float  # similarity of the nearest exemplar with another label

    @property
    def evidence(self) -> str:
        """How the judgement reads in a finding: 'similar to: "..." (0.71)'."""
        return f'similar to: "{self.exemplar}" ({self.similarity:.2f}; classifier {self.probability:.2f})'


@dataclass(frozen=True, eq=False)
class Model:
    """One concept: its labelled sentences, their unit vectors and a softmax regression over them."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    vectors: np.ndarray
    classes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    @cached_property
    def label_index(self) -> np.ndarray:
        """Each exemplar's class, as an index into `classes`."""
        return np.array([self.classes.index(label) for label in self.labels])

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Class probabilities of each row."""
        logits = ((vectors - self.mean) / self.scale) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


def train(texts: Sequence[str], labels: Sequence[str], vectors: np.ndarray) -> Model:
    """Softmax regression with weight decay, by full-batch gradient descent (deterministic)."""
    classes = tuple(sorted(set(labels)))
    targets = np.zeros((len(labels), len(classes)), dtype=np.float32)
    targets[np.arange(len(labels)), [classes.index(label) for label in labels]] = 1.0
    mean, scale = vectors.mean(axis=0), vectors.std(axis=0) + 1e-3
    features = (vectors - mean) / scale
    # Each class weighs the same however many sentences it has.
    weight = (targets / targets.sum(axis=0, keepdims=True)).sum(axis=1, keepdims=True) * len(classes) ** -1
    weights = np.zeros((vectors.shape[1], len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    rate = 0.5
    for _ in range(STEPS):
        logits = features @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - targets) * weight
        weights -= rate * (features.T @ error + L2 * weights)
        bias -= rate * error.sum(axis=0)
    return Model(tuple(texts), tuple(labels), vectors, classes, mean, scale, weights, bias)


def enabled() -> bool:
    """Whether the layer runs: MiniLM is available and COACH_SEMANTIC is not "off"."""
    return os.environ.get("COACH_SEMANTIC", "on").lower() not in ("off", "0", "false", "no") and _embedder() is not None


@cache
def _embedder():
    """The offline MiniLM, or None when its files are missing (then patterns decide alone)."""
    try:
        from coach.config import Settings
        from coach.embeddings import local_minilm

        return local_minilm(Settings().models_dir)
    except Exception:  # noqa: BLE001 - a missing or broken model only turns the layer off
        return None


def _key(text: str) -> str:
    return " ".join(text.split())[:MAX_CHARS]


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of the texts: cached ones reused, the rest embedded in one batch."""
    keys = [_key(t) for t in texts]
    with _lock:
        missing = list(dict.fromkeys(k for k in keys if k not in _cache))
    if missing:
        embedder = _embedder()
        if embedder is None:
            raise RuntimeError("the semantic layer needs the MiniLM files: run `coach setup`")
        fresh = np.asarray(embedder(missing), dtype=np.float32)
        with _lock:
            for key, vector in zip(missing, fresh):
                _cache[key] = vector
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    with _lock:
        rows = [_cache.get(k) for k in keys]
    present = [r for r in rows if r is not None]
    if len(present) < len(rows):  # evicted by another thread meanwhile: embed again
        return embed(texts)
    return np.stack(present) if present else np.zeros((0, DIMENSIONS), dtype=np.float32)


def _digest(text: str) -> str:
    return hashlib.sha256(f"{text}|shape:{','.join(sorted(SHAPE_CONCEPTS))}".encode()).hexdigest()


def shape(text: str) -> str:
    """The text with capitalised names and numbers masked: "I met X at the X X in 5"."""
    tokens = text.split()
    masked = [t if i == 0 or not t[:1].isupper() or t.startswith(("I'", "I\u2019")) or t == "I" else "X" for i, t in enumerate(tokens)]
    return re.sub(r"\d+", "5", " ".join(masked))


def _embedded(concept: str, texts: Sequence[str]) -> np.ndarray:
    """The vectors a concept's model reads: of the texts, or of their shapes."""
    return embed([shape(t) for t in texts] if concept in SHAPE_CONCEPTS else texts)


def load_sentences() -> list[dict]:
    """Every labelled sentence of the data file."""
    return [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def _models() -> dict[str, Model]:
    """A model per concept, trained on the shipped vectors (or on vectors embedded now)."""
    raw = SENTENCES.read_text(encoding="utf-8")
    records = load_sentences()
    vectors = None
    if VECTORS.is_file():
        stored = np.load(VECTORS)
        if str(stored["digest"]) == _digest(raw):
            vectors = stored["vectors"].astype(np.float32)
    if vectors is None:  # the sentences changed since the vectors were built
        vectors = _record_vectors(records)
    grouped: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        grouped.setdefault(record["concept"], []).append(index)
    return {concept: train([records[i]["text"] for i in idx], [records[i]["label"] for i in idx], vectors[idx]) for concept, idx in grouped.items()}


def _record_vectors(records: list[dict]) -> np.ndarray:
    """Each labelled sentence's vector, in file order (shapes for the shape concepts)."""
    vectors = np.zeros((len(records), DIMENSIONS), dtype=np.float32)
    for concept in {r["concept"] for r in records}:
        rows = [i for i, r in enumerate(records) if r["concept"] == concept]
        vectors[rows] = _embedded(concept, [records[i]["text"] for i in rows])
    return vectors


def build_vectors() -> int:
    """Embed the data file's sentences and write semantic_vectors.npz; return how many."""
    raw = SENTENCES.read_text(encoding="utf-8")
    records = load_sentences()
    vectors = _record_vectors(records).astype(np.float16)
    np.savez_compressed(VECTORS, vectors=vectors, digest=np.array(_digest(raw)))
    _models.cache_clear()
    _judged.clear()
    return len(records)


def judge(concept: str, sentences: Sequence[str]) -> list[Judgement]:
    """The classifier's label for each sentence, its probability, and the nearest exemplar of it (cached)."""
    keys = [(concept, _key(s)) for s in sentences]
    with _lock:
        missing = list(dict.fromkeys(key[1] for key in keys if key not in _judged))
    if missing:
        fresh = _judge(concept, missing)
        with _lock:
            for text, judgement in zip(missing, fresh):
                _judged[(concept, text)] = judgement
            while len(_judged) > CACHE_SIZE:
                _judged.popitem(last=False)
    with _lock:
        found = [_judged.get(key) for key in keys]
    judged = [j for j in found if j is not None]
    if len(judged) < len(found):  # evicted meanwhile by another thread
        return _judge(concept, [key[1] for key in keys])
    return [j if j.sentence == s else replace(j, sentence=s) for j, s in zip(judged, sentences)]


def _judge(concept: str, sentences: Sequence[str]) -> list[Judgement]:
    """Classify sentences with the concept's model."""
    if not sentences:
        return []
    model = _models()[concept]
    vectors = _embedded(concept, sentences)
    probabilities = model.probabilities(vectors)
    similarities = vectors @ model.vectors.T
    winners = probabilities.argmax(axis=1)
    found = []
    for sentence, probs, sims, winner in zip(sentences, probabilities, similarities, winners):
        same = model.label_index == winner
        best = int(np.where(same, sims, -np.inf).argmax())
        other = float(np.where(same, -np.inf, sims).max()) if not same.all() else 0.0
        found.append(Judgement(sentence, model.classes[winner], float(probs[winner]), model.texts[best], float(sims[best]), other))
    return found


def trusted(judgement: Judgement, concept: str) -> bool:
    """Whether the label counts: the classifier is sure, and the nearest exemplars agree and are close."""
    close = judgement.similarity >= SIMILAR[concept] and judgement.similarity >= judgement.other
    return close and judgement.probability >= CONFIDENCE[concept]


def first_with_label(concept: str, sentences: Iterable[str], label: str = "yes") -> Judgement | None:
    """The first sentence the classifier surely gives the label, or None (also when the layer is off)."""
    candidates = [s for s in sentences if s.strip()]
    if not candidates or not enabled():
        return None
    return next((j for j in judge(concept, candidates) if j.label == label and trusted(j, concept)), None)


def labels_of(concept: str, sentences: Sequence[str]) -> list[str | None]:
    """The trusted label of each sentence, None where the classifier is unsure (all None when off)."""
    if not sentences or not enabled():
        return [None] * len(sentences)
    return [j.label if trusted(j, concept) else None for j in judge(concept, sentences)]


def main() -> None:
    """Rebuild the shipped exemplar vectors from the sentences file."""
    count = build_vectors()
    print(f"wrote {VECTORS} ({count} sentences)")


if __name__ == "__main__":
    main()
