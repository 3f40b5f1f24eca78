"""Choose several catalogue entries in the person's own order (the first matters most)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key


def ordered_choice(
    name: str,
    label: str,
    options: Sequence[tuple[str, str]],
    *,
    chosen: Sequence[str],
    save: Callable[[list[str]], object],
) -> list[str]:
    """Chosen ids in the order they were chosen. `options` is (id, label)."""
    labels = dict(options)
    key = widget_key(name)
    if key not in st.session_state:
        st.session_state[key] = [i for i in chosen if i in labels]

    def keep() -> None:
        with guarded("keeping your answer"):
            save(list(st.session_state[key]))

    st.multiselect(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=key,
        on_change=keep,
        placeholder="Choose one or more",
    )
    return list(st.session_state[key])
