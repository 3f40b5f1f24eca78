"""Choose several catalogue entries in the person's own order (the first matters most)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.components.persist import bind, keep


def ordered_choice(key: str, label: str, options: Sequence[tuple[str, str]]) -> list[str]:
    """Chosen ids in the order they were chosen, kept across pages. `options` is (id, label)."""
    labels = dict(options)
    widget = bind(key, [])
    # A saved plan could name an entry this library no longer has: keep only known ones.
    st.session_state[widget] = [i for i in st.session_state[widget] if i in labels]
    st.multiselect(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=widget,
        on_change=keep,
        args=(key,),
        placeholder="Choose one or more",
    )
    return list(st.session_state[key])
