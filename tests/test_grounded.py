"""The grounded professional: passages that answer the question, voiced by temperament, and a gate on every reply.

Each failure the issue saw on the default model is replayed by a fake model; what reaches the student must
pass the gate, and a broken opening must never be streamed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.config import DATA_DIR, Settings
from coach.embeddings import HashEmbedding
from coach.fake_model import FakeChatModel
from coach.gate import check_output
from coach.grounded import LIMITS, PassageIndex, is_vague, kind_of_turn, note_passages, related_notes, topics_of
from coach.guards import mentions_being_an_ai
from coach.knowledge import KnowledgeBase, open_client
from coach.persona import make_persona
from coach.professional import GatedReply, Professional
from coach.text import word_count

NOTES = ("pharmacist", "registered-nurse", "interior-designer", "physical-therapist")
TRENDS = "How has your scope of practice changed in recent years?"


pytestmark = pytest.mark.usefixtures("patient_deadlines")  # tests/conftest.py: generous professional deadlines


def _kb(tmp_path: Path, embedder) -> KnowledgeBase:
    folder = tmp_path / "notes"
    folder.mkdir()
    for name in NOTES:
        shutil.copy(DATA_DIR / "knowledge" / f"{name}.md", folder / f"{name}.md")
    kb = KnowledgeBase(open_client(Settings(_env_file=None), tmp_path / "chroma"), embedder)
    kb.ingest(folder)
    return kb


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> KnowledgeBase:
    return _kb(tmp_path_factory.mktemp("grounded"), real_embedder)


def professional(kb: KnowledgeBase, role: str = "Pharmacist", temperament: str = "warm") -> Professional:
    return Professional(make_persona(role, temperament, kb, seed="test"), kb)


def reply(pro: Professional, question: str, model: FakeChatModel | None, used: set[str] | None = None) -> tuple[GatedReply, list[str]]:
    gated = GatedReply(pro.plan(question, used or set(), seed="s"), model)
    return gated, list(gated)


def faithful(pro: Professional, question: str) -> str:
    """What a good rephrasing looks like: the chosen passages, said plainly."""
    plan = pro.plan(question, set(), seed="s")
    return "Honestly, " + " ".join(p.text for p in plan.choice.passages)


# The issue's failures, each returned by a fake model: the student sees the grounded answer instead.
ISSUE_FAILURES = {
    "invented system": 'We moved to a new system called "Pillow" last spring, and it changed how I work with patients every day.',
    "invented school": "I trained at the National College of Pharmacy (NCP), which shaped how I think about patients and prescriptions.",
    "invented acronym": "Most of my colleagues belong to ANAPHA, and its meetings shaped how I think about patients and prescriptions.",
    "invented url": "You can read about it at https://www.blspharmacy.gov/supply-chain_bioscience where the details of the exams are listed.",
    "card years": "I worked as a pharmacist for 10 years before transitioning into a PGY2 program, and that changed my practice.",
    "repetition": " ".join(["Staffing is the hardest part of retail pharmacy for me."] * 4),
    "note markup": "- [trends] Pharmacists' scope is expanding in many states to include test-and-treat services under protocols.",
    "prompt markup": "<<<BEGIN-12 | Question: What do you think of the recent trend in giving?",
    "cut to a list marker": "1.",
    "breaks role": "As an AI language model, I don't have a scope of practice, but pharmacists' scope is expanding in many states.",
    "off topic": "My favourite holiday is hiking in the mountains with my dog, and I love cooking pasta on the weekends with friends.",
}


@pytest.mark.parametrize("failure", ISSUE_FAILURES)
def test_each_failure_from_the_issue_is_never_shown(kb: KnowledgeBase, failure: str) -> None:
    pro = professional(kb)
    bad = ISSUE_FAILURES[failure]
    gated, pieces = reply(pro, TRENDS, FakeChatModel(responses=[bad, bad]))
    assert gated.source == "grounded" and len(gated.attempts) == 2
    assert gated.text == gated.plan.grounded_text and "".join(pieces).strip() == gated.text
    assert check_output(gated.text, gated.plan.spec).passed, check_output(gated.text, gated.plan.spec).reason
    assert gated.gate_reasons  # why the model's text was not shown is recorded


def test_a_failing_reply_is_regenerated_once_and_a_good_one_is_shown(kb: KnowledgeBase) -> None:
    pro = professional(kb)
    model = FakeChatModel(responses=[ISSUE_FAILURES["invented school"], faithful(pro, TRENDS)])
    gated, pieces = reply(pro, TRENDS, model)
    assert gated.source == "model" and len(model.calls) == 2, gated.gate_reasons
    assert gated.text.startswith("Honestly,") and check_output(gated.text, gated.plan.spec).passed
    assert "".join(pieces).strip() == gated.text  # nothing is shown twice


def test_a_broken_role_opening_never_flashes_even_when_the_rest_is_good(kb: KnowledgeBase) -> None:
    pro = professional(kb)
    bad = "As an AI, I cannot have a job. " + faithful(pro, TRENDS)
    gated, pieces = reply(pro, TRENDS, FakeChatModel(responses=[bad, bad]))
    assert not any("AI" in piece for piece in pieces) and gated.source == "grounded"


def test_a_long_reply_is_stopped_at_a_sentence_within_the_temperaments_length(kb: KnowledgeBase) -> None:
    pro = professional(kb, temperament="busy")
    long = faithful(pro, TRENDS) + " " + " ".join(f"Pharmacists' scope keeps expanding in new states, example {n}." for n in range(40))
    gated, _ = reply(pro, TRENDS, FakeChatModel(responses=[long]))
    low, high = LIMITS["busy"]
    assert low <= word_count(gated.text) <= high and gated.text.rstrip().endswith((".", "?", "!"))


def test_the_model_prompt_is_short_and_carries_the_chosen_passages(kb: KnowledgeBase) -> None:
    pro = professional(kb)
    model = FakeChatModel(responses=[faithful(pro, TRENDS)])
    gated, _ = reply(pro, TRENDS, model)
    prompt = " ".join(str(m.content) for m in model.last_prompt)
    assert all(line[:40] in prompt for line in gated.plan.body)
    assert word_count(prompt) < 250


def test_a_backend_failure_falls_back_to_the_grounded_answer(kb: KnowledgeBase) -> None:
    gated, _ = reply(professional(kb), TRENDS, FakeChatModel(fail_with="server down"))
    assert gated.source == "grounded" and gated.text and any("model failed" in r for r in gated.gate_reasons)


@pytest.mark.parametrize("temperament", ["warm", "busy", "skeptical"])
def test_grounded_answers_pass_the_gate_within_the_temperaments_length(kb: KnowledgeBase, temperament: str) -> None:
    pro = professional(kb, temperament=temperament)
    used: set[str] = set()
    for question in ["What does a typical day look like for you?", TRENDS, "What would you do in my place?", "Tell me about your job.", "Thanks so much!"]:
        plan = pro.plan(question, used, seed=question)
        used |= {p.id for p in plan.choice.passages}
        result = check_output(plan.grounded_text, plan.spec)
        assert result.passed, f"{question}: {result.reason}\n{plan.grounded_text}"
        low = 10 if plan.kind == "thanks" else LIMITS[temperament][0]
        assert low <= word_count(plan.grounded_text) <= LIMITS[temperament][1]


@pytest.mark.parametrize("path", sorted((DATA_DIR / "knowledge").glob("*.md")), ids=lambda path: path.stem)
def test_no_passage_of_a_shipped_note_reads_as_breaking_role(path: Path) -> None:
    # A grounded answer is built from these passages and shown when the model's is refused; the gate's role check
    # must not refuse it too ("regulations such as the EU AI Act" is the work, not the speaker being an AI).
    assert not [p.text for p in note_passages(path.name, path.read_text(encoding="utf-8")) if mentions_being_an_ai(p.text)]


def test_temperaments_differ_busy_short_skeptical_pushes_back_warm_asks_back(kb: KnowledgeBase) -> None:
    vague = "Tell me about your job."
    busy = professional(kb, temperament="busy").plan(TRENDS, set()).grounded_text
    skeptical = professional(kb, temperament="skeptical").plan(vague, set()).grounded_text
    warm = professional(kb, temperament="warm").plan(TRENDS, set()).grounded_text
    assert word_count(busy) <= 60
    assert any(w in skeptical.lower() for w in ("broad", "specific", "general"))
    assert warm.rstrip().endswith("?")


def test_the_answer_is_first_person_from_the_notes_own_lines(kb: KnowledgeBase) -> None:
    plan = professional(kb).plan("What does a typical day look like for you?", set())
    assert plan.choice.passages[0].kind == "in_my_words" and plan.choice.passages[0].topic == "day"
    assert " my " in f" {plan.grounded_text.lower()} "


def test_a_twelve_turn_session_uses_at_least_five_distinct_passages_of_the_note(tmp_path: Path) -> None:
    kb = _kb(tmp_path, HashEmbedding())  # the fake embedder: topics and freshness alone must spread the passages
    pro = professional(kb)
    questions = [
        "What does a typical day look like for you?",
        "How did you get into pharmacy?",
        "Which skills matter most?",
        "What is the hardest part of the job?",
        "What surprised you most?",
        "How would you describe the culture?",
        "How is the field changing?",
        "What would you do in my place?",
        "Who else should I talk to?",
        "What small project could I try?",
        "What else changed in your first years?",
        "What should I read?",
    ]
    used: set[str] = set()
    for question in questions:
        plan = pro.plan(question, used, seed=question)
        used |= {p.id for p in plan.choice.passages}
    of_note = {i for i in used if i.startswith("pharmacist.md#")}
    assert len(of_note) >= 5, of_note


def test_user_notes_are_voiced_from_their_own_sentences(tmp_path: Path, real_embedder) -> None:
    kb = _kb(tmp_path, real_embedder)
    mine = tmp_path / "museum-registrar.md"
    mine.write_text(
        "---\nrole: Museum Registrar\n---\n# Museum Registrar\n\n## Day to day\nA registrar tracks every object that enters or leaves the "
        "collection. Most mornings go to condition reports and loan paperwork. Shipping fragile objects needs careful planning with couriers.\n",
        encoding="utf-8",
    )
    kb.add_user_files([mine])
    pro = professional(kb, role="Museum Registrar")
    plan = pro.plan("What does a typical day look like for you?", set())
    assert any(p.source == "user_notes" for p in plan.choice.passages)
    assert "condition reports" in plan.grounded_text or "tracks every object" in plan.grounded_text


def test_a_role_without_a_note_uses_related_notes_above_a_floor_and_general_lines(kb: KnowledgeBase) -> None:
    nurse_practitioner = professional(kb, role="Nurse Practitioner")
    assert [n["role"] for n in nurse_practitioner.related][:1] == ["Registered Nurse"]
    assert "closest related notes (Registered Nurse" in nurse_practitioner.persona.card()
    sommelier = professional(kb, role="Sommelier")
    assert sommelier.related == []  # the interior designer's note is not related to wine
    assert "There is no note for this role yet" in sommelier.persona.card() and "related notes" not in sommelier.persona.card()
    assert sommelier.persona.employer == "an organisation in the field"  # no unrelated note's industry either
    plan = sommelier.plan("What does a typical day look like for you?", set())
    assert plan.choice.passages and all(p.kind == "general" for p in plan.choice.passages)
    assert check_output(plan.grounded_text, plan.spec).passed


def test_related_notes_has_a_similarity_floor(real_embedder) -> None:
    notes = [{"role": "Interior Designer", "aliases": "interior decorator, space planner"}, {"role": "Registered Nurse", "aliases": "RN, staff nurse"}]
    index = PassageIndex(real_embedder)
    assert related_notes(index, "Sommelier", notes) == []
    assert [n["role"] for n in related_notes(index, "Nurse Practitioner", notes)] == ["Registered Nurse"]


def test_topics_turn_kinds_and_vagueness() -> None:
    assert topics_of("Could you walk me through a typical shift?")[0] == "day"
    assert "trends" in topics_of(TRENDS)
    assert topics_of("Who else should I talk to?")[0] == "resources"
    assert kind_of_turn("Hi, I'm Lena, a chemistry student. Thank you for your time!") == "greeting"
    assert kind_of_turn("Thanks so much, this was great!") == "thanks"
    assert kind_of_turn("Tell me about your job.") == "question"
    assert is_vague("Tell me about your job.") and not is_vague(TRENDS)


def test_note_passages_are_in_my_words_lines_and_fact_sentences_not_questions() -> None:
    text = (DATA_DIR / "knowledge" / "pharmacist.md").read_text(encoding="utf-8").split("---", 2)[2]
    passages = note_passages("pharmacist.md", text)
    kinds = {p.kind for p in passages}
    assert kinds == {"in_my_words", "note"}
    assert not any(p.text.endswith("?") or p.text.startswith("[") or "U.S. Bureau" in p.text for p in passages)


@pytest.mark.slow
@pytest.mark.parametrize(("role", "temperament"), [("Pharmacist", "warm"), ("Registered Nurse", "busy"), ("Sommelier", "skeptical")])
def test_every_reply_shown_on_the_bundled_model_passes_the_gate(kb: KnowledgeBase, gguf_path: Path, role: str, temperament: str) -> None:
    from coach.llm import get_chat_model

    model = get_chat_model(Settings(backend="local", model_path=gguf_path, max_tokens=170, temperature=0.3, threads=1, _env_file=None))
    pro = professional(kb, role, temperament)
    used: set[str] = set()
    questions = [
        "Hi, I'm Sam, a biology student. Thanks for your time!",
        "What does a typical day look like for you?",
        TRENDS,
        "What is the hardest part of the job?",
        "What would you do in my place?",
        "Who else should I talk to?",
    ]
    for question in questions:
        gated = GatedReply(pro.plan(question, used, seed=question), model, max_tokens=170)
        pieces = list(gated)
        used |= {p.id for p in gated.plan.choice.passages}
        assert "".join(pieces).strip() == gated.text
        result = check_output(gated.text, gated.plan.spec)
        assert result.passed, f"{role} / {question} ({gated.source}): {result.reason}\n{gated.text}"
