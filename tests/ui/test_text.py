import re

import pytest

from ui.text import WORD_JOINER, escape_markdown


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("plain words", "plain words"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
        ("<b>&amp;</b>", r"\<b\>\&amp\;\<\/b\>"),
        (":red[alarm] :smile: $x$", r"\:red\[alarm\] \:smile\: \$x\$"),
        ("# heading", r"\# heading"),
        ("line one\nline two", "line one  \nline two"),
        ("Gwenllïan Llŷr 😊", "Gwenllïan Llŷr 😊"),
    ],
)
def test_markdown_characters_are_escaped(typed, escaped):
    assert escape_markdown(typed) == escaped


@pytest.mark.parametrize(
    "typed",
    [
        "see https://example.org/away",
        "HTTP://EXAMPLE.ORG",
        "go to www.example.org",
        "mail sam@example.org",
    ],
)
def test_web_and_email_addresses_cannot_become_links(typed):
    escaped = escape_markdown(typed)
    shown = re.sub(r"\\(.)", r"\1", escaped)
    assert shown.replace(WORD_JOINER, "") == typed
    assert not re.search(r"(?i)https?://|www\.|\w@", shown)
