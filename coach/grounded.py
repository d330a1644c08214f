"""The grounded professional: the note passages that answer a question, voiced as the persona.

A 135M model cannot be trusted to invent a professional; the notes can carry one. For each student
question this module classifies the topic, picks the passages that answer it (the note's first-person
`In my words` lines of matching topics first, then its sentences, ranked by embedding similarity and not
used before in the session) and voices them by temperament. A model may only rephrase these passages,
through the gate (`reply_spec`); the grounded answer is what is shown when it cannot.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import yaml

from coach.config import DATA_DIR
from coach.embeddings import Embedder
from coach.gate import GateSpec
from coach.rubric.questions import asks, is_closed, tiara_areas
from coach.rubric.transcript_rules import says_thanks
from coach.text import fold, sentences, word_count

TOPICS = ("day", "path", "skills", "hard", "surprise", "culture", "trends", "advice", "resources", "try")
IN_MY_WORDS = re.compile(r"^\s*-\s*\[(" + "|".join(TOPICS) + r")\]\s*(.+?)\s*$", re.MULTILINE)
# Sections whose sentences are facts about the work (questions and source lists are not).
SKIPPED_SECTIONS = {"questions worth asking", "sources", "in my words", "overview"}
SECTION_TOPICS = {"day to day": "day", "skills that matter": "skills", "career paths": "path", "culture and work environment": "culture", "trends": "trends"}
TOPIC_CUES = {
    "day": r"\b(typical|day[- ]to[- ]day|daily|a day|your day|(a|the|your) (shift|week)|spend (most of )?your time|routine|walk me through)\b",
    "path": r"\b(get (into|started|in)|break into|path|route|degree|school|stud(y|ied)|major|licen[cs]\w*|exams?|certif\w*|residency|"
    r"qualif\w*|training|how did you (start|become|end up|get))\b",
    "skills": r"\b(skills?|strengths?|qualities|good at|tools?|software|traits?)\b",
    "hard": r"\b(mistakes?|newcomers?|hard(est)?|challeng\w*|difficult\w*|stress\w*|tough\w*|worst|frustrat\w*|downsides?|burn ?out)\b",
    "surprise": r"\b(surpris\w*|expect\w*|wish (i|you) (had )?known|misconceptions?|myths?|didn't know)\b",
    "culture": r"\b(culture|team|colleagues|environment|hours|balance|schedule|managers?|workplace|remote|pace)\b",
    "trends": r"\b(trends?|chang\w*|future|next (few|five|ten)|evolv\w*|automation|ai|technology|outlook|heading)\b",
    "resources": r"\b(who else|talk to|read|books?|podcasts?|journals?|associations?|resources?|newsletters?|conferences?|groups?|follow)\b",
    "try": r"\b(try|project|test (whether|if)|experiment|shadow\w*|volunteer\w*|small (project|step)|taste|hands-on)\b",
    "advice": r"\b(advice|in my (place|shoes)|recommend\w*|would you do|should i|tips?|prepare|mistakes?|wish)\b",
}
AREA_TOPICS = {
    "trends": ("trends",),
    "insights": ("day", "hard", "surprise", "culture", "skills"),
    "advice": ("advice", "path", "skills"),
    "resources": ("resources",),
    "assignments": ("try",),
}
VAGUE = re.compile(
    r"^(so )?(tell me (about|more about) (your (job|work|career|field)|yourself|what you do)|what do you do|what is it like|"
    r"what's it like|how is (it|the job|your job)|any thoughts|what about you|what is your job like)\b"
)
Kind = Literal["in_my_words", "note", "general"]
# Word limits by temperament: (fewest, most) words of the whole reply (the gate enforces them).
LIMITS = {"busy": (40, 60), "skeptical": (40, 100), "warm": (40, 120)}
TOPIC_BONUS = 0.35  # a passage of the question's topic outranks a merely similar one
FIRST_PERSON_BONUS = 0.1  # the note's own first-person lines read best
NEAR_DUPLICATE = 0.82
USED_PENALTY = 0.45  # said before in this session: only when nothing fresh answers as well
GENERAL_PENALTY = 0.5
WEAKER_BY = 0.3
FRAMING_WORDS = 7  # the longest framing a note sentence can get ("What I see in my own work is that")
RELATED_FLOOR = 0.5  # cosine of the role name to a note's role and aliases (MiniLM): below it, not really related
RELATED_MARGIN = 0.08


@dataclass(frozen=True)
class Passage:
    """A sentence or a first-person line the professional may say, and where it came from."""

    id: str
    text: str
    topic: str | None
    kind: Kind
    path: str | None
    section: str
    source: str = "knowledge"
    fragment: bool = False  # a list item such as "Attention to detail under pressure."

    def grounding(self, score: float) -> dict:
        """The record saved with the turn and shown under the reply."""
        return {
            "passage_id": self.id,
            "kind": self.kind,
            "topic": self.topic,
            "path": self.path or "general_lines.yaml",
            "section": self.section,
            "source": self.source if self.path else "general",
            "score": round(float(score), 4),
            "text": self.text,
        }


@lru_cache(maxsize=1)
def voice_lines() -> dict:
    """Framings, pushbacks, follow-ups and greetings (data file)."""
    return yaml.safe_load((DATA_DIR / "bank" / "voice.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def general_passages() -> tuple[Passage, ...]:
    """The role-neutral first-person lines for roles without a note."""
    data = yaml.safe_load((DATA_DIR / "bank" / "general_lines.yaml").read_text(encoding="utf-8"))
    return tuple(
        Passage(f"general#{topic}:{i}", line, topic, "general", None, "General lines") for topic in TOPICS for i, line in enumerate(data.get(topic) or [])
    )


def _blocks(note_text: str) -> list[tuple[str, str]]:
    """(section, body) pairs of a note reassembled from its chunks ('## Section' blocks)."""
    pieces = []
    for block in ("\n" + note_text).split("\n## ")[1:]:
        title, _, body = block.partition("\n")
        pieces.append((title.strip(), body.strip()))
    return pieces


def note_passages(path: str, note_text: str, source: str = "knowledge") -> list[Passage]:
    """A note's `In my words` lines (tagged by topic) and the sentences of its factual sections."""
    found: list[Passage] = []
    for section, body in _blocks(note_text):
        key = section.lower()
        if key == "in my words":
            for i, match in enumerate(IN_MY_WORDS.finditer(body)):
                found.append(Passage(f"{path}#words:{i}:{_digest(match.group(2))}", match.group(2), match.group(1), "in_my_words", path, section, source))
            continue
        if key in SKIPPED_SECTIONS:
            continue
        for line in body.splitlines():
            item = re.match(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+", line)
            line = line[item.end() :].strip() if item else line.strip()
            for sentence in sentences(line):
                if 6 <= word_count(sentence) <= 60 and not sentence.endswith("?") and sentence[-1:] in ".!":
                    topic = SECTION_TOPICS.get(key)
                    found.append(Passage(f"{path}#{_digest(sentence)}", sentence, topic, "note", path, section, source, fragment=bool(item)))
    return found


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def topics_of(question: str) -> list[str]:
    """The note topics a question is about: cue words first, then its TIARA areas."""
    text = fold(question)
    found = [topic for topic, cue in TOPIC_CUES.items() if re.search(cue, text)]
    for area in sorted(tiara_areas(question)):
        found += [t for t in AREA_TOPICS[area] if t not in found][:2]
    return list(dict.fromkeys(found))


def is_vague(question: str) -> bool:
    """A question too general to answer well: no topic, or a 'tell me about your job'."""
    text = fold(question)
    return bool(VAGUE.match(text)) or not topics_of(question) or (word_count(question) < 5 and is_closed(question))


def kind_of_turn(text: str) -> Literal["question", "greeting", "thanks"]:
    """Whether a student turn asks something, only introduces itself, or only thanks."""
    folded = fold(text)
    if asks(text) or text.rstrip().endswith("?") or VAGUE.match(folded) or re.search(r"\b(tell|walk|talk|take) me\b|\b(describe|explain)\b", folded):
        return "question"
    introduces = re.search(r"\b(hi|hello|hey|i'm|i am|my name|nice to meet)\b", folded)
    if says_thanks(text) and word_count(text) <= 25 and not introduces:
        return "thanks"
    return "greeting" if introduces or says_thanks(text) else "question"


class PassageIndex:
    """Passages with their embeddings, computed once per text (a session asks many questions of one note)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, texts: list[str]) -> list[np.ndarray]:
        """Unit vectors for texts, embedding only the new ones."""
        fresh = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if fresh:
            for text, vector in zip(fresh, self.embedder(fresh)):
                vector = np.asarray(vector, dtype=np.float32)
                self._vectors[text] = vector / (np.linalg.norm(vector) or 1.0)
        return [self._vectors[t] for t in texts]

    def similarity(self, a: str, b: str) -> float:
        """Cosine of two texts."""
        va, vb = self.vectors([a, b])
        return float(va @ vb)


@dataclass
class Choice:
    """The passages picked for a question, best first, with their scores."""

    passages: list[Passage]
    scores: list[float]
    topics: list[str]

    def grounding(self) -> list[dict]:
        """One record per passage."""
        return [p.grounding(s) for p, s in zip(self.passages, self.scores)]


def _grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def choose(
    question: str,
    candidates: list[Passage],
    index: PassageIndex,
    used: set[str],
    limits: tuple[int, int],
    fallback: list[Passage] | tuple[Passage, ...] = (),
    topics: list[str] | None = None,
) -> Choice:
    """The passages that answer the question: on topic, similar, unused, none overlapping another; enough words for the reply."""
    topics = topics_of(question) if topics is None else topics
    pool = [*candidates, *fallback]
    if not pool:
        return Choice([], [], topics)
    used_grams = set().union(*(_grams(p.text) for p in pool if p.id in used))
    question_vector, *vectors = index.vectors([question] + [p.text for p in pool])
    scored = []
    for passage, vector in zip(pool, vectors):
        score = float(vector @ question_vector)
        if passage.topic in topics:
            score += TOPIC_BONUS * (1.0 - 0.15 * topics.index(passage.topic))
        if passage.kind in ("in_my_words", "general"):
            score += FIRST_PERSON_BONUS
        if passage.kind == "general" and candidates:
            score -= GENERAL_PENALTY  # a role's own notes speak before the role-neutral lines
        if passage.id in used or _grams(passage.text) & used_grams:
            score -= USED_PENALTY
        scored.append((score, passage, vector))
    scored.sort(key=lambda item: -item[0])
    chosen: list[tuple[float, Passage, np.ndarray]] = []
    words, framed, (fewest, most) = 0, 0, limits  # words said, and the most a framing can add to them
    for score, passage, vector in scored:
        size, framing = word_count(passage.text), FRAMING_WORDS if passage.kind == "note" else 0
        if words + framed + size + framing > most:
            continue
        if words >= fewest and score < scored[0][0] - WEAKER_BY:
            break  # enough said, and the rest answers the question less well
        grams = _grams(passage.text)
        if any(float(vector @ other) > NEAR_DUPLICATE or grams & _grams(p.text) for _, p, other in chosen):
            continue
        chosen.append((score, passage, vector))
        words, framed = words + size, framed + framing
        if words >= (fewest + most) / 2 or len(chosen) >= 4:
            break
    return Choice([p for _, p, _ in chosen], [s for s, _, _ in chosen], topics)


def _pick(options: list[str], seed: str) -> str:
    return options[int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % len(options)]


def _lower_first(sentence: str, note_text: str) -> str | None:
    """The sentence with its first word lower-cased, if that word is a common word rather than a name."""
    first = sentence.split(" ", 1)[0]
    if first.isupper() or not first[:1].isupper():
        return None
    lowered = first[0].lower() + first[1:]
    return lowered + sentence[len(first) :] if re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(lowered)}\b", note_text) else None


def voice(passage: Passage, seed: str, note_text: str = "", turn: int = 0) -> str:
    """A passage as the professional says it: first-person lines as they are, note sentences framed.

    `turn` is the passage's place in the reply: framings rotate with it, so one reply never repeats one.
    """
    if passage.kind != "note":
        return passage.text
    framings = voice_lines()["framings"]
    lowered = _lower_first(passage.text, note_text or passage.text)
    kind = "item" if passage.fragment else "lower" if lowered else "keep"
    options = framings[kind]
    start = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % len(options)
    return options[(start + turn) % len(options)].format(sentence=lowered or passage.text)


@dataclass
class Frame:
    """What the temperament says around the passages: an opening and a closing line (possibly empty)."""

    before: str = ""
    after: str = ""

    def lines(self) -> list[str]:
        """The frame's lines, for the gate's allowed phrases."""
        return [line for line in (self.before, self.after) if line]


def frame_for(temperament: str, question: str, topics: list[str], turn: str, title: str, seed: str) -> Frame:
    """The temperament's opening and closing lines for this turn."""
    lines = voice_lines()
    if turn == "greeting":
        return Frame(lines["greeting"].format(title=title.lower()), lines["greeting_close"] if temperament == "warm" else "")
    if turn == "thanks":
        return Frame(lines["thanks_reply"], "")
    if temperament == "skeptical" and is_vague(question):
        return Frame(_pick(lines["pushback"], seed), _pick(lines["pushback_close"], seed))
    if temperament == "warm":
        topic = topics[0] if topics else "default"
        return Frame("", _pick(lines["follow_ups"].get(topic) or lines["follow_ups"]["default"], seed))
    return Frame()


def compose(frame: Frame, body: list[str], limits: tuple[int, int]) -> str:
    """Frame and body sentences joined, dropping body sentences from the end past the upper limit."""
    body = list(body)
    while len(body) > 1 and word_count(" ".join([*frame.lines(), *body])) > limits[1]:
        body.pop()
    return " ".join(part for part in (frame.before, *body, frame.after) if part).strip()


def related_notes(index: PassageIndex, role: str, notes: list[dict], floor: float = RELATED_FLOOR, limit: int = 2) -> list[dict]:
    """Notes really related to a role without one: role-and-aliases similarity above a floor, near the best."""
    if not notes or not role.strip():
        return []
    cards = [f"{n['role']}: {', '.join(a.strip() for a in n.get('aliases', '').split(',')[:4] if a.strip())}" for n in notes]
    role_vector, *card_vectors = index.vectors([role.strip()] + cards)
    scored = sorted(((float(v @ role_vector), n) for v, n in zip(card_vectors, notes)), key=lambda item: -item[0])
    best = scored[0][0]
    return [dict(n, similarity=round(s, 3)) for s, n in scored[:limit] if s >= floor and s >= best - RELATED_MARGIN]


def no_note_line(related_roles: list[str]) -> str:
    """The persona card's line for a role without a note."""
    lines = voice_lines()
    return lines["no_note_card"] + (lines["no_note_related"].format(roles=", ".join(related_roles)) if related_roles else "") + "."


def reply_spec(
    sources: list[str],
    limits: tuple[int, int],
    on_topic,
    card_years: int | None,
    card_employer: str | None = None,
    card_title: str | None = None,
    other_titles: tuple[str, ...] = (),
    allowed: tuple[str, ...] = (),
    min_similarity: float = 0.2,
) -> GateSpec:
    """The gate for a professional's reply: sources of fact, temperament length, the card, role and topic."""
    return GateSpec(
        sources=tuple(sources),
        min_words=limits[0],
        max_words=limits[1],
        in_role=True,
        card_years=card_years,
        card_employer=card_employer,
        card_title=card_title,
        other_titles=other_titles,
        on_topic=on_topic,
        min_similarity=min_similarity,
        allowed=allowed,
    )
