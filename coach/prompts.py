"""Prompt templates: plain files in prompts/, loaded in one place, variables checked."""

from __future__ import annotations

import hashlib
import string
from functools import cache

from coach.config import DATA_DIR

PROMPTS_DIR = DATA_DIR / "prompts"


class MissingVariables(KeyError):
    """A template was rendered without some of its {placeholders}."""


@cache
def load(name: str) -> str:
    """The text of prompts/<name>.md."""
    path = PROMPTS_DIR / f"{name}.md"
    if not path.is_file():
        raise FileNotFoundError(f"No prompt template {path}")
    return path.read_text(encoding="utf-8").strip()


def variables(template: str) -> set[str]:
    """The {placeholders} a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def render(name: str, /, **values: object) -> str:
    """Fill a template; every placeholder must be given."""
    template = load(name)
    missing = variables(template) - set(values)
    if missing:
        raise MissingVariables(f"prompt {name!r} needs {', '.join(sorted(missing))}")
    return template.format(**{k: v for k, v in values.items() if k in variables(template)})


def template_names() -> list[str]:
    """Every template shipped in prompts/."""
    return sorted(p.stem for p in PROMPTS_DIR.glob("*.md"))


def fence(text: str, label: str = "TEXT") -> str:
    """Wrap user text in markers it cannot forge, so the model treats it as data."""
    tag = f"{label}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
    clean = text.replace(f"<<<{tag}>>>", "").replace(f"<<<END-{tag}>>>", "")
    return f"<<<{tag}>>>\n{clean}\n<<<END-{tag}>>>"
