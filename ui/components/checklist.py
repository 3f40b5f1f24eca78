"""Quick-to-tick lists of catalogue entries, grouped under headings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.guard import guarded
from ui.session import widget_key


def checklist(
    name: str,
    groups: Sequence[tuple[str | None, Sequence[tuple[str, str]]]],
    *,
    ticked: Sequence[str],
    save: Callable[[list[str]], object],
    columns: int = 2,
) -> list[str]:
    """Ticked ids, in catalogue order. `groups` is (heading, [(id, label)])."""
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

    for heading, items in groups:
        if heading:
            st.header(heading, anchor=False)
        cells = st.columns(columns)
        for position, (item_id, label) in enumerate(items):
            box = _box_key(name, item_id)
            if box not in st.session_state:
                st.session_state[box] = item_id in chosen
            cells[position % columns].checkbox(label, key=box, on_change=toggle, args=(item_id,))
    return [i for i in order if i in chosen]


def _box_key(name: str, item_id: str) -> str:
    return widget_key(f"{name}_{item_id}")
