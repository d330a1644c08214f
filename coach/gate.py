"""The gate every model output passes before a user sees it: small checks, each with a one-line reason.

A check returns None when the text passes it, else the reason. `check_output` runs the checks a kind of
output needs; callers retry once and then show the grounded or fixed text instead, saying which it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from coach.guards import COMMON_CAPITALISED, COMMON_WORDS, invented_facts, mentions_being_an_ai
from coach.text import sentences, word_count

MARKUP = re.compile(
    r"<<<|>>>|<\|[a-z_]+\|>|\[/?INST\]|```|^#{1,6}\s|^\s*(?:system|user|assistant|human|ai)\s*:"
    r"|^\s*-\s*\[(?:day|path|skills|hard|surprise|culture|trends|advice|resources|try)\]"
    r"|\b(?:DRAFT|BEGIN|END)-[0-9a-f]{2,}|\{[a-z_]+\}",
    re.IGNORECASE | re.MULTILINE,
)
META_TALK = re.compile(
    r"\b(?:the|this|your|my) (?:message|draft|email|e-mail|note|text|rewrite|response|reply) (?:is|was|has|reads|looks|seems)\b"
    r"|\b(?:here is|here's) (?:the|a|your) (?:rewritten|revised|improved|polished|new)\b"
    r"|\b(?:summary|rewrite|revision) of the (?:draft|message|email)\b"
    r"|\b(?:the|this) draft\b|\bas requested\b|\bI (?:have|'ve) (?:rewritten|revised|polished|improved)\b",
    re.IGNORECASE,
)
URL_OR_EMAIL = re.compile(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b", re.IGNORECASE)
YEARS = re.compile(r"\b(\d{1,2})\+?\s+years?\b", re.IGNORECASE)
ENDS_A_SENTENCE = re.compile(r"[.!?][\"')\]]*$")
WORK_AT = re.compile(
    r"\bI(?:'m| am)? (?:work|worked|working) (?:at|for) ((?:a|an|the|my) [\w' -]{3,60}?)(?=[,.;:!?]|\s(?:and|where|as|since|for|in|on)\b|$)", re.IGNORECASE
)
EMPLOYER_FILLER = frozenset("a an the my of in and at for".split())


@dataclass(frozen=True)
class GateResult:
    """Whether an output may be shown, and every reason it may not."""

    passed: bool
    reasons: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        """All reasons on one line ('' when it passed)."""
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class GateSpec:
    """What an output is checked against: its sources of fact and the limits of its kind."""

    sources: Sequence[str] = ()
    min_words: int = 1
    max_words: int = 10_000
    max_chars: int | None = None
    in_role: bool = False  # a persona's reply: no talk of being an AI
    card_years: int | None = None  # the persona card's years of experience
    card_employer: str | None = None  # the persona card's employer ("a teaching hospital")
    card_title: str | None = None  # the persona card's job title
    other_titles: Sequence[str] = ()  # job titles the persona must not claim to hold
    max_new_words: float | None = None  # a rephrasing: at most this share of its content words may be new
    on_topic: Callable[[str], float] | None = None  # similarity of the output to what it answers
    min_similarity: float = 0.2
    allowed: Sequence[str] = field(default_factory=tuple)  # placeholders and fixed phrases the output may add
    strict: bool = False  # a rewrite of the writer's own text: names must be whole words of a source, no claims


def markup(text: str) -> str | None:
    """Prompt, template or note markup leaked into the text."""
    found = MARKUP.search(text)
    return f"contains markup ({found.group(0).strip()[:20]!r})" if found else None


def meta_talk(text: str) -> str | None:
    """The model talks about the text instead of writing it."""
    found = META_TALK.search(text)
    return f"talks about the text instead of being it ({found.group(0)!r})" if found else None


def invented(text: str, sources: Sequence[str]) -> str | None:
    """Names, organisations, numbers, URLs or e-mail addresses that no source contains."""
    known = " ".join(sources)
    new = invented_facts(text, known)
    lowered = known.lower()
    new += [m.group(0) for m in URL_OR_EMAIL.finditer(text) if m.group(0).lower().rstrip(".,)") not in lowered]
    return f"adds facts not in its sources: {', '.join(sorted(set(new))[:5])}" if new else None


# Claims a rewrite may not make unless a source does: what a company stands for or offers, who else writes.
CLAIMS = re.compile(
    r"\b(?:mission|vision|values|passion(?:ate)?|commitment|dedicat(?:ed|ion)|excellence|leaders?|leadership|on behalf of"
    r"|recruit(?:er|ers|ing|ment)|hiring|offer(?:ing|s)?|our (?:team|company|organi[sz]ation|firm))\b",
    re.IGNORECASE,
)
NAME = re.compile(r"\b[A-Z][\w'’&.-]*\w")


def invented_names(text: str, sources: Sequence[str]) -> str | None:
    """Capitalised names that no source has as a whole word ("Art" is not in "part", unlike `invented`)."""
    known = {w.lower().removesuffix("'s") for w in re.findall(r"[\w'’-]+", " ".join(sources))}
    new = []
    for line in text.splitlines():
        line = re.sub(r"\[[^\]]*\]", lambda m: " " * len(m.group(0)), line)  # placeholders invent nothing
        for found in NAME.finditer(line):
            name = found.group(0).removesuffix("'s").removesuffix("’s")
            opens = not line[: found.start()].strip() or line[: found.start()].rstrip()[-1:] in ".!?:"
            if name in COMMON_CAPITALISED or name.lower() in known or (opens and name.lower() in COMMON_WORDS):
                continue
            new.append(name)
    return f"names what no source has ({', '.join(sorted(set(new))[:5])})" if new else None


def invented_claims(text: str, sources: Sequence[str]) -> str | None:
    """Claims about missions, offers, recruiters or teams that no source makes."""
    known = " ".join(sources).lower()
    new = sorted({m.group(0).lower() for m in CLAIMS.finditer(text) if m.group(0).lower() not in known})
    return f"claims what no source says ({', '.join(new[:5])})" if new else None


def repetition(text: str) -> str | None:
    """A sentence or a long phrase said twice."""
    keys = [re.sub(r"\W+", " ", s.lower()).strip() for s in sentences(text)]
    repeated = [k for k, n in Counter(k for k in keys if k).items() if n > 1]
    if repeated:
        return f"repeats itself ({repeated[0][:40]!r})"
    tokens = re.findall(r"\w+", text.lower())
    grams = Counter(tuple(tokens[i : i + 6]) for i in range(len(tokens) - 5))
    looped = [g for g, n in grams.items() if n > 1]
    return f"repeats a phrase ({' '.join(looped[0])!r})" if looped else None


def cut_off(text: str) -> str | None:
    """The text stops mid-sentence."""
    last = text.rstrip().splitlines()[-1].strip() if text.strip() else ""
    return None if not last or ENDS_A_SENTENCE.search(last) or last.endswith(",") else "is cut off mid-sentence"


def length(text: str, spec: GateSpec) -> str | None:
    """Outside its kind's word or character limits."""
    words = word_count(text)
    if words < spec.min_words:
        return f"too short ({words} words, at least {spec.min_words})"
    if words > spec.max_words:
        return f"too long ({words} words, at most {spec.max_words})"
    if spec.max_chars is not None and len(text) > spec.max_chars:
        return f"too long ({len(text)} characters, at most {spec.max_chars})"
    return None


