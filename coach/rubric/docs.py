"""The rubric document (docs/rubric.md), generated from the rule registry and its prose."""

from __future__ import annotations

from coach.config import DATA_DIR
from coach.rubric import fixers, lint, transcript_rules  # noqa: F401  (importing them registers every rule and fix)
from coach.rubric.base import Kind, Rule, fix_of, rules_for

PROSE_FILE = DATA_DIR / "rubric_prose.md"
REMINDERS_FILE = DATA_DIR / "reminders_prose.md"  # the follow-up reminder rules (coach/reminders.py)
RULES_MARKER = "<!-- rules -->"
HEADINGS: dict[Kind, str] = {
    "outreach": "Outreach messages (`kind: outreach`)",
    "thank-you": "Thank-you / follow-up messages (`kind: thank-you`)",
    "transcript": "Mock interview transcripts (`kind: transcript`)",
}


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def rules_table(rules: list[Rule]) -> str:
    """One Markdown table row per rule: code, severity, what fires it, how to fix it, its automatic fix."""
    lines = ["| code | severity | fires when | how to fix it | fix |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| `{r.code}` | {r.severity} | {_cell(r.description)} | {_cell(r.advice)} | {fix_of(r.kind, r.code)} |" for r in rules]
    return "\n".join(lines)


def rules_sections() -> str:
    """A heading and a table for each kind of text, in the registry's order."""
    return "\n\n".join(f"## {heading}\n\n{rules_table(rules_for(kind))}" for kind, heading in HEADINGS.items()) + "\n"


def rubric_markdown() -> str:
    """The whole rubric document."""
    prose = PROSE_FILE.read_text(encoding="utf-8")
    reminders = REMINDERS_FILE.read_text(encoding="utf-8")
    return prose.replace(RULES_MARKER, rules_sections(), 1).rstrip("\n") + "\n\n" + reminders
