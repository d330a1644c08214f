"""The repository is whole on its own: nothing tracked points outside it, and its rubric document is current."""

from __future__ import annotations

import subprocess

from coach.config import PROJECT_ROOT
from coach.rubric.base import REGISTRY
from coach.rubric.docs import rubric_markdown

OUTSIDE = ".." + "/shared"  # spelt in two pieces so this file does not match itself


def tracked_files() -> list[str]:
    """Every file git tracks or would add (untracked, not ignored)."""
    listing = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return [name for name in listing.stdout.splitlines() if (PROJECT_ROOT / name).is_file()]


def test_no_tracked_file_refers_outside_the_repository() -> None:
    offenders = []
    for name in tracked_files():
        data = (PROJECT_ROOT / name).read_bytes()
        if OUTSIDE.encode() in data:
            offenders.append(name)
    assert not offenders, f"files that refer to {OUTSIDE}: {offenders}"


def test_the_rubric_document_is_generated_from_the_registry() -> None:
    document = (PROJECT_ROOT / "docs" / "rubric.md").read_text(encoding="utf-8")
    assert document == rubric_markdown(), "docs/rubric.md is stale: run `coach rubric --markdown > docs/rubric.md`"


def test_every_registered_rule_is_in_the_rubric_document_with_its_severity_and_advice() -> None:
    document = rubric_markdown()
    for (kind, code), rule in REGISTRY.items():
        row = f"| `{code}` | {rule.severity} |"
        assert row in document, f"{kind}/{code} is missing from the rubric document"
        assert rule.advice, f"{kind}/{code} has no advice on how to fix it"


def test_every_reminder_rule_is_in_the_rubric_document() -> None:
    from coach.reminders import RULES

    document = rubric_markdown()
    for code in RULES:
        assert f"| `{code}` |" in document, f"reminder rule {code} is missing from the rubric document"
