"""Shared resources for every page: the active settings, cached services, the session's store."""

from __future__ import annotations

import hashlib

import streamlit as st

from app_pages import _auth
from coach.errors import CoachError
from coach.services import Services, Settings, Store, get_settings

OVERRIDES = "settings_overrides"
BACKENDS = ("local", "openai", "openai-compatible", "fake")


def overrides() -> dict:
    """The settings this browser session changed on the Settings page."""
    return st.session_state.get(OVERRIDES, {})


def current_settings() -> Settings:
    """Environment and `.env` defaults with this session's overrides on top (none in shared mode: the server decides)."""
    if _auth.shared():
        return get_settings()
    return get_settings().model_copy(update=overrides())


@st.cache_resource(show_spinner="Loading Coach…", max_entries=8)
def _services(settings_key: str, _settings: Settings) -> Services:
    """One Services per distinct configuration, shared by every browser session in the process."""
    return Services(_settings)


def services() -> Services:
    """The services for the active settings, seen by this browser's user (a local model loads once per process, not per session)."""
    settings = current_settings()
    # The key is a digest so an API key never sits in the cache's key as plain text.
    return _services(hashlib.sha256(settings.model_dump_json().encode()).hexdigest(), settings).for_owner(_auth.owner())


def store() -> Store:
    """This browser session's store, opened once and reused on every rerun."""
    path, owner = current_settings().db_path, _auth.owner()
    cached = st.session_state.get("_store")
    if cached is None or cached.path != path or cached.owner != owner:
        cached = services().store()
        st.session_state["_store"] = cached
    return cached


def store_ready() -> bool:
    """Open this browser's store before any page runs: a damaged database is one clear message, not a traceback."""
    try:
        store()
    except CoachError as exc:
        st.title("Coach cannot open its database")
        st.error(str(exc), icon=":material/error:")
        return False
    return True
