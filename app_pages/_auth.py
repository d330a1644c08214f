"""Who is using the app. Personal mode: one local user on 127.0.0.1. Shared mode: whoever signed in (OpenID Connect)."""

from __future__ import annotations

import ipaddress

import streamlit as st

from coach.services import get_settings

SIGN_IN_TITLE = "Sign in to Coach"
DEPLOY_DOC = "docs/deploy.md"


def shared() -> bool:
    """Whether the server runs in shared mode (sign-in required, settings fixed by the server)."""
    return get_settings().mode == "shared"


def owner_id(issuer: str, subject: str) -> str:
    """A signed-in user's stable id: the ID token's issuer and subject (an e-mail address can change)."""
    return f"{issuer}#{subject}"


def owner() -> str:
    """The owner of every row this browser session reads or writes."""
    settings = get_settings()
    if settings.mode != "shared":
        return settings.owner
    user = st.user
    if not signed_in() or not user.get("iss") or not user.get("sub"):
        st.stop()  # never reached past gate(); a page run without an identity draws nothing
    return owner_id(str(user["iss"]), str(user["sub"]))


def signed_in() -> bool:
    """Whether this browser holds a signed-in identity."""
    return bool(st.user.get("is_logged_in"))


def _auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all
        return False


def _loopback_browser() -> bool:
    """Whether this browser connects from this machine (unknown, as in AppTest, counts as local)."""
    address = getattr(st.context, "ip_address", None)
    if not isinstance(address, str) or not address:  # None on loopback; AppTest has no real client
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def sign_in_page() -> None:
    """All a signed-out browser sees."""
    st.title(SIGN_IN_TITLE)
    st.write("Coach is run by your career office for its students: sign in with your university account to practise informational interviews.")
    if not _auth_configured():
        st.error(f"Shared mode needs an [auth] section in .streamlit/secrets.toml (see {DEPLOY_DOC}); ask the administrator.", icon=":material/error:")
        return
    st.button("Sign in", key="auth_sign_in", type="primary", on_click=st.login, icon=":material/login:")


def gate() -> bool:
    """True when this browser may see the app; otherwise draw the sign-in (or turned-away) page and return False."""
    if shared():
        if signed_in():
            return True
        sign_in_page()
        return False
    if _loopback_browser():
        return True
    st.title("Coach runs in personal mode")
    st.error("This Coach serves one person on their own machine (127.0.0.1). For a class, run it in shared mode with sign-in: see docs/deploy.md.")
    return False


def sidebar_account() -> None:
    """Who is signed in, and the way out (shared mode only)."""
    if not shared() or not signed_in():
        return
    name = st.user.get("email") or st.user.get("name") or st.user.get("sub")
    st.sidebar.caption(f"Signed in as **{name}**")
    st.sidebar.button("Sign out", key="auth_sign_out", on_click=st.logout, icon=":material/logout:", type="tertiary")
