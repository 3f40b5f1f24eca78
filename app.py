"""Right Steps: the app a work coach and a claimant fill in together.

This file only sets up the page; the pages and components live in `ui/`.
"""

import streamlit as st

from ui import flow
from ui.components.notice import notice
from ui.library_cache import cached_library, library_problem
from ui.sign_in import require_coach, sign_in_problem
from ui.store_cache import setup_problem
from ui.style import apply_style
from ui.warm_process import freeze_what_is_loaded

st.set_page_config(page_title="Right Steps", page_icon="🌱", layout="centered")
apply_style()
problem = setup_problem() or sign_in_problem() or library_problem()
if problem:
    # Set up for a team but unsafe (no encryption key, say): nothing opens until it is fixed.
    st.title("Right Steps cannot start", anchor=False)
    notice(f"Right Steps is not set up correctly, so it will not open: {problem}.", "error")
    st.stop()
require_coach()  # in team mode, only a signed-in coach goes past this line
library = cached_library()
freeze_what_is_loaded()
flow.run(library)
