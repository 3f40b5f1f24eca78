"""Team mode: only a coach signed in with the organisation's identity provider sees any page.

Sign-in is Streamlit's own OpenID Connect support (`st.login`, `st.user`, with Authlib),
configured in the `[auth]` section of `.streamlit/secrets.toml`. The coach's office is a claim
the identity provider sends (`office` unless RIGHT_STEPS_OFFICE_CLAIM names another). The store
is told who asks as the provider's subject, never a name. On a single machine (team mode off)
there is no sign-in and nothing here applies.
"""

from __future__ import annotations

import os

import streamlit as st

from store.access import Coach
from store.sealing import team_mode
from ui.components.draft_keeper import finish
from ui.components.notice import notice
from ui.components.statement_link import reading_statement, show_statement, statement_button

OFFICE_CLAIM_SETTING = "RIGHT_STEPS_OFFICE_CLAIM"
BEHIND_PROXY_SETTING = "RIGHT_STEPS_BEHIND_PROXY"
_AUTH_FIELDS = (
    "redirect_uri",
    "cookie_secret",
    "client_id",
    "client_secret",
    "server_metadata_url",
)


def sign_in_problem() -> str | None:
    """In team mode, what is missing from the sign-in set-up (never its values), or None."""
    if not team_mode():
        return None
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets file, or one that cannot be read
        auth = None
    missing = [field for field in _AUTH_FIELDS if not auth or not auth.get(field)]
    if missing:
        return (
            "team mode signs coaches in with the organisation's identity provider, and the "
            f"[auth] section of .streamlit/secrets.toml lacks {', '.join(missing)} "
            "(see docs/deploy.md)"
        )
    return None


def require_coach() -> Coach | None:
    """The signed-in coach in team mode (None on a single machine); otherwise the sign-in page
    is drawn and the run stops, so no other page is ever seen."""
    if not team_mode():
        return None
    if not _signed_in():
        if reading_statement():
            show_statement("Back to sign in")
            st.stop()
        st.set_page_config(page_title="Sign in – Right Steps")
        st.title("Sign in to Right Steps", anchor=False)
        st.markdown("Right Steps is for work coaches. Sign in with your organisation account.")
        st.button("Sign in", key="sign_in", type="primary", on_click=st.login)
        st.divider()
        statement_button()
        st.stop()
    coach = current_coach()
    if coach is None:
        st.title("Right Steps", anchor=False)
        notice(
            "Your account does not say which office you work in, so Right Steps cannot show "
            "any plans. Please ask whoever looks after Right Steps.",
            "error",
        )
        sign_out_button()
        st.stop()
    return coach


def current_coach() -> Coach | None:
    """Who is asking the store: the signed-in coach and their office, or None (team mode off,
    or no office claim)."""
    if not team_mode() or not _signed_in():
        return None
    subject = st.user.get("sub")
    office = st.user.get(os.environ.get(OFFICE_CLAIM_SETTING, "").strip() or "office")
    if not subject or not office:
        return None
    return Coach(subject=str(subject), office=str(office), address=_address())


def sign_out_button() -> None:
    st.button("Sign out", key="sign_out", type="tertiary", on_click=_sign_out)


def _sign_out() -> None:
    finish()  # the appointment and its draft go first: nothing stays for the next coach
    st.logout()


def _signed_in() -> bool:
    # st.user holds no "is_logged_in" at all where no sign-in has run (a test's bare app).
    return bool(st.user.get("is_logged_in", False))


def _address() -> str | None:
    # Behind the team's own proxy the browser's address is in X-Real-IP, which nginx sets;
    # otherwise the connection's own address is the browser's.
    if os.environ.get(BEHIND_PROXY_SETTING, "").strip().lower() in ("on", "yes", "true", "1"):
        given = st.context.headers.get("X-Real-Ip")
        return str(given)[:64] if given else None
    address = st.context.ip_address
    return str(address)[:64] if address else None
