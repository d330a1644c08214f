"""Findings, rules and the registry every rubric check is listed in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

Kind = Literal["outreach", "thank-you", "transcript"]
Severity = Literal["error", "warning"]

ERROR_CODES = frozenset({"job-ask", "attachment", "late", "overtime", "no-thanks"})
PENALTY: dict[str, int] = {"error": 20, "warning": 10}


class Finding(BaseModel):
    """One rubric code that fired, with what triggered it."""

    code: str
    severity: Severity
    message: str
    evidence: str


@dataclass(frozen=True)
class Rule:
    """A rubric code: its kind, severity, one-line description and check."""

    code: str
    kind: Kind
    severity: Severity
    description: str
    check: Callable[[Any], Finding | None]
    advice: str = ""  # how to fix it, in one line (the rubric document prints it)


REGISTRY: dict[tuple[Kind, str], Rule] = {}
# The applicability ("safe", "unsafe", "display") of each rule that has a fix; coach/rubric/fixers.py fills it.
FIXES: dict[tuple[Kind, str], str] = {}


def severity_of(code: str) -> Severity:
    """Severity the rubric gives a code."""
    return "error" if code in ERROR_CODES else "warning"


def rule(kinds: Kind | Iterable[Kind], code: str, description: str, advice: str = "") -> Callable:
    """Register a check function under a code for one or more kinds."""
    kind_list = [kinds] if isinstance(kinds, str) else list(kinds)

    def register(check: Callable[[Any], Finding | None]) -> Callable[[Any], Finding | None]:
        for kind in kind_list:
            REGISTRY[(kind, code)] = Rule(code, kind, severity_of(code), description, check, advice)
        return check

    return register


def finding(code: str, message: str, evidence: str) -> Finding:
    """Build a finding with the rubric's severity for its code."""
    return Finding(code=code, severity=severity_of(code), message=message, evidence=evidence)


def fix_of(kind: Kind, code: str) -> str:
    """Whether a rule has a fix, and of which applicability: "safe", "unsafe", "display" or "none"."""
    return FIXES.get((kind, code), "none")


def rules_for(kind: Kind) -> list[Rule]:
    """The registered rules of one kind, in registration order."""
    return [r for (k, _), r in REGISTRY.items() if k == kind]


def score(findings: Iterable[Finding]) -> int:
    """100 minus 20 per error and 10 per warning, floored at 0."""
    return max(0, 100 - sum(PENALTY[f.severity] for f in findings))
