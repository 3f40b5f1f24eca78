"""A little fixed CSS on top of the theme. It holds no user text."""

from __future__ import annotations

import streamlit as st

# Step titles are level-2 headings for screen readers; on screen they sit inside a card and
# need not be as large as a page section heading.
_CSS = """
<style>
[class*="st-key-card_"] h2, [class*="st-key-details_"] h2, [class*="st-key-review_"] h2 {
  font-size: 1.45rem;
  padding-top: 0.25rem;
}
</style>
"""


def apply_style() -> None:
    st.html(_CSS)
