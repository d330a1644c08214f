"""The model polish: a candidate that passes the gate or is rejected in one line, the fixed draft standing instead."""

from __future__ import annotations

import pytest

from coach.errors import BackendError
from coach.fake_model import FakeChatModel
from coach.polish import NOT_ASKED, check_polish, own_facts, polish
from coach.review import review
from coach.rubric.fixes import fix_message

DRAFT = """Hi Renata,

I'm a computer science junior at Halloway University and found you through the Halloway alumni directory. I'm so sorry to bother you. Your blog post on moving Pellworth's payments system off its monolith is the clearest write-up I've read.

Would you be open to a 20-minute call about how you moved from front-end work into infrastructure engineering?

Best,
Dev"""


@pytest.fixture
def start():
    fixed = fix_message(DRAFT, "outreach")
    return review(fixed.fixed, "outreach")


def padded(text: str, words: int) -> str:
    """The fixed draft with filler sentences in the body until it has about `words` words."""
    filler = [
        "The part about running both systems side by side stayed with me.",
        "It changed how I think about migrations.",
        "I keep coming back to the section on cutover planning.",
        "The diagrams made the sequence easy to follow.",
        "It is the post I send classmates first.",
        "The write-up on rollback drills was just as clear.",
    ]
    body, closing = text.split("\n\nBest,")
    extra = []
    while len((body + " ".join(extra)).split()) < words:
        extra.append(filler[len(extra) % len(filler)] + f" Point {len(extra) + 1} of it was new to me.")
    return body + " " + " ".join(extra) + "\n\nBest," + closing


FAILURES = {
    "markup": (lambda t: "<<<DRAFT-ee0f089e>>\n" + t, "contains markup"),
    "meta-talk": (lambda t: "The message is a summary of the draft, but it's missing some details about the writer.", "talks about the text"),
    "invented mission": (
        lambda t: t.replace("Would you", "I want to support your company's mission of building leaders from the bottom up. Would you"),
        "claims what no source says (leaders, mission)",
    ),
    "invented organisation": (
        lambda t: t.replace("Would you", "I'm offering an interview on behalf of my team and recruiters at Northgate Talent Partners. Would you"),
        "Northgate",
    ),
    "repeated date line": (
        lambda t: t.replace("\n\nBest,", "\n\nDate: 05/30/2024, 12:08 PM\nDate: 05/30/2024, 12:08 PM\nDate: 05/30/2024, 12:08 PM\n\nBest,"),
        "repeats itself",
    ),
    "over-limit length": (lambda t: padded(t, 168), "over the channel's limit"),
    "unchanged draft": (lambda t: t, "returns the draft unchanged"),
    "empty reply": (lambda t: "  ", "is empty"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_each_failure_is_rejected_with_its_reason_and_the_writer_gets_the_fixed_draft(start, failure: str) -> None:
    make, reason = FAILURES[failure]
    model = FakeChatModel(responses=[make(start.text), make(start.text)])
    result = polish(start, model, original=DRAFT, force=True)
    assert len(model.calls) == 2, "one retry, then the fixed draft"
    assert result.source == "fixed" and result.text == start.text and not result.passed
    assert reason in result.reason, result.reason
    assert "\n" not in result.reason and result.warning.startswith("The model's version was rejected (")
    assert result.candidate == make(start.text).strip()


def test_a_polish_that_passes_is_shown_as_model_text(start) -> None:
    better = start.text.replace("is the clearest write-up I've read", "is the clearest write-up on it I have read")
    model = FakeChatModel(responses=[start.text, better])
    result = polish(start, model, original=DRAFT, force=True)
    assert result.source == "model" and result.passed and result.text == better and result.attempts == 2
    assert result.warning is None


def test_a_draft_with_no_findings_is_not_sent_to_the_model_unless_asked(start) -> None:
    assert start.findings == []
    model = FakeChatModel(responses=["anything"])
    result = polish(start, model, original=DRAFT)
    assert model.calls == [] and result.source == "fixed" and result.reason == NOT_ASKED and result.text == start.text


def test_a_draft_with_findings_left_is_sent_with_them_in_the_prompt() -> None:
    start = review(fix_message(DRAFT.replace("Hi Renata,", "Hello,"), "outreach").fixed, "outreach")
    assert [f.code for f in start.findings] == ["generic-greeting"]
    model = FakeChatModel(responses=["x", "y"])
    polish(start, model, original=DRAFT)
    assert "generic-greeting" in model.calls[0][1].content and start.text in model.calls[0][1].content


def test_the_person_the_connection_and_the_ask_are_the_draft_facts_a_polish_keeps(start) -> None:
    assert own_facts(start) == ["Renata", "Halloway", "University", "20"]
    dropped = start.text.replace(" at Halloway University and found you through the Halloway alumni directory", " and found you through the alumni directory")
    gate, _ = check_polish(dropped.replace("Hi Renata,", "Hi,"), start, [DRAFT])
    assert "drops the draft's own facts (Renata, Halloway, University)" in gate.reason


def test_a_model_failure_is_raised_for_the_face_to_report(start) -> None:
    with pytest.raises(BackendError):
        polish(start, FakeChatModel(fail_with="the model is down"), original=DRAFT, force=True)
