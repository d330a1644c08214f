"""The question planner: notes and bank, tailored by the model, checked by the rubric's classifiers."""

from __future__ import annotations

import math
import re
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from coach.embeddings import Embedder, cosine
from coach.errors import BackendError, UserInputError
from coach.gate import GateSpec, check_output
from coach.grounded import PassageIndex, related_notes
from coach.guards import clean_user_text
from coach.knowledge import KnowledgeBase, find_role_note
from coach.llm import complete
from coach.prompts import fence, render
from coach.question_bank import LEAD_INS, bank_questions, short_phrase
from coach.rubric.questions import AREAS, asks_who_else, is_closed, is_job_ask, is_referral_ask, is_searchable, tiara_areas
from coach.talking_points import TalkingPoint, connection_points, is_quoted_from
from coach.tokens import truncate_to

Area = Literal["trends", "insights", "advice", "resources", "assignments", "closing"]
PLAN_AREAS: tuple[str, ...] = (*AREAS, "closing")
TAGGED = re.compile(r"^\s*[-*]\s*\[(trends|insights|advice|resources|assignments)\]\s*(.+\?)\s*$", re.IGNORECASE | re.MULTILINE)
MODEL_LINE = re.compile(r"^\W*(trends|insights|advice|resources|assignments|closing)\W*\s*[|:\-–]\s*(.+?\?)\s*(?:[|:\-–]\s*(.*))?$", re.IGNORECASE)
POINT_LINE = re.compile(r"^\W*point\W*\s*[|:]\s*(.+?)\s*\|\s*(.+)$", re.IGNORECASE)
MAX_BACKGROUND_TOKENS = 300
NEAR_DUPLICATE = 0.9


class PlannedQuestion(BaseModel):
    """One question of the plan, where it came from and why to ask it."""

    area: Area
    text: str
    why: str
    sources: list[str]
    origin: Literal["model", "notes", "bank"]


class QuestionPlan(BaseModel):
    """A printable plan: questions by TIARA area, talking points, and what it drew on."""

    role: str
    matched_role: str | None
    industry: str
    company: str | None
    notice: str | None
    questions: list[PlannedQuestion]
    talking_points: list[TalkingPoint]
    sources: list[str]
    model_used: bool  # true only when a model-written question is in the plan
    from_model: int = 0  # how many of the questions the model wrote

    def to_markdown(self) -> str:
        """A one-page Markdown plan."""
        lines = [f"# Questions for a {self.role} informational interview", ""]
        if self.company:
            lines += [f"Company: {self.company}", ""]
        if self.notice:
            lines += [f"> {self.notice}", ""]
        for area in PLAN_AREAS:
            chosen = [q for q in self.questions if q.area == area]
            if chosen:
                lines += [f"## {'Who else to talk to' if area == 'closing' else area.title()}", ""]
                lines += [f"- **{q.text}**  \n  _{q.why}_" for q in chosen]
                lines.append("")
        if self.talking_points:
            lines += ["## Talking points", ""]
            lines += [f"- {p.text} (“{p.quote}”)" for p in self.talking_points]
            lines.append("")
        if self.sources:
            lines += ["Sources: " + ", ".join(self.sources), ""]
        return "\n".join(lines)


class PlanRequest(BaseModel):
    """What the student tells the planner."""

    role: str
    industry: str | None = None
    company: str | None = None
    background: str | None = None
    about: str | None = None
    goal: str | None = None
    count: int = 12


def _note_questions(kb: KnowledgeBase, path: str) -> list[tuple[str, str]]:
    """(area, question) pairs from a note's 'Questions worth asking', classified if untagged."""
    text = kb.note_text(path)
    tagged = [(a.lower(), q.strip()) for a, q in TAGGED.findall(text)]
    if tagged:
        return tagged
    found = []
    for line in text.splitlines():
        line = line.strip(" -*")
        if line.endswith("?") and (areas := tiara_areas(line)):
            found.append((sorted(areas)[0], line))
    return found


def _excerpt(kb: KnowledgeBase, paths: list[str], sections: tuple[str, ...] = ("Trends", "Career paths", "Questions worth asking")) -> str:
    """The sections of the notes the model sees, short."""
    parts = []
    for path in paths:
        for block in kb.note_text(path).split("\n## "):
            title, _, body = block.lstrip("# ").partition("\n")
            if title.strip() in sections:
                parts.append(f"[{path} · {title.strip()}]\n{body.strip()[:900]}")
    return "\n\n".join(parts) or "(no notes)"


