"""The printed plan: a clear-print A4 PDF, with the plan's JSON attached so it can be opened again.

Clear print: body text 14 pt (18 pt in large print) with 1.5 line spacing, bold headings, left
aligned, dark text on white, generous margins, and "Page 1 of 2" on every page.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from goal_library.models import Library
from planner.document import Section, StepBlock, plan_sections, plan_title
from planner.fonts import (
    MAIN,
    MAIN_BOLD,
    FontSet,
    font_runs,
    markup_for_runs,
    needs_shaping,
    register_fonts,
)
from planner.models import Plan
from planner.print_sizes import CLEAR_PRINT_PT, LARGE_PRINT_PT
from planner.saved_files import ATTACHMENT_NAME
from planner.shaped_text import Run, ShapedParagraph
from planner.text_pieces import pieces

_INK = Color(0.07, 0.07, 0.07)
_ROOM_TO_START_HERE = A4[1] / 4
_SIDE_MARGIN = 2.5 * cm
# The width a paragraph is laid out in: the page's frame less its own padding (6 pt a side),
# so measuring a group ahead of time lays it out exactly as the page will, once.
_TEXT_WIDTH = A4[0] - 2 * _SIDE_MARGIN - 2 * 6


@dataclass(frozen=True)
class PrintStyles:
    body: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    step_title: ParagraphStyle
    bullet: ParagraphStyle
    footer_size: float


def print_styles(body_size: int) -> PrintStyles:
    """Paragraph styles for one print size, built once per document."""

    def style(name: str, size: float, font: str, space_before: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.5,
            alignment=TA_LEFT,
            textColor=_INK,
            spaceBefore=space_before,
            spaceAfter=size * 0.25,
            splitLongWords=1,
        )

    return PrintStyles(
        body=style("Body", body_size, MAIN),
        title=style("Title", body_size * 1.6, MAIN_BOLD),
        heading=style("Heading", body_size * 1.3, MAIN_BOLD, space_before=body_size * 0.8),
        step_title=style("StepTitle", body_size * 1.1, MAIN_BOLD, space_before=body_size * 0.5),
        bullet=ParagraphStyle(
            "Bullet",
            parent=style("BulletBody", body_size, MAIN),
            leftIndent=body_size * 1.4,
            bulletIndent=body_size * 0.2,
            bulletFontName=MAIN,
            bulletFontSize=body_size,
        ),
        footer_size=max(body_size - 2, 12),
    )


def render_pdf(
    plan: Plan, library: Library, made_on: datetime.date, *, large_print: bool = False
) -> bytes:
    """The plan as PDF bytes, with the plan's JSON attached."""
    fonts = register_fonts()
    styles = print_styles(LARGE_PRINT_PT if large_print else CLEAR_PRINT_PT)
    buffer = io.BytesIO()
    title = plan_title(plan)
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_SIDE_MARGIN,
        rightMargin=_SIDE_MARGIN,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        title=title,
        author="Right Steps",
        subject="A personal action plan of small steps, chosen together",
        creator="Right Steps",
        lang="en-GB",
        displayDocTitle=True,
    )
    story = story_for(plan_sections(plan, library, made_on), styles, fonts)
    document.build(story, canvasmaker=_page_numbered_canvas(styles.footer_size))
    return attach_plan(buffer.getvalue(), plan)


def story_for(sections: list[Section], styles: PrintStyles, fonts: FontSet) -> list[Flowable]:
    """One group of flowables per section, in order."""
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        story.extend(_section_flowables(section, styles, fonts, is_first=index == 0))
    return story


def text_flowables(text: str, style: ParagraphStyle, fonts: FontSet) -> list[Flowable]:
    """A person's words as paragraphs of bounded length, looking as one block of their text.

    Each line is its own paragraph (a blank line is a space of half a line), and a long line is
    cut where a sentence or word ends; only the last keeps the style's space after it. Chinese,
    Japanese and Korean wrap between characters, as they are written.
    """
    parts = pieces(text)
    flowables: list[Flowable] = []
    for number, piece in enumerate(parts):
        last = number == len(parts) - 1
        if not piece.text.strip() and not last:
            flowables.append(Spacer(1, style.leading * 0.5))
            continue
        variant = _variant(style, tight=not last, wraps_anywhere=piece.wraps_anywhere)
        flowables.append(printed_text(font_runs(piece.text, fonts), variant))
    return flowables


