import pytest

from ui.text import escape_markdown


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
