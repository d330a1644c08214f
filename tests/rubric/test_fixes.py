"""Fixes: each fixable rule's edits, applied deterministically, faithful to the draft by construction."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from coach.rubric.base import REGISTRY
from coach.rubric.fixes import FIXERS, PHRASES_FILE, Edit, apply_edits, fix_message, suggest
from coach.rubric.lint import lint
from coach.text import words
from tests.datasets import labelled_messages

MESSAGES = labelled_messages()
PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")


def phrase_words() -> set[str]:
    """Every word the fixed phrases may add."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(w.lower() for w in words(PLACEHOLDER.sub(" ", value)))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8")))
    return found


def dates(record: dict) -> dict:
    return {"meeting_date": record.get("meeting_date"), "sent_date": record.get("sent_date")}


def fixable(kind: str, applicabilities: tuple[str, ...] = ("safe", "unsafe")) -> set[str]:
    return {code for (k, code), fix in FIXERS.items() if k == kind and fix.applicability in applicabilities}


@pytest.mark.parametrize("record", MESSAGES, ids=[r["id"] for r in MESSAGES])
def test_fixing_a_labelled_message_clears_its_fixable_findings_adds_none_and_adds_no_word(record: dict) -> None:
    before = {f.code for f in lint(record["text"], record["kind"], record["channel"], **dates(record))}
    result = fix_message(record["text"], record["kind"], record["channel"], **dates(record), unsafe=True)
    after = {f.code for f in result.findings}
    assert after == {f.code for f in lint(result.fixed, record["kind"], record["channel"], **dates(record))}
    assert not after & fixable(record["kind"]), f"fixable findings left: {sorted(after & fixable(record['kind']))}\n{result.fixed}"
    assert after <= before, f"new findings: {sorted(after - before)}\n{result.fixed}"
    known = {w.lower() for w in words(record["text"])} | phrase_words()
    added = [w for w in words(PLACEHOLDER.sub(" ", result.fixed)) if w.lower() not in known]
    assert not added, f"words neither in the draft nor in fix_phrases.yaml: {added}"
    assert all(e.applicability != "display" for e in result.edits)


def test_how_many_findings_each_applicability_removes() -> None:
    """Safe fixes alone, then unsafe ones too, then the placeholders of display-only fixes, over the development set."""
    removed: Counter[str] = Counter()
    total = 0
    for record in MESSAGES:
        kind, channel = record["kind"], record["channel"]
        before = [f.code for f in lint(record["text"], kind, channel, **dates(record))]
        safe = fix_message(record["text"], kind, channel, **dates(record))
        unsafe = fix_message(record["text"], kind, channel, **dates(record), unsafe=True)
        shown = apply_edits(unsafe.fixed, [e for e in unsafe.suggestions if e.applicability == "display"])
        display = [f.code for f in lint(shown, kind, channel, **dates(record))]
        total += len(before)
        removed["safe"] += len(before) - len(safe.findings)
        removed["unsafe"] += len(safe.findings) - len(unsafe.findings)
        removed["display"] += len(unsafe.findings) - len(display)
    print(
        f"\nfindings on {len(MESSAGES)} labelled messages: {total}; removed by safe fixes {removed['safe']}, "
        f"by unsafe fixes {removed['unsafe']}, by display-only placeholders {removed['display']}; left {total - sum(removed.values())}"
    )
    assert removed["safe"] > 0 and removed["unsafe"] > 0


def test_every_fix_belongs_to_a_registered_rule() -> None:
    assert set(FIXERS) <= set(REGISTRY)
    assert {fix.applicability for fix in FIXERS.values()} == {"safe", "unsafe", "display"}


def edit(start: int, end: int, after: str, code: str = "x") -> Edit:
    return Edit(code=code, applicability="safe", start=start, end=end, before="", after=after)


def test_apply_edits_is_deterministic_and_skips_an_overlapping_edit() -> None:
    text = "one two three"
    edits = [edit(4, 7, "2"), edit(0, 3, "1"), edit(5, 9, "clash"), edit(13, 13, "!")]
    assert apply_edits(text, edits) == "1 2 three!"
    assert apply_edits(text, list(reversed(edits[:2])) + edits[2:]) == "1 2 three!"


def test_a_line_inserted_at_a_position_goes_before_text_inserted_there() -> None:
    assert apply_edits("body", [edit(0, 0, "Thanks. "), edit(0, 0, "Hi,\n\n")]) == "Hi,\n\nThanks. body"


