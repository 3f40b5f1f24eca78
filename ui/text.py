"""Show a person's own words literally: nothing they type is read as markdown or markup."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# also stops Streamlit's own extensions (":red[...]", ":smile:", "$maths$") from firing.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Text that renders exactly as typed inside st.markdown and friends."""
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    # A line break inside a paragraph needs two trailing spaces to survive in markdown.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")
