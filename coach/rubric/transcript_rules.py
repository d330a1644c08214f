"""The transcript rules: one small registered check per rubric code."""

from __future__ import annotations

import re

from coach.rubric import concepts
from coach.rubric.base import Finding, finding, rule, rules_for
from coach.rubric.questions import AREAS, is_closed, is_referral_ask, searchable_how
from coach.rubric.transcript import Transcript, TranscriptFacts, facts_of
from coach.text import sentences, spelled_out

MIN_TIARA_AREAS = 3
MAX_QUOTED = 3  # quotes per finding: enough to point at the pattern, not to repeat the transcript

# The student's first turn introduces them: a name, a role, or what they study or do.
INTRO = (
    r"\bmy name('s| is)\b",
    r"\b(i'm|i am) (a|an) ([\w-]+ ){0,4}(student|major|minor|junior|senior|sophomore|freshman|"
    r"graduate|grad|undergrad\w*|postdoc|candidate|intern|career[- ]changer|apprentice|resident|"
    r"fellow|\w+(er|or|ist|ian|ant|ent))\b",
    r"\b(i'm|i am) (studying|majoring|in my \w+ year|currently (studying|working|enrolled))\b",
    r"\bi (study|work|teach|volunteer) (as|at|in|for|on|with)\b",
    r"\b(i'm|i am) in (the|my) (final|last|first|second|third|fourth) (year|years|months|semester|term)\b",
    r"\b(i'm|i am) (finishing|completing|about to finish|doing|starting|in) (my|a|an|the) ",  # "I am finishing my MBA"
    r"\b(i'm|i am) (a|an|the) (?!(bit|little|huge|big|fan|lot|quick|short|couple|few|tad|touch|minute|second|moment)\b)[\w-]+\b",  # "I'm a paralegal", "I'm the student..."
    r"\b(quick |a little |some )?background\b|\babout me\b|\bas i (wrote|said|mentioned) in my\b",
    r"\bi('ve| have) (been )?(working|worked|studying|studied|spent \w+ (years|months))\b",
    r"\bi('ve| have) been (on|at|with) (the|a|an)\b",
    # a role only the student has: "As an Army combat medic who's just started nursing school, ..."
    r"\bas (a|an) ([\w-]+ ){0,4}(student|apprentice|veteran|career[- ]changer|trainee|graduate|grad|newcomer|beginner|undergrad\w*)\b",
    r"\bas (a|an) ([\w-]+ ){0,4}who('s| has| have|'ve| is)? (just|recently) \w+",
)
# case-sensitive: a name, or a turn that opens with a bare full name ("Liam Gallacher. Doing the diploma...")
INTRO_NAME = (
    r"\b(I'm|I am|[Tt]his is|[Mm]y name's) [A-Z][a-z'-]+"
    r"|(?:^|[.!?,]\s+)\W*(?!(Hi+|Hello+|Hey+|Dear|Good|Morning|Evening|Thanks|Thank|Sorry|Yes|Okay|Ok|Well|Great|Right|Oh|Wow|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Madam|Dame|Captain|Doctor)\b)"
    r"[A-Z][a-z'-]+ [A-Z][a-z'-]+\s*[.!]"
)
# ...or says why they asked for the conversation.
REASON = (
    r"\b(reached out|asked (to|for) (talk|chat|speak|meet|this|the (call|chat|conversation))|"
    r"wanted (to|2) (talk|chat|speak|meet|connect|learn|hear|ask|understand))\b",  # "wanted 2 ask u abt the work"
    r"(?:^|[,;]\s*|\band\s+)(hoping|here) to (learn|hear|understand|find out|ask)\b",  # "..., hoping to learn what the job is really like"
    r"\bi('d| would) (like|love) to (learn|hear|understand|ask|talk|know)\b",
    r"\bi (want|wanted|hope|'m hoping|am hoping) to (learn|hear|understand|find out|know) (about|more|what|how|whether|if)\b",
    r"(?:^|[.!?]\s+|\bi\s+)(want|wanted|hoping|hope|trying) to (get|break|move|switch|go|retrain) (into|to|as)\b",  # "Want to get into land surveying"
    r"\b(i'm|i am) (trying|deciding|interested|curious|thinking|considering|exploring|applying|"
    r"hoping|looking) (to|in|about|whether|between|into|at|for|how|what|if)\b",
    r"\b(the |my )?reason (i|for) (asked|reached|wanted|this|the|our|requesting|asking|wanting|reaching)\b",
    r"\bi('m| am)? (contact|contacting|write|writing|call|calling|asked|reached|reaching out to) (to )?you because\b"
    r"|\bbecause i (want|wanted|would like|hope|am hoping) to\b",
)