def contradicts_card(text: str, card_years: int | None, sources: Sequence[str] = ()) -> str | None:
    """Claims a number of years of experience other than the persona card's ("4 years" quoted from a source is not a claim)."""
    if card_years is None:
        return None
    known = " ".join(sources).lower()
    claimed = {int(m.group(1)) for m in YEARS.finditer(text) if m.group(0).lower() not in known}
    wrong = sorted(claimed - {card_years})
    return f"contradicts the persona card ({wrong[0]} years, card says {card_years})" if wrong else None


def contradicts_employer(text: str, card_employer: str | None) -> str | None:
    """Says it works somewhere the persona card does not ("I work at a retail chain" at a teaching hospital)."""
    if not card_employer:
        return None
    employer = set(re.findall(r"\w+", card_employer.lower())) - EMPLOYER_FILLER
    for match in WORK_AT.finditer(text):
        claimed = set(re.findall(r"\w+", match.group(1).lower())) - EMPLOYER_FILLER
        if claimed and not claimed & employer:
            return f"contradicts the persona card (works at {match.group(1)!r}, card says {card_employer!r})"
    return None


def contradicts_title(text: str, card_title: str | None, other_titles: Sequence[str]) -> str | None:
    """Claims to hold another job title than the persona card's ("I'm a nurse" for a pharmacist)."""
    if not card_title:
        return None
    own = card_title.lower()
    for title in other_titles:
        other = title.lower().strip()
        if not other or other in own or own in other:
            continue
        if re.search(rf"\bI(?:'m| am|'ve been| have been| was| work as| worked as)\s+(?:a|an)\s+(?:\w+\s+){{0,2}}{re.escape(other)}s?\b", text, re.IGNORECASE):
            return f"contradicts the persona card (claims to be a {other}, card says {card_title})"
    return None


