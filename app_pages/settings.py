"""Settings: pick the model backend for this browser session and test the connection."""

import streamlit as st

from app_pages import _auth, _state

state = st.session_state
LABELS = {"local": "Local (bundled SmolLM2, offline)", "openai": "OpenAI", "openai-compatible": "OpenAI-compatible server", "fake": "Fake (echo, for testing)"}


def apply() -> None:
    """Keep the form's values as this session's overrides; the API key field is emptied, never shown again."""
    overrides = {"backend": state["settings_backend"], "model": state["settings_model"].strip(), "openai_base_url": state["settings_base_url"].strip() or None}
    key = state["settings_api_key"].strip()
    previous = _state.overrides()
    if key:  # a key typed here is bound to the URL it was typed for; the server's own key never moves
        overrides["openai_api_key"], overrides["key_bound_url"] = key, overrides["openai_base_url"] or ""
    elif previous.get("openai_api_key"):
        overrides["openai_api_key"], overrides["key_bound_url"] = previous["openai_api_key"], previous.get("key_bound_url")
    state[_state.OVERRIDES] = overrides
    state["settings_api_key"] = ""


def reset() -> None:
    state.pop(_state.OVERRIDES, None)
    for name in ("settings_backend", "settings_model", "settings_base_url", "settings_api_key"):
        state.pop(name, None)


current = _state.current_settings()
st.title("Settings")
if _auth.shared():  # the server's configuration: shown, never changed from a browser
    st.info("Coach runs in shared mode: the model, the server URL and the keys are set by the server's administrator, not here.", icon=":material/lock:")
    st.text_input("Backend", value=LABELS.get(current.backend or "", current.backend or ""), disabled=True, key="settings_shared_backend")
    st.text_input("Model", value=current.model_label, disabled=True, key="settings_shared_model")
    st.text_input("Base URL", value=current.openai_base_url or "(the backend's default)", disabled=True, key="settings_shared_base_url")
    st.caption("An API key is configured on the server; it is sent to that base URL only." if current.openai_api_key else "No API key is configured.")
    st.stop()
st.write("These apply to this browser session only; the defaults come from the environment and `.env`.")
state.setdefault("settings_backend", current.backend)
state.setdefault("settings_model", current.model)
state.setdefault("settings_base_url", current.openai_base_url or "")
st.selectbox("Backend", _state.BACKENDS, format_func=LABELS.get, key="settings_backend")
st.text_input(
    "Model name",
    key="settings_model",
    placeholder="blank: the backend's default",
    help="For OpenAI, e.g. gpt-4o-mini; for a compatible server, the name it serves.",
)
st.text_input(
    "Base URL", key="settings_base_url", placeholder="e.g. http://127.0.0.1:8000/v1", help="Only for an OpenAI-compatible server (or a proxy for OpenAI)."
)
st.text_input(
    "API key",
    key="settings_api_key",
    type="password",
    autocomplete="off",
    placeholder="A key is set: type a new one to replace it" if current.openai_api_key else "",
    help="Kept in memory for this session only and never shown again.",
)

save, test = st.columns(2)
save.button("Save", key="settings_apply", on_click=apply, type="primary", icon=":material/save:")
tested = test.button(
    "Test connection", key="settings_test", on_click=apply, icon=":material/network_check:", help="Saves these settings, then asks the model for one word."
)
st.button("Reset to defaults", key="settings_reset", on_click=reset, type="tertiary")

active = _state.current_settings()
st.caption(f"Active model: **{active.model_label}**")
if tested:
    try:
        with st.spinner(f"Asking {active.model_label}…"):
            message = _state.services().test_connection()
        st.success(f"Connected: {message}", icon=":material/check_circle:")
    except Exception as exc:  # noqa: BLE001 - any failure here is the answer the user asked for
        st.error(f"The connection failed: {exc}", icon=":material/error:")