def says_thanks(text: str) -> bool:
    """Whether a turn thanks the professional (not "thanks to X", not "I'd appreciate"): concepts.thanks_in."""
    return concepts.thanks_in(text)


def _quote(number: int, text: str, limit: int = 160) -> str:
    """A turn reference with its text, cut at `limit` characters."""
    text = " ".join(text.split())
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f'Turn {number} (student): "{short}"'


def _quotes(items: list[tuple[int, str]]) -> str:
    """Several turn quotes joined, with a count of any left out."""
    shown = "; ".join(_quote(number, text) for number, text in items[:MAX_QUOTED])
    hidden = len(items) - MAX_QUOTED
    return shown + (f"; and {hidden} more" if hidden > 0 else "")


def _any(patterns: tuple[str, ...], text: str) -> bool:
    """Whether any pattern occurs in text, ignoring case and curly apostrophes."""
    text = text.replace("’", "'")
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


@rule(
    "transcript",
    "no-intro",
    "The student's first turn neither introduces them nor says why they asked to talk.",
    advice="Open with who you are and why you asked for the conversation.",
)
def no_intro(facts: TranscriptFacts) -> Finding | None:
    """Fires when the first student turn has no name, role or reason for the call."""
    turns = facts.student_turns
    if not turns:
        return finding("no-intro", "Open by saying who you are and why you asked for the conversation.", "the student never speaks")
    number, said = turns[0]
    text = spelled_out(said)  # "im a 2nd yr student" reads as "I'm a..."
    introduced = _any(INTRO, text) or re.search(INTRO_NAME, text.replace("’", "'"))
    if introduced or _any(REASON, text):
        return None
    return finding(
        "no-intro",
        "Start with one or two sentences on who you are and why you wanted to talk to this person before your first question.",
        _quote(number, said) + " gives no name, role or reason for the call",
    )


@rule(
    "transcript",
    "job-ask",
    "The student asks for a job, internship, referral or resume pass-along.",
    advice="Keep the conversation about learning; do not ask for a job, internship or referral.",
)
def job_ask(facts: TranscriptFacts) -> Finding | None:
    """Fires when a student question or request asks for a job, internship or referral."""
    # A turn is read as a message is: a stated search ("I'm looking for an internship") anywhere,
    # the request-only patterns and the classifier in its questions and requests.
    found = [(n, evidence.span, evidence) for n, text in facts.student_turns if (evidence := concepts.job_ask(sentences(text)))]
    if not found:
        return None
    return finding(
        "job-ask",
        "Keep the conversation about learning. Don't ask for a job, internship or referral; if they want to help, they will offer.",
        _quotes([(n, ask) for n, ask, _ in found]) + f" ({found[0][2].how})",
    )


@rule(
    "transcript",
    "googleable",
    "The student asks something a company website or quick search answers.",
    advice="Research what a website answers beforehand; ask about their experience instead.",
)
def googleable(facts: TranscriptFacts) -> Finding | None:
    """Fires when a student question is a website fact."""
    found = [(n, q, how) for n, q in facts.questions if (how := searchable_how(q))]
    if not found:
        return None
    return finding(
        "googleable",
        "Look up facts such as size, founding year or what the organisation does before the call, and spend the time on what only this person can tell you.",
        _quotes([(n, q) for n, q, _ in found]) + f" ({found[0][2]})",
    )


