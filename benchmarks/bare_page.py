"""The one-page floor for the browser benchmark: a bare Streamlit page (a title, three
paragraphs, a radio and a Continue button) that counts pages.

Run by `python -m benchmarks.browser_latency`; it holds no rules and no data.
"""

import streamlit as st

from ui.warm_process import freeze_what_is_loaded

# Set up as the app's process is (one collection, then what is loaded frozen out of the
# collector's sight), so that Python's own collections cost the floor no more than the app.
freeze_what_is_loaded()
st.session_state.setdefault("page", 0)
st.title(f"Page {st.session_state['page'] + 1}")
for number in range(3):
    st.markdown(f"This is paragraph {number + 1} of a page with a choice and a button.")
st.radio("Which of these feels most like you?", ["One", "Two", "Three", "Four", "Five"])


def _next() -> None:
    st.session_state["page"] += 1


st.button("Continue", key="nav_continue", type="primary", on_click=_next)
