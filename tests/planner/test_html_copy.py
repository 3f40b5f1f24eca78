import datetime
from html.parser import HTMLParser

from planner.html_copy import render_html
from planner.models import Profile
from planner.suggest import build_plan


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")


def _page(library, **fields):
    plan = build_plan(Profile(stage=2, **fields), library)
    return render_html(plan, library, datetime.date(2026, 11, 23))


def test_the_copy_is_semantic_and_in_british_english(library):
    outline = _Outline()
    outline.feed(_page(library, preferred_name="Sam"))
    assert outline.lang == "en-GB"
    assert outline.tags.count("h1") == 1
    assert "h2" in outline.tags and "ul" in outline.tags and "h3" in outline.tags
    assert "main" in outline.tags
    assert "script" not in outline.tags


def test_user_text_is_escaped_and_never_markup(library):
    page = _page(library, preferred_name="<script>x</script>", hopes='Tom & "Jerry" <b>')
    assert "<script>x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "Tom &amp; &#34;Jerry&#34; &lt;b&gt;" in page


def test_the_page_prints_with_a_print_stylesheet(library):
    page = _page(library)
    assert "@media print" in page
    assert "font-size: 14pt" in page
