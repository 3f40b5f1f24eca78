"""Quick-to-tick lists of catalogue entries, grouped under headings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key

# The start of each tick list's block key: the style gives these blocks their two columns.
TICK_LIST_KEY = "ticklist_"


def checklist(
    name: str,
    groups: Sequence[tuple[str | None, Sequence[tuple[str, str]]]],
    *,
    ticked: Sequence[str],
    save: Callable[[list[str]], object],
) -> list[str]:
    """Ticked ids, in catalogue order. `groups` is (heading, [(id, label)]).

    Each group's boxes sit in one block that the style lays out in two columns on a wide
    screen, row by row, so the order on screen is the order a Tab or a screen reader takes,
    and the page draws three blocks fewer per group than with `st.columns`.
    """
    order = [item_id for _, items in groups for item_id, _ in items]
    chosen = set(ticked)

    def toggle(item_id: str) -> None:
        now = set(chosen)
        if st.session_state[_box_key(name, item_id)]:
            now.add(item_id)
        else:
            now.discard(item_id)
        with guarded("keeping your answer"):
            save([i for i in order if i in now])

    for number, (heading, items) in enumerate(groups):
        if heading:
            st.header(heading, anchor=False)
        with st.container(key=f"{TICK_LIST_KEY}{name}_{number}"):
            for item_id, label in items:
                box = _box_key(name, item_id)
                if box not in st.session_state:
                    st.session_state[box] = item_id in chosen
                st.checkbox(label, key=box, on_change=toggle, args=(item_id,))
    return [i for i in order if i in chosen]


def tick(name: str, item_id: str) -> None:
    """Show `item_id` ticked in the list `name` (from a callback, before the list is drawn)."""
    st.session_state[_box_key(name, item_id)] = True


def untick(name: str, item_id: str) -> None:
    """Show `item_id` not ticked in the list `name` (from a callback, before it is drawn)."""
    st.session_state[_box_key(name, item_id)] = False


def _box_key(name: str, item_id: str) -> str:
    return widget_key(f"{name}_{item_id}")
