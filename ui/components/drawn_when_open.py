"""An expander whose contents are drawn only while it is open.

A closed expander still sends everything inside it to the browser, which draws it hidden: on
the longer pages the controls in closed expanders (a drop-down per life area, a list of other
steps per card) were much of what a coach waited for after each click. Drawn this way, a closed
expander sends only its label; opening it runs the page once, so what it shows is current.
Streamlit forgets a control that is not drawn, so answers inside one are kept in the
appointment (and words typed for a new step beside it), never only in the control: closing the
expander loses nothing typed or answered. Only a pick not yet acted on (which other step to
swap to) goes back to its first choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui.session import widget_key

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_expander_container import ExpanderContainer


def expander_key(name: str) -> str:
    """The key that holds whether the expander `name` is open."""
    return widget_key(f"open_{name}")


def drawn_when_open(label: str, name: str) -> ExpanderContainer | None:
    """The expander to draw into, or None while it is closed (then draw nothing for it)."""
    box = st.expander(label, key=expander_key(name), on_change="rerun")
    return box if box.open else None