@rule(
    "transcript",
    "closed-questions",
    "More than half of the student's questions are closed.",
    advice='Ask open questions: "Could you walk me through...", "What surprised you...", "How did you decide...".',
)
def closed_questions(facts: TranscriptFacts) -> Finding | None:
    """Fires when closed questions are more than half of the student's questions."""
    questions = facts.questions
    closed = [(n, q) for n, q in questions if is_closed(q)]
    if not questions or len(closed) * 2 <= len(questions):
        return None
    return finding(
        "closed-questions",
        'Ask open questions that start with what, how or why ("How did you...", "What surprised you...") instead of ones answered by yes, no or one word.',
        f"{len(closed)} of {len(questions)} student questions are closed: " + _quotes(closed),
    )


@rule(
    "transcript",
    "narrow-questions",
    "The student's questions touch fewer than 3 of the 5 TIARA areas.",
    advice="Spread your questions over TIARA: Trends, Insights, Advice, Resources, Assignments.",
)
def narrow_questions(facts: TranscriptFacts) -> Finding | None:
    """Fires when the student's questions touch fewer than three TIARA areas."""
    touched = [area for area, questions in facts.coverage.items() if questions]
    if len(touched) >= MIN_TIARA_AREAS:
        return None
    missing = ", ".join(area for area in AREAS if area not in touched)
    listed = f": {', '.join(touched)}" if touched else ""
    return finding(
        "narrow-questions",
        f"Spread your questions over trends, insights, advice, resources and assignments; next time add some on {missing}.",
        f"questions touch {len(touched)} of {len(AREAS)} TIARA areas{listed}",
    )


@rule(
    "transcript",
    "dominates",
    "The student speaks more than half of all words.",
    advice="Listen more than you speak: keep your turns short and let them talk.",
)
def dominates(facts: TranscriptFacts) -> Finding | None:
    """Fires when the student says more than half of all words."""
    total, student = facts.total_words, facts.student_words
    if not total or student * 2 <= total:
        return None
    return finding(
        "dominates",
        "Let the professional do most of the talking: keep your background to a sentence or two and ask your question sooner.",
        f"student spoke {student:,} of {total:,} words ({student / total:.0%})",
    )


@rule(
    "transcript",
    "no-referral-ask",
    "The student never asks who else to talk to or for a resource.",
    advice="Before you finish, ask who else you should talk to, or what to read or join.",
)
def no_referral_ask(facts: TranscriptFacts) -> Finding | None:
    """Fires when no student turn asks for another person or a resource."""
    if any(is_referral_ask(text) for _, text in facts.student_turns):
        return None
    asked = len(facts.questions)
    return finding(
        "no-referral-ask",
        "Before you finish, ask who else you should talk to, or which groups, events or reading they would recommend.",
        f"none of the student's {asked} questions asks for another person, group or resource",
    )


@rule(
    "transcript",
    "no-thanks",
    "The student never thanks the professional.",
    advice="Thank them for their time before you close.",
)
def no_thanks(facts: TranscriptFacts) -> Finding | None:
    """Fires when no student turn thanks the professional."""
    if any(says_thanks(text) for _, text in facts.student_turns):
        return None
    return finding("no-thanks", "Thank them for their time, at the start or at the end of the call.", "no student turn says thank you, grateful or appreciate")


@rule(
    "transcript",
    "overtime",
    "The conversation runs past the minutes agreed.",
    advice="Keep to the time you asked for; offer to end on time and ask if you may follow up.",
)
def overtime(facts: TranscriptFacts) -> Finding | None:
    """Fires when the call lasts longer than the minutes agreed."""
    transcript, minutes = facts.transcript, facts.duration_minutes
    if minutes <= transcript.minutes_agreed:
        return None
    last_t = next((turn.t for turn in reversed(transcript.turns) if turn.t is not None), None)
    if last_t is None:
        words = facts.total_words
        source = f"estimated from {words:,} words at 150 a minute"
    else:
        source = f"timestamps reach {last_t:,.0f} s"
    return finding(
        "overtime",
        "Watch the clock: when the agreed time is up, say so and offer to stop; ask your most important questions first.",
        f"{minutes:.1f} minutes against {transcript.minutes_agreed} agreed ({source})",
    )


def lint_transcript(transcript: Transcript | TranscriptFacts) -> list[Finding]:
    """Every transcript rule that fires, in registration order, over facts computed once."""
    facts = facts_of(transcript)
    results = (check.check(facts) for check in rules_for("transcript"))
    return [result for result in results if result is not None]
