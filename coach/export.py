"""Markdown renderings of saved sessions, for download."""

from __future__ import annotations

from coach.store import Store


def session_markdown(store: Store, session_id: str) -> str:
    """A readable Markdown transcript of a session, with its feedback if saved."""
    session = store.get_session(session_id)
    speaker = session.persona.get("name") or "Professional"
    lines = [f"# {session.title or f'Mock interview: {session.role}'}", ""]
    lines += [
        f"- **Role:** {session.role}",
        f"- **Temperament:** {session.temperament}",
        f"- **Minutes:** {session.minutes}",
        f"- **Date:** {session.created_at[:10]}",
    ]
    persona = ", ".join(str(session.persona[key]) for key in ("name", "title") if session.persona.get(key))
    if persona:
        lines.append(f"- **Persona:** {persona}")
    lines += ["", "## Transcript", ""]
    for turn in store.turns(session_id):
        name = "Student" if turn.role == "student" else speaker
        lines += [f"**{name}:** {turn.text}", ""]
        if turn.role == "professional" and turn.grounding:
            paths = ", ".join(dict.fromkeys(f"`{g.get('path')}`" for g in turn.grounding))
            lines += [f"<sub>{turn.reply.get('source', 'model')} · from {paths}</sub>", ""]
    feedback = store.get_feedback(session_id)
    if feedback is not None:
        lines += _feedback_markdown(feedback)
    return "\n".join(lines).rstrip() + "\n"


def session_json(store: Store, session_id: str) -> dict:
    """A saved session as one JSON object: setup, persona, every turn (a reply with its source, grounding and timings), feedback."""
    session = store.get_session(session_id)
    turns = []
    for turn in store.turns(session_id):
        item: dict[str, object] = {"index": turn.index, "role": turn.role, "text": turn.text, "t": turn.t}
        if turn.role == "professional":
            item |= {"source": turn.reply.get("source", "model"), "grounding": turn.grounding}
            item |= {key: turn.reply[key] for key in ("timings", "attempts", "gate_failures") if key in turn.reply}
        turns.append(item)
    return {
        "id": session.id,
        "title": session.title,
        "role": session.role,
        "temperament": session.temperament,
        "minutes": session.minutes,
        "status": session.status,
        "created_at": session.created_at,
        "persona": session.persona,
        "turns": turns,
        "feedback": store.get_feedback(session_id),
    }


def _feedback_markdown(feedback: dict) -> list[str]:
    """Lines of the Feedback section: score, findings, summary."""
    lines = ["## Feedback", ""]
    if feedback.get("score") is not None:
        lines += [f"**Score:** {feedback['score']}", ""]
    for finding in feedback.get("findings") or []:
        line = f"- `{finding.get('code', '?')}` {finding.get('message', '')}".rstrip()
        if finding.get("evidence"):
            line += f" (evidence: \u201c{finding['evidence']}\u201d)"
        lines.append(line)
    if feedback.get("findings"):
        lines.append("")
    if feedback.get("summary"):
        lines += [str(feedback["summary"]), ""]
    return lines
