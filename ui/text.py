"""Show a person's own words literally: nothing they type is read as markdown or markup."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# also stops Streamlit's own extensions (":red[...]", ":smile:", "$maths$") from firing.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub-flavoured markdown turns web addresses and email addresses in plain text into links
# after escapes are read, so escaping cannot stop it. An invisible word joiner inside each
# pattern ("http", joiner, "://"; "www", joiner, "."; joiner, "@") does: the words look and read
# the same, and nothing becomes a link to another site.
_LINK_STARTS = re.compile(r"(?i)(https?(?=:)|www(?=\.)|(?=@))")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Text that renders exactly as typed inside st.markdown and friends."""
    unlinked = _LINK_STARTS.sub(lambda match: match.group(1) + WORD_JOINER, text)
    escaped = _PUNCTUATION.sub(r"\\\1", unlinked)
    # A line break inside a paragraph needs two trailing spaces to survive in markdown.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")
