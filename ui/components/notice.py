"""Messages on screen. Their text is always escaped: a message may quote what someone typed or
uploaded, and nothing of that may become a link, an image or formatting."""

from __future__ import annotations

import streamlit as st

from ui.text import escape_markdown

_ICONS = {
    "error": ":material/info:",
    "warning": ":material/info:",
    "info": ":material/info:",
    "success": ":material/check_circle:",
}


def notice(message: str, kind: str = "info", *, icon: str | None = None) -> None:
    show = {"error": st.error, "warning": st.warning, "info": st.info, "success": st.success}
    show.get(kind, st.info)(escape_markdown(message), icon=icon or _ICONS.get(kind, _ICONS["info"]))
