"""The research step: a LAMP target list (Alumni, Motivation, Posting) and the role notes behind each entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from pydantic import BaseModel, Field, model_validator


class _Hit(Protocol):
    path: str
    role: str
    section: str


class _HasOrganisation(Protocol):
    organisation: str


Search = Callable[[str], Sequence[_Hit]]
ContactLike = TypeVar("ContactLike", bound=_HasOrganisation)


class TargetIn(BaseModel):
    """One organisation (or a role there) on the list, scored the LAMP way."""

    organisation: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)
    alumni: bool = False  # A: do you have alumni (or another warm tie) there?
    motivation: int = Field(default=2, ge=1, le=3)  # M: 3 = dream, 1 = would consider
    posting: bool = False  # P: are they hiring in your field right now?
    notes: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _named(self) -> TargetIn:
        self.organisation, self.role = self.organisation.strip(), self.role.strip()
        if not (self.organisation or self.role):
            raise ValueError("A target needs an organisation or a role.")
        return self


class Target(TargetIn):
    """A stored target of one owner."""

    id: str
    owner: str
    created_at: str


class NoteMatch(BaseModel):
    """A knowledge-base note that matches a target's role."""

    path: str
    role: str
    section: str


class RankedTarget(BaseModel):
    """A target in LAMP order, with the notes to read before reaching out there."""

    rank: int
    target: Target
    notes: list[NoteMatch] = []


def lamp_key(target: TargetIn) -> tuple[int, int, int]:
    """Motivation first, then a relevant posting, then alumni: the method's sort, highest first."""
    return (-target.motivation, -int(target.posting), -int(target.alumni))


def ranked(targets: Sequence[Target], search: Search | None = None, notes_per_target: int = 2) -> list[RankedTarget]:
    """The targets sorted the LAMP way (ties keep list order), each with its matching role notes."""
    ordered = sorted(targets, key=lamp_key)  # sorted() is stable: equal scores stay in the order they were listed
    return [RankedTarget(rank=rank, target=target, notes=matching_notes(target, search, notes_per_target)) for rank, target in enumerate(ordered, start=1)]


def matching_notes(target: TargetIn, search: Search | None, limit: int = 2) -> list[NoteMatch]:
    """The distinct notes the search finds for the target's role (or organisation when no role is given)."""
    query = target.role or target.organisation
    if search is None or not query:
        return []
    found: dict[str, NoteMatch] = {}
    for hit in search(query):
        found.setdefault(hit.path, NoteMatch(path=hit.path, role=hit.role, section=hit.section))
    return list(found.values())[:limit]


def list_order(contacts: Sequence[ContactLike], targets: Sequence[TargetIn]) -> list[ContactLike]:
    """Contacts in the order to write to them: by their organisation's LAMP rank, then as listed; unranked last."""
    rank: dict[str, int] = {}
    for position, target in enumerate(sorted(targets, key=lamp_key)):
        rank.setdefault(target.organisation.casefold(), position)
    return sorted(contacts, key=lambda contact: rank.get(contact.organisation.casefold(), len(rank)))
