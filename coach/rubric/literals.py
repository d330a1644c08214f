"""The words a pattern cannot match without: a cheap substring test that spares most regex searches."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes: stable since 3.11
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

Needs = frozenset[str]  # at least one of these (lower-case, single-spaced) strings occurs in any text the pattern matches

SHORTEST = 3  # a shorter literal occurs in nearly every sentence and spares nothing

# The only characters outside ASCII that match an ASCII letter case-insensitively (lower() keeps three apart).
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})

Item = tuple[Any, Any]  # one parsed regex element: an opcode and its argument

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def normalised(text: str) -> str:
    """A text as the needs are written: lower case, every run of white space one space."""
    return " ".join(text.translate(_FOLD).lower().split())


def needs(pattern: str) -> Needs | None:
    """What a case-insensitive pattern needs in a text to match it, or None when it needs no literal worth testing."""
    return _best(_needs(sre_parse.parse(pattern, re.IGNORECASE).data))


def present(need: Needs, text: str) -> bool:
    """Whether a normalised text holds one of the needed strings."""
    return any(literal in text for literal in need)


def _best(options: list[Needs]) -> Needs | None:
    """The most telling of several needs (all of them hold): the one whose shortest literal is longest."""
    return max(options, key=lambda need: (min(map(len, need)), -len(need)), default=None)


def _is_space(item: Item) -> bool:
    """Whether a parsed item is one white-space character class (\\s)."""
    op, value = item
    return op is sre.IN and value == [(sre.CATEGORY, sre.CATEGORY_SPACE)]


def _needs(items: list[Item]) -> list[Needs]:
    """Every need of a parsed sequence: runs of literal characters, and the needs of its groups and branches."""
    found: list[Needs] = []
    run: list[str] = []

    def close() -> None:
        literal = " ".join("".join(run).split())
        if len(literal) >= SHORTEST:
            found.append(frozenset([literal]))
        run.clear()

    for op, value in items:
        if op is sre.LITERAL and isinstance(value, int) and value < 128:
            run.append(chr(value).lower())
            continue
        if op is sre.AT:  # \b, ^ and $ take no characters
            continue
        if _is_space((op, value)) or (op in _REPEATS and value[0] >= 1 and len(value[2]) == 1 and _is_space(value[2][0])):
            run.append(" ")
            continue
        close()
        if op is sre.SUBPATTERN:
            found += _needs(value[3])
        elif op in _REPEATS and value[0] >= 1:
            found += _needs(value[2])
        elif op is sre.BRANCH:
            branches = [_best(_needs(branch)) for branch in value[1]]
            if all(branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
    close()
    return found