# Words any rephrasing may use without adding a fact.
PLAIN_WORDS = frozenset(
    "about above across after again also always another anything around away back because been before being both "
    "bring came come comes could didn does doing done down during each even ever every everything first from gets "
    "give given goes going good great have having here into just keep kind know last like little long look lot lots "
    "made make makes many more most much must need needs never next often only other others over part pretty quite "
    "rather really same says seem seems should show side since some something sometimes still such sure take takes "
    "tell than that their them then there these they thing things think this those though through time times today "
    "together very want well were what when where which while will with within without work working works would year "
    "years your yours you're i've i'd i'm it's that's there's don't can't really honestly usually mostly "
    # pleasantries: they carry no fact
    "glad happy interested asked asking question questions hear enjoy enjoying curious wonderful exciting interesting "
    "important definitely absolutely certainly course say".split()
)


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def new_words(text: str, sources: Sequence[str], limit: float | None) -> str | None:
    """A rephrasing that brings in too many content words its sources do not have (facts slip in as plain words)."""
    if limit is None:
        return None
    known = {_stem(w) for w in re.findall(r"[a-z][a-z'-]+", " ".join(sources).lower())}
    content = [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if len(w) > 3 and w not in PLAIN_WORDS]
    fresh = [w for w in content if _stem(w) not in known]
    share = len(fresh) / len(content) if content else 0.0
    return f"adds words its sources do not have ({share:.0%}: {', '.join(list(dict.fromkeys(fresh))[:4])})" if share > limit else None


def check_output(text: str, spec: GateSpec) -> GateResult:
    """Run every check the spec asks for; the output passes when none objects."""
    if not text or not text.strip():
        return GateResult(False, ("is empty",))
    sources = [*spec.sources, *spec.allowed]
    reasons = [
        markup(text),
        meta_talk(text),
        invented(text, sources),
        repetition(text),
        cut_off(text),
        length(text, spec),
        contradicts_card(text, spec.card_years, spec.sources),
        contradicts_employer(text, spec.card_employer),
        contradicts_title(text, spec.card_title, spec.other_titles),
        new_words(text, sources, spec.max_new_words),
        "breaks role (talks about being an AI)" if spec.in_role and mentions_being_an_ai(text) else None,
        invented_names(text, sources) if spec.strict else None,
        invented_claims(text, sources) if spec.strict else None,
    ]
    if spec.on_topic is not None:
        similarity = spec.on_topic(text)
        if similarity < spec.min_similarity:
            reasons.append(f"off topic (similarity {similarity:.2f} < {spec.min_similarity:.2f})")
    found = tuple(r for r in reasons if r)
    return GateResult(not found, found)