def printed_text(
    runs: list[tuple[str, str]], style: ParagraphStyle, bullet: str | None = None
) -> Flowable:
    """The runs as one paragraph: shaped and put in reading order where a script needs it."""
    if any(needs_shaping(font) for font, _ in runs):
        shaped = [Run(style.fontName if font == MAIN else font, text) for font, text in runs]
        return ShapedParagraph(shaped, style, bullet=bullet)
    return Paragraph(markup_for_runs(runs), style, bulletText=bullet)


@cache
def _variant(style: ParagraphStyle, *, tight: bool, wraps_anywhere: bool) -> ParagraphStyle:
    if not tight and not wraps_anywhere:
        return style
    changes: dict[str, object] = {}
    if tight:
        changes["spaceAfter"] = 0
    if wraps_anywhere:
        changes["wordWrap"] = "CJK"
    return ParagraphStyle(f"{style.name}-{tight}-{wraps_anywhere}", parent=style, **changes)


def _section_flowables(
    section: Section, styles: PrintStyles, fonts: FontSet, *, is_first: bool
) -> list[Flowable]:
    """The section as groups kept on one page each; the heading joins the first group."""

    def para(text: str, style: ParagraphStyle) -> Flowable:
        return printed_text(font_runs(text, fonts), style)

    def labelled(label: str, text: str) -> Flowable:
        bold = [
            (MAIN_BOLD if font == MAIN else font, part) for font, part in font_runs(label, fonts)
        ]
        return printed_text(
            [*bold, (MAIN_BOLD, ":"), (MAIN, " "), *font_runs(text, fonts)], styles.body
        )

    groups: list[list[Flowable]] = [
        text_flowables(text, styles.body, fonts) for text in section.paragraphs
    ]
    if section.bullets:
        # Each item is a paragraph with a bullet, not a list item: a paragraph can run on to
        # the next page, so even the longest item always prints.
        groups.append(
            [
                printed_text(font_runs(item, fonts), styles.bullet, "\u2022")
                for item in section.bullets
            ]
        )
    groups.extend(_step_group(step, styles, para, labelled) for step in section.steps)
    groups.extend(text_flowables(text, styles.body, fonts) for text in section.after)
    if section.heading:
        heading = para(section.heading, styles.title if is_first else styles.heading)
        groups = [[heading, *groups[0]], *groups[1:]] if groups else [[heading]]
    # A group starts on a new page only when little room is left; otherwise it starts here and
    # may flow on, so large print does not leave half-empty pages and nothing is ever cut off.
    return [item for group in groups for item in (CondPageBreak(_room_needed(group)), *group)]


def _room_needed(group: list[Flowable]) -> float:
    """Room a group needs to start on this page: all of it, or a quarter page if it is long."""
    height = 0.0
    for flowable in group:
        if not isinstance(flowable, Paragraph | Spacer | ShapedParagraph):
            return _ROOM_TO_START_HERE  # lists measure themselves only while being drawn
        _, flowable_height = flowable.wrap(_TEXT_WIDTH, A4[1])
        height += flowable_height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return min(height, _ROOM_TO_START_HERE)


def _step_group(
    step: StepBlock,
    styles: PrintStyles,
    para: Callable[[str, ParagraphStyle], Flowable],
    labelled: Callable[[str, str], Flowable],
) -> list[Flowable]:
    return [
        para(step.title, styles.step_title),
        *(labelled(label, text) for label, text in step.details),
        Spacer(1, styles.body.fontSize * 0.3),
    ]


def _page_numbered_canvas(footer_size: float) -> type[Canvas]:
    class PageNumberedCanvas(Canvas):
        """Holds pages back until the end so each can say "Page 1 of 2"."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, page in enumerate(self._saved_pages, start=1):
                self.__dict__.update(page)
                self.setFont(MAIN, footer_size)
                self.setFillColor(_INK)
                self.drawString(2.5 * cm, 1.1 * cm, f"Page {number} of {total}")
                super().showPage()
            super().save()

    return PageNumberedCanvas


def attach_plan(pdf: bytes, plan: Plan) -> bytes:
    """The PDF with the plan's JSON attached, so a saved PDF can be loaded back for review."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    payload = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2)
    writer.add_attachment(ATTACHMENT_NAME, payload.encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
