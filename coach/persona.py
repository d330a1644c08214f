"""Mock-interview personas built from a role's note: who the professional is and how they talk."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Literal

import yaml
from pydantic import BaseModel

from coach.config import DATA_DIR
from coach.errors import UserInputError
from coach.grounded import PassageIndex, no_note_line, related_notes
from coach.knowledge import KnowledgeBase, find_role_note

Temperament = Literal["warm", "busy", "skeptical"]
PERSONA_FILE = DATA_DIR / "bank" / "personas.yaml"
BIO_NAME = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\b")
NOT_NAMES = {"Senior", "Junior", "Lead", "Head", "Chief", "Director", "Manager", "The", "At", "In", "University", "College"}


class Persona(BaseModel):
    """The professional the student practises with."""

    name: str
    title: str
    role: str
    industry: str
    years: int
    employer: str
    temperament: Temperament
    note_path: str | None
    bio: str | None = None
    related_roles: list[str] = []  # without a note of its own: the really related notes it answers from

    def no_note_line(self) -> str | None:
        """For a role with no note: what the professional answers from."""
        return None if self.note_path else no_note_line(self.related_roles)

    def card(self) -> str:
        """A short card shown before the session."""
        lines = [f"**{self.name}**, {self.title}", f"{self.years} years in the field, at {self.employer}.", f"Temperament: {self.temperament}."]
        if self.bio:
            lines.append("Based on the profile you pasted.")
        if line := self.no_note_line():
            lines.append(line)
        return "  \n".join(lines)


@lru_cache(maxsize=1)
def persona_data() -> dict:
    """Names, employers and temperament styles (data file)."""
    return yaml.safe_load(PERSONA_FILE.read_text(encoding="utf-8"))


def _pick(options: list[str], seed: str) -> str:
    return options[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(options)]


def _name_from_bio(bio: str) -> str | None:
    for match in BIO_NAME.finditer(bio[:500]):
        if not set(match.group(1).split()) & NOT_NAMES:
            return match.group(1)
    return None


def make_persona(role: str, temperament: str, kb: KnowledgeBase, bio: str | None = None, seed: str = "") -> Persona:
    """A persona for a role: from its note when there is one, shaped by a pasted bio if given."""
    role = (role or "").strip()
    if not role:
        raise UserInputError("Pick a role to practise with, e.g. 'Registered Nurse'.")
    if temperament not in ("warm", "busy", "skeptical"):
        raise UserInputError("Temperament must be warm, busy or skeptical.")
    note, _ = find_role_note(kb, role)
    related = [] if note else related_notes(PassageIndex(kb.embedder), role, kb.list_notes())  # a similarity floor, or none
    source = note or (related[0] if related else None)
    industry = source["industry"] if source else ""
    data = persona_data()
    key = f"{role}|{temperament}|{seed}"
    years = data["years"]["senior" if temperament == "skeptical" else "mid"]
    bio_text = (bio or "").strip()[:4000] or None
    name = (_name_from_bio(bio_text) if bio_text else None) or _pick(data["names"], key)
    title = (note or {}).get("role") or role.title()
    return Persona.model_validate(
        {
            "name": name,
            "title": title,
            "role": title,
            "industry": industry,
            "years": years,
            "employer": _pick(data["employers"].get(industry, data["employers"]["default"]), key),
            "temperament": temperament,
            "note_path": note["path"] if note else None,
            "bio": bio_text,
            "related_roles": [n["role"] for n in related],
        }
    )


def style(persona: Persona) -> dict[str, str]:
    """The temperament's lines: style, deflection, time warnings."""
    return persona_data()["temperaments"][persona.temperament]
