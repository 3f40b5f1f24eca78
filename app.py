"""Right Steps: the app a work coach and a claimant fill in together.

This file only sets up the page; the pages and components live in `ui/`.
"""

import streamlit as st

from ui import flow
from ui.library_cache import cached_library
from ui.style import apply_style

st.set_page_config(page_title="Right Steps", page_icon="🌱", layout="centered")
apply_style()
flow.run(cached_library())