@pytest.mark.parametrize(
    ("draft", "kind", "expected", "code"),
    [
        (
            "Hi Ana,\n\nWe met at the Tallis alumni night. Would you be open to a 20-minute call about how you got into urban forestry?\n\nBest,\nSam",
            "outreach",
            "Subject: A question about urban forestry\nHi Ana,",
            "missing-subject",
        ),
        (
            "Subject: Tallis alum\nHi Ana,\n\nSorry to bother you, but would you have 15 minutes to talk about urban forestry? We met at the Tallis alumni night.\n\nBest,\nSam",
            "outreach",
            "Hi Ana,\n\nWould you have 15 minutes to talk about urban forestry?",
            "apologetic",
        ),
        (
            "Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. Could I pick your brain about urban forestry?\n\nBest,\nSam",
            "outreach",
            "Could I pick your brain for 15-20 minutes about urban forestry?",
            "no-time-bound",
        ),
        (
            "Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. I would love to hear how you got into urban forestry in a 15-minute call.\n\nBest,\nSam",
            "outreach",
            "Could I hear how you got into urban forestry in a 15-minute call?",
            "no-question",
        ),
        (
            "Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. I've attached my resume. Would you have 15 minutes to talk about urban forestry?\n\nBest,\nSam",
            "outreach",
            "night. Would you have 15 minutes",
            "attachment",
        ),
        (
            "Hi Ana,\n\nThanks for the chat about urban forestry and your advice to join the Tallis tree survey. I'll sign up this week.\n\nBest,\nSam",
            "thank-you",
            None,
            None,
        ),
    ],
)
def test_safe_fixes(draft: str, kind: str, expected: str | None, code: str | None) -> None:
    result = fix_message(draft, kind)
    if expected is None:
        assert result.edits == [] and result.fixed == draft
        return
    assert expected in result.fixed, result.fixed
    assert [e.code for e in result.edits] == [code]
    assert code not in {f.code for f in result.findings}


def test_a_job_ask_becomes_an_informational_ask_only_with_unsafe_fixes() -> None:
    draft = "Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. Could you refer me for the analyst opening on your urban forestry team?\n\nBest,\nSam"
    assert fix_message(draft, "outreach").fixed == draft
    fixed = fix_message(draft, "outreach", unsafe=True)
    assert "refer me" not in fixed.fixed and "Would you be open to a 15-20 minute call about" in fixed.fixed
    assert [(e.code, e.applicability) for e in fixed.edits] == [("job-ask", "unsafe")]


def test_placeholders_are_suggested_never_applied() -> None:
    draft = "Hello,\n\nWould you have 15 minutes for a call about urban forestry?\n\nBest,\nSam"
    result = fix_message(draft, "outreach", "linkedin", unsafe=True)
    assert "[" not in result.fixed
    assert {(e.code, e.after.strip()) for e in result.suggestions} >= {
        ("generic-greeting", "Hi [their first name],"),
        ("no-connection", "[how you found them]."),
    }


@pytest.mark.parametrize("record", MESSAGES[:45:3], ids=[r["id"] for r in MESSAGES[:45:3]])
def test_suggestions_do_not_overlap_and_none_adds_a_finding_alone(record: dict) -> None:
    text, edits = suggest(record["text"], record["kind"], record["channel"], **dates(record))
    before = {f.code for f in lint(text, record["kind"], record["channel"], **dates(record))}
    for first, second in zip(edits, edits[1:]):
        assert first.end <= second.start or first.start == first.end == second.start
    for one in edits:
        assert text[one.start : one.end] == one.before
        if one.applicability != "display":
            assert {f.code for f in lint(apply_edits(text, [one]), record["kind"], record["channel"], **dates(record))} <= before


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        ("Could I take you to lunch next week to hear how you got into urban forestry?", "Could I have 15-20 minutes of your time next week to hear how"),
        ("Would you be open to a 20-minute call about urban forestry, and then to mentoring me monthly?", "a 20-minute call about urban forestry?"),
        ("Would you have an hour for a call about urban forestry?", "Would you have 15-20 minutes for a call about urban forestry?"),
    ],
)
def test_a_big_ask_becomes_one_short_call_with_unsafe_fixes(ask: str, expected: str) -> None:
    draft = f"Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. {ask}\n\nBest,\nSam"
    result = fix_message(draft, "outreach", unsafe=True)
    assert expected in result.fixed, result.fixed
    assert "big-ask" not in {f.code for f in result.findings} and "big-ask" in {e.code for e in result.edits}


def test_a_long_note_is_cut_to_the_limit_keeping_the_connection_and_the_ask() -> None:
    about_me = " ".join(f"I spent year {n} of my degree on a different forestry project that taught me something new." for n in range(1, 8))
    draft = f"Subject: Tallis alum\nHi Ana,\n\nWe met at the Tallis alumni night. {about_me}\n\nWould you have 15 minutes to talk about urban forestry?\n\nBest,\nSam"
    result = fix_message(draft, "outreach", unsafe=True)
    assert not {"too-long", "self-focused"} & {f.code for f in result.findings}
    assert "We met at the Tallis alumni night." in result.fixed and "Would you have 15 minutes to talk about urban forestry?" in result.fixed
    assert {e.applicability for e in result.edits} == {"unsafe"}
