"""Quick-to-tick lists of catalogue entries, grouped under headings."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.components.persist import kept


def checklist(
    key: str, groups: Sequence[tuple[str | None, Sequence[tuple[str, str]]]], *, columns: int = 2
) -> list[str]:
    """Ticked ids, in catalogue order, kept across pages. `groups` is (heading, [(id, label)])."""
    if key not in st.session_state:
        st.session_state[key] = []
    order = [item_id for _, items in groups for item_id, _ in items]

    def toggle(item_id: str) -> None:
        ticked = set(st.session_state[key])
        if st.session_state[_box_key(key, item_id)]:
            ticked.add(item_id)
        else:
            ticked.discard(item_id)
        st.session_state[key] = [i for i in order if i in ticked]

    for heading, items in groups:
        if heading:
            st.header(heading)
        cells = st.columns(columns)
        for position, (item_id, label) in enumerate(items):
            box = _box_key(key, item_id)
            if box not in st.session_state:
                st.session_state[box] = item_id in kept(key, [])
            cells[position % columns].checkbox(label, key=box, on_change=toggle, args=(item_id,))
    return list(st.session_state[key])


def _box_key(key: str, item_id: str) -> str:
    return f"_{key}_{item_id}"
