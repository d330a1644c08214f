"""The curated question bank (data in coach/data/bank/questions.yaml) and the student phrases it fills in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from coach.config import DATA_DIR

BANK_FILE = DATA_DIR / "bank" / "questions.yaml"
LEAD_INS = re.compile(
    r"^(?:i am|i'm|i was|i've been|i have been|i work(?:ed)? as|i work(?:ed)? in|currently|my background is(?: in)?|"
    r"background:|my goal is(?: to)?|goal:|i want to|i'd like to|i would like to|i hope to|to)\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
CUT = re.compile(r"[,;:.!?()\n]| and | but | who | where | which | with | because ", re.IGNORECASE)
SOFT_CUT = re.compile(r" (?:at|for|in|on) ", re.IGNORECASE)


@dataclass(frozen=True)
class BankQuestion:
    """A bank entry filled in for one role."""

    area: str
    text: str
    why: str


def short_phrase(text: str | None, max_words: int = 6) -> str:
    """A short noun phrase from free text: 'I'm a marketing coordinator at X, ...' -> 'marketing coordinator'."""
    if not text or not text.strip():
        return ""
    first = text.strip().split("\n")[0][:400]
    phrase = LEAD_INS.sub("", first.strip())
    phrase = LEAD_INS.sub("", phrase)
    phrase = CUT.split(phrase)[0].strip()
    words = phrase.split()
    if len(words) > max_words:
        soft = SOFT_CUT.split(phrase)[0].split()
        words = soft if 0 < len(soft) <= max_words else words[:max_words]
    return " ".join(words).strip(" -'\"")


def in_sentence(name: str) -> str:
    """A title as it reads mid-sentence: 'Registered Nurse' -> 'registered nurse', 'UX Designer' -> 'UX designer'."""
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in (name or "").split())


@lru_cache(maxsize=1)
def load_bank() -> dict[str, list[dict]]:
    """The raw bank, by area."""
    return yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))


def bank_questions(role: str, industry: str, background: str = "", goal: str = "") -> list[BankQuestion]:
    """Every bank entry that applies, filled in; entries needing a missing phrase are skipped."""
    values = {"role": in_sentence(role), "industry": in_sentence(industry) or "the field", "background": background, "goal": goal}
    filled = []
    for area, entries in load_bank().items():
        for entry in entries:
            needs = entry.get("needs", [])
            if any(not values[n] for n in needs):
                continue
            if entry.get("industries") and industry not in entry["industries"]:
                continue
            filled.append(BankQuestion(area, entry["text"].format(**values), entry["why"]))
    return filled
