"""Choose several catalogue entries in the person's own order (the first matters most), and
change that order in place: each chosen entry after the first can move up one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key
from ui.text import escape_markdown


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
    chosen_now = list(st.session_state[key])
    if len(chosen_now) > 1:
        _order(name, chosen_now, labels, key, keep)
    return chosen_now


def _order(
    name: str,
    chosen: list[str],
    labels: dict[str, str],
    key: str,
    keep: Callable[[], None],
) -> None:
    """The chosen entries as a numbered list, each after the first with a Move up button."""
    with st.container(key=f"order_{name}"):
        st.markdown("In this order (the first leads):")
        for place, entry in enumerate(chosen):
            row = st.container(horizontal=True, vertical_alignment="center")
            row.markdown(f"{place + 1}. {escape_markdown(labels[entry])}")
            if place:
                row.button(
                    f"Move up: {labels[entry]}",
                    key=f"move_up_{name}_{entry}",
                    type="tertiary",
                    icon=":material/arrow_upward:",
                    on_click=_move_up,
                    args=(key, place, keep),
                )


def _move_up(key: str, place: int, keep: Callable[[], None]) -> None:
    # Run before the page is drawn again, so the list can still be changed here.
    order = list(st.session_state[key])
    order[place - 1], order[place] = order[place], order[place - 1]
    st.session_state[key] = order
    keep()