def acceptable(question: str, area: str) -> bool:
    """Open, not answerable by a search, not a job ask, and about the area it claims."""
    if is_closed(question) or is_searchable(question) or is_job_ask(question):
        return False
    if area == "closing":
        return is_referral_ask(question)
    return area in tiara_areas(question)


def parse_model_reply(reply: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(area, question, why) lines and (point, quote) lines from the model's reply."""
    questions, points = [], []
    for line in reply.splitlines():
        if match := POINT_LINE.match(line):
            points.append((match.group(1).strip(), match.group(2).strip().strip('"“”')))
        elif match := MODEL_LINE.match(line):
            questions.append((match.group(1).lower(), match.group(2).strip(), (match.group(3) or "").strip()))
        elif line.strip().endswith("?") and len(line.split()) > 5:
            text = line.strip(" -*0123456789.").strip()
            areas = sorted(tiara_areas(text))
            questions.append(("closing" if is_referral_ask(text) else (areas[0] if areas else "insights"), text, ""))
    return questions, points


def _quotas(count: int) -> dict[str, int]:
    """How many questions per area: one closing, the rest spread over the five areas."""
    quotas = {"closing": 1}
    rest = max(count, 6) - 1
    for index, area in enumerate(("insights", "advice", "trends", "assignments", "resources")):
        quotas[area] = rest // 5 + (1 if index < rest % 5 else 0)
    return quotas


def plan_questions(request: PlanRequest, kb: KnowledgeBase, model: BaseChatModel | None, embedder: Embedder, count_tokens=None) -> QuestionPlan:
    """Build a plan that covers every TIARA area, with at least one further-contacts question."""
    role = (request.role or "").strip()
    if not role:
        raise UserInputError("Name the role you want to ask about, e.g. 'Data Scientist'.")
    if len(role) > 120:
        raise UserInputError("The role is too long: give a job title, not a description.")
    background = clean_user_text(request.background, "background") if request.background and request.background.strip() else ""
    about = clean_user_text(request.about, "profile") if request.about and request.about.strip() else ""
    goal = (request.goal or "").strip()[:500]
    count = max(6, min(request.count, 30))
    note, _ = find_role_note(kb, role)
    # Without a note of its own, only notes really related to the role (a similarity floor) may guide it, or none.
    closest = [note] if note else related_notes(PassageIndex(embedder), role, kb.list_notes())
    paths = [n["path"] for n in closest]
    industry = request.industry or (closest[0]["industry"] if closest else "")
    display_role = note["role"] if note else role
    notice = (
        None
        if note
        else (
            f"There is no note for '{role}' yet; these questions draw on the question bank"
            + (f" and the closest related notes ({', '.join(n['role'] for n in closest)})." if closest else "; no other note is close enough to use.")
        )
    )
    background_phrase, goal_phrase = short_phrase(background), whole_goal(goal)

    candidates: list[PlannedQuestion] = []
    talking: list[TalkingPoint] = []
    if model is not None:
        try:
            reply = complete(model, _plan_prompt(display_role, industry, request.company, background, goal, about, _excerpt(kb, paths), count, count_tokens))
            model_questions, model_points = parse_model_reply(reply)
            facts = [_excerpt(kb, paths), display_role, industry, request.company or "", background, goal, about]
            candidates += [
                PlannedQuestion.model_validate({"area": a, "text": q, "why": w or "Tailored to your background and goal.", "sources": paths, "origin": "model"})
                for a, q, w in model_questions
                if check_output(q, GateSpec(sources=facts, min_words=5, max_words=45)).passed  # no markup, no invented names
            ]
            talking += [TalkingPoint(kind="talking point", text=p, quote=q) for p, q in model_points if about and is_quoted_from(q, about)]
        except BackendError:
            pass  # the plan still comes from notes and the bank
    from_notes = [
        PlannedQuestion.model_validate({"area": a, "text": q, "why": "Drawn from the role's note.", "sources": [path], "origin": "notes"})
        for path in paths
        for a, q in _note_questions(kb, path)
    ]
    from_bank = [
        PlannedQuestion.model_validate({"area": b.area, "text": b.text, "why": b.why, "sources": [], "origin": "bank"})
        for b in bank_questions(display_role, industry, background_phrase, goal_phrase)
    ]
    # Another role's note is a weaker guide than the bank: without a note of its own, the bank comes first.
    candidates += from_notes + from_bank if note else from_bank + from_notes
    candidates = [_as_closing(c) for c in candidates if not _suggests_what_they_do(c, background)]
    chosen = _select(candidates, _quotas(count), embedder, [background_phrase, goal_phrase])
    from_model = sum(c.origin == "model" for c in chosen)
    if about:
        talking = _dedupe_points(connection_points(about, background, goal) + talking)
    return QuestionPlan(
        role=display_role,
        matched_role=note["role"] if note else None,
        industry=industry,
        company=request.company,
        notice=notice,
        questions=chosen,
        talking_points=talking,
        sources=paths,
        model_used=from_model > 0,
        from_model=from_model,
    )


def _plan_prompt(role, industry, company, background, goal, about, notes, count, count_tokens) -> list:
    if count_tokens:
        background = truncate_to(background, MAX_BACKGROUND_TOKENS, count_tokens)
        about = truncate_to(about, MAX_BACKGROUND_TOKENS, count_tokens)
    else:
        background, about = background[:1500], about[:1500]
    user = render(
        "plan_user",
        role=role,
        industry=industry or "unknown",
        company=company or "not named",
        background=fence(background or "(not given)", "BACKGROUND"),
        goal=fence(goal or "(not given)", "GOAL"),
        about=fence(about or "(not given)", "PROFILE"),
        notes=notes,
        count=count,
    )
    return [SystemMessage(content=render("plan_system")), HumanMessage(content=user)]


def whole_goal(goal: str, max_words: int = 14) -> str:
    """The student's goal as a phrase, whole ("decide between nursing and PA school" keeps both options)."""
    first = re.split(r"(?<=[.!?])\s|\n", goal.strip(), maxsplit=1)[0] if goal.strip() else ""
    phrase = LEAD_INS.sub("", LEAD_INS.sub("", first.strip())).strip(" .!?")
    words = phrase.split()
    return " ".join(words[:max_words]) if len(words) > 2 or not words else phrase


def _as_closing(question: PlannedQuestion) -> PlannedQuestion:
    """A 'who else should I talk to' question is the plan's one contacts question, whatever area it was filed under."""
    return question.model_copy(update={"area": "closing"}) if question.area != "closing" and asks_who_else(question.text) else question


def _suggests_what_they_do(question: PlannedQuestion, background: str) -> bool:
    """A suggestion (try a CNA job) of what the background says the student already does."""
    if question.origin == "bank" or not background:
        return False
    doing = {short_phrase(background).lower()} | {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", background)}
    text = question.text.lower()
    return any(len(term) >= 2 and re.search(rf"\b(?:such as|like|as an?|or an?|an?)\s+(?:\w+\s+){{0,2}}{re.escape(term)}\b", text) for term in doing if term)


def _mentions(text: str, phrases: list[str]) -> bool:
    lowered = text.lower()
    return any(p and p.lower() in lowered for p in phrases)


def _select(candidates: list[PlannedQuestion], quotas: dict[str, int], embedder: Embedder, phrases: list[str]) -> list[PlannedQuestion]:
    """Fill each area's quota: valid, not near-duplicate, a third personal when the student gave details."""
    valid = [c for c in candidates if acceptable(c.text, c.area)]
    vectors = dict(zip((c.text for c in valid), embedder([c.text for c in valid]))) if valid else {}
    chosen: list[PlannedQuestion] = []
    taken = {area: 0 for area in quotas}

    def take(candidate: PlannedQuestion) -> bool:
        if taken[candidate.area] >= quotas[candidate.area] or any(c.text == candidate.text for c in chosen):
            return False
        if any(cosine(vectors[candidate.text], vectors[c.text]) > NEAR_DUPLICATE for c in chosen):
            return False
        chosen.append(candidate)
        taken[candidate.area] += 1
        return True

    total = sum(quotas.values())
    if any(phrases):
        personal_target = math.ceil(total / 3)
        for candidate in valid:
            if sum(_mentions(c.text, phrases) for c in chosen) >= personal_target:
                break
            if _mentions(candidate.text, phrases):
                take(candidate)
    for candidate in valid:
        take(candidate)
    order = {area: i for i, area in enumerate(PLAN_AREAS)}
    return sorted(chosen, key=lambda c: order[c.area])


def _dedupe_points(points: list[TalkingPoint]) -> list[TalkingPoint]:
    seen, unique = set(), []
    for point in points:
        key = point.quote.lower().strip()
        if key not in seen:
            seen.add(key)
            unique.append(point)
    return unique[:8]
