"""The output gate: each failure a small model was seen to produce is caught with its reason."""

from __future__ import annotations

import pytest

from coach.gate import GateSpec, check_output

NOTE = (
    "Pharmacists verify prescriptions, counsel patients and give immunizations. Licensure requires the NAPLEX "
    "and the MPJE. A PGY1 residency is accredited by ASHP."
)
SPEC = GateSpec(sources=[NOTE, "What is the licensing exam like?"], min_words=5, max_words=120, in_role=True, card_years=7)
GOOD = "Most of my day is verifying prescriptions and counseling patients. The NAPLEX and the MPJE were the two exams I had to pass."


def test_a_grounded_reply_passes() -> None:
    result = check_output(GOOD, SPEC)
    assert result.passed, result.reason


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("<<<DRAFT-ee0f089e>>> I verify prescriptions every day for patients.", "markup"),
        ("- [day] I verify prescriptions every day for patients at the counter.", "markup"),
        ("The message is a summary of the draft, but it's missing some details about patients.", "talks about the text"),
        ("We moved to a new system called Pillow, and the National College of Pharmacy helped.", "adds facts"),
        ("See https://www.blspharmacy.gov/supply-chain_bioscience for the exams patients take.", "adds facts"),
        ("I worked as a pharmacist for 10 years before I counseled patients here.", "contradicts the persona card"),
        ("Staffing is hard for patients. Staffing is hard for patients.", "repeats itself"),
        ("I verify prescriptions and counsel patients and then I usually go to", "cut off"),
        ("As an AI language model, I verify prescriptions for patients.", "breaks role"),
        ("Yes.", "too short"),
        ("I counsel " + " ".join(["patients"] * 130) + ".", "too long"),
        ("", "is empty"),
    ],
)
def test_each_failure_is_caught_with_its_reason(reply: str, reason: str) -> None:
    result = check_output(reply, SPEC)
    assert not result.passed and reason in result.reason, result.reason


def test_an_off_topic_reply_is_caught_by_similarity() -> None:
    spec = GateSpec(sources=[NOTE], on_topic=lambda text: 0.05, min_similarity=0.2)
    result = check_output("I verify prescriptions for patients every single day.", spec)
    assert not result.passed and "off topic" in result.reason


def test_placeholders_and_allowed_phrases_are_not_invented_facts() -> None:
    spec = GateSpec(sources=["Hi Renata, I loved your post."], allowed=["Would you be open to a 20-minute call?"])
    text = "Hi Renata, I loved your post. Would you be open to a 20-minute call? I found you through [how you found them]."
    assert check_output(text, spec).passed


def test_a_character_limit_is_kept() -> None:
    spec = GateSpec(sources=["word " * 100], max_chars=30)
    assert "characters" in check_output("word word word word word word word word.", spec).reason


def test_a_strict_gate_wants_names_as_whole_words_of_a_source_and_no_claims_no_source_makes() -> None:
    from coach.gate import GateSpec, check_output

    sources = ["Hi Art, I'm a junior at Halloway and read your part of the report."]
    spec = GateSpec(sources=sources, strict=True)
    assert check_output("Hi Art, I read your part of the report at Halloway.", spec).passed
    invented = check_output("Hi Bart, I'm offering an interview on behalf of our team at Halloway Partners.", spec)
    assert "names what no source has (Bart, Partners)" in invented.reason
    assert "claims what no source says (offering, on behalf of, our team)" in invented.reason
    assert "claims" not in check_output("Hi Bart, I'm offering an interview on behalf of our team.", GateSpec(sources=sources)).reason
