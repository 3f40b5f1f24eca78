"""The printed plan: a clear-print A4 PDF, with the plan's JSON attached so it can be opened again.

Clear print: body text 14 pt (18 pt in large print) with 1.5 line spacing, bold headings, left
aligned, dark text on white, generous margins, and "Page 1 of 2" on every page. Every page after
the first says whose plan it is, so a loose page still finds its way back.

Nothing is left stranded at a page's foot: a heading starts on the same page as what it
introduces, a step stays on one page (unless it is longer than a page), and the closing words
stay with the lines before them.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable, Iterable
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
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from goal_library.models import Library
from planner.document import Section, StepBlock, plan_sections, plan_title, running_header
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
# A quarter of a page: the most a heading's introduction may take and still go with the first
# item under it, and the room kept for anything that cannot be measured ahead of time.
_ROOM_TO_START_HERE = A4[1] / 4
# A paragraph that runs on to the next page leaves at least this many lines at the foot of this
# one.
_LINES_TO_START = 3
_SIDE_MARGIN = 2 * cm
_TOP_MARGIN = 2 * cm
_BOTTOM_MARGIN = 2.2 * cm
_FRAME_PADDING = 6
# The running header sits in the top margin, as the page number sits in the bottom one.
_HEADER_TOP = 0.9 * cm
_HEADER_GAP = 0.3 * cm
# The width a paragraph is laid out in: the page's frame less its own padding, so measuring a
# group ahead of time lays it out exactly as the page will, once.
_TEXT_WIDTH = A4[0] - 2 * _SIDE_MARGIN - 2 * _FRAME_PADDING


@dataclass(frozen=True)
class PrintStyles:
    body: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    step_title: ParagraphStyle
    bullet: ParagraphStyle
    numbered: ParagraphStyle
    header: ParagraphStyle
    footer_size: float


def print_styles(body_size: int) -> PrintStyles:
    """Paragraph styles for one print size, built once per document."""
    footer_size = max(body_size - 2, 12)

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

    def list_item(name: str, indent: float) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=style(f"{name}Body", body_size, MAIN),
            leftIndent=indent,
            bulletIndent=body_size * 0.2,
            bulletFontName=MAIN,
            bulletFontSize=body_size,
        )

    return PrintStyles(
        body=style("Body", body_size, MAIN),
        title=style("Title", body_size * 1.6, MAIN_BOLD),
        heading=style("Heading", body_size * 1.3, MAIN_BOLD, space_before=body_size * 0.8),
        step_title=style("StepTitle", body_size * 1.1, MAIN_BOLD, space_before=body_size * 0.5),
        bullet=list_item("Bullet", body_size * 1.4),
        # Wider than a bullet's indent, so "10." clears the text.
        numbered=list_item("Numbered", body_size * 2),
        header=style("Header", footer_size, MAIN),
        footer_size=footer_size,
    )


def render_pdf(
    plan: Plan, library: Library, made_on: datetime.date, *, large_print: bool = False
) -> bytes:
    """The plan as PDF bytes, with the plan's JSON attached."""
    fonts = register_fonts()
    styles = print_styles(LARGE_PRINT_PT if large_print else CLEAR_PRINT_PT)
    buffer = io.BytesIO()
    header = _running_header(running_header(plan), styles.header, fonts)
    _, header_height = header.wrap(_TEXT_WIDTH, A4[1])
    # A long name, or large print, can take the header onto more lines: later pages start below.
    later_top = max(_TOP_MARGIN, _HEADER_TOP + header_height + _HEADER_GAP)
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_SIDE_MARGIN,
        rightMargin=_SIDE_MARGIN,
        topMargin=_TOP_MARGIN,
        bottomMargin=_BOTTOM_MARGIN,
        title=plan_title(plan),
        author="Right Steps",
        subject="A personal action plan of small steps, chosen together",
        creator="Right Steps",
        lang="en-GB",
        displayDocTitle=True,
    )

    def draw_header(canvas: Canvas, _document: BaseDocTemplate) -> None:
        header.wrapOn(canvas, _TEXT_WIDTH, header_height)
        header.drawOn(canvas, _SIDE_MARGIN + _FRAME_PADDING, A4[1] - _HEADER_TOP - header_height)

    document.addPageTemplates(
        [
            PageTemplate("first", [_frame(_TOP_MARGIN)], autoNextPageTemplate="later"),
            PageTemplate("later", [_frame(later_top)], onPage=draw_header),
        ]
    )
    page_room = _frame_room(later_top)
    story = story_for(plan_sections(plan, library, made_on), styles, fonts, page_room=page_room)
    document.build(story, canvasmaker=_page_numbered_canvas(styles.footer_size))
    return attach_plan(buffer.getvalue(), plan)


def _running_header(parts: tuple[str, ...], style: ParagraphStyle, fonts: FontSet) -> Flowable:
    """The header's parts on one line if they fit, or each on a line of its own, so a long name
    never leaves the reference cut in two."""
    one_line = printed_text(font_runs(" · ".join(parts), fonts), style)
    _, height = one_line.wrap(_TEXT_WIDTH, A4[1])
    if height <= style.leading:
        return one_line
    return printed_text(font_runs("\n".join(parts), fonts), style)


def _frame(top: float) -> Frame:
    return Frame(
        _SIDE_MARGIN,
        _BOTTOM_MARGIN,
        A4[0] - 2 * _SIDE_MARGIN,
        A4[1] - top - _BOTTOM_MARGIN,
        leftPadding=_FRAME_PADDING,
        rightPadding=_FRAME_PADDING,
        topPadding=_FRAME_PADDING,
        bottomPadding=_FRAME_PADDING,
    )


def _frame_room(top: float) -> float:
    """The height a frame below `top` holds: the most any group can ask to be kept together."""
    return A4[1] - top - _BOTTOM_MARGIN - 2 * _FRAME_PADDING


def story_for(
    sections: list[Section],
    styles: PrintStyles,
    fonts: FontSet,
    *,
    page_room: float,
) -> list[Flowable]:
    """Every section in order, each group of flowables starting on a page with room for it.

    `page_room` is the height of a page's text: no group asks for more room than that.
    """
    groups: list[_Group] = []
    for index, section in enumerate(sections):
        section_groups = _section_groups(section, styles, fonts, is_first=index == 0)
        if groups and not section.heading and section_groups:
            # Words with no heading of their own (the closing line) belong with what came just
            # before them: a page never holds them alone.
            joined = groups[-1].joined(section_groups.pop(0))
            groups[-1] = _Group(joined.flowables, kept_whole=True)
        groups.extend(section_groups)
    story: list[Flowable] = []
    for group in groups:
        story.extend((_BreakUnlessRoom(group.room_needed(page_room)), *group.flowables))
    return story


def _section_groups(
    section: Section, styles: PrintStyles, fonts: FontSet, *, is_first: bool
) -> list[_Group]:
    """The section as groups; its heading starts on the same page as what it introduces."""

    def para(text: str, style: ParagraphStyle) -> Flowable:
        return printed_text(font_runs(text, fonts), style)

    def labelled(label: str, text: str) -> Flowable:
        bold = [
            (MAIN_BOLD if font == MAIN else font, part) for font, part in font_runs(label, fonts)
        ]
        return printed_text(
            [*bold, (MAIN_BOLD, ":"), (MAIN, " "), *font_runs(text, fonts)], styles.body
        )

    def text_groups(texts: tuple[str, ...]) -> list[_Group]:
        return [
            _Group(tuple(text_flowables(text, styles.body, fonts)), kept_whole=False)
            for text in texts
        ]

    opening_text = text_groups(section.paragraphs)
    # Each item is a paragraph with a bullet, not a list item: a paragraph can run on to the
    # next page, so even an item longer than a page always prints.
    bullets = [
        printed_text(font_runs(item, fonts), styles.bullet, "\u2022") for item in section.bullets
    ]
    numbered = [
        printed_text(font_runs(item, fonts), styles.numbered, f"{number}.")
        for number, item in enumerate(section.numbered, start=1)
    ]
    items = [_Group((item,), kept_whole=True) for item in (*bullets, *numbered)]
    items += [
        _Group(tuple(_step_group(step, styles, para, labelled)), kept_whole=True)
        for step in section.steps
    ]
    closing_text = text_groups(section.after)
    if not section.heading:
        return [*opening_text, *items, *closing_text]
    heading_style = styles.title if is_first else styles.heading
    heading = _Group((para(section.heading, heading_style),), kept_whole=True)
    # A short introduction goes with the heading and the first item, so a heading is never the
    # last line on a page and a list never starts a page without what leads into it.
    if (
        items
        and _stacked_height(f for g in opening_text for f in g.flowables) <= _ROOM_TO_START_HERE
    ):
        opening = heading
        for group in [*opening_text, items[0]]:
            opening = opening.joined(group)
        return [opening, *items[1:], *closing_text]
    rest = [*opening_text, *items, *closing_text]
    if not rest:
        return [heading]
    return [_Group(heading.flowables + rest[0].flowables, rest[0].kept_whole), *rest[1:]]


class _BreakUnlessRoom(CondPageBreak):
    """A new page when less than `height` is left. It hands on the space after the flowable
    before it, so the gap between that and the next is what it would be without it."""

    _SPACETRANSFER = True


@dataclass(frozen=True)
class _Group:
    """Flowables that start on the same page.

    A group kept whole moves to the next page when it does not fit, unless it is longer than a
    page. Any other group starts where it is if its first few lines fit, and runs on.
    """

    flowables: tuple[Flowable, ...]
    kept_whole: bool

    def joined(self, other: _Group) -> _Group:
        return _Group(self.flowables + other.flowables, self.kept_whole or other.kept_whole)

    def room_needed(self, page_room: float) -> float:
        if self.kept_whole:
            height = _stacked_height(self.flowables)
            if height <= page_room:
                return height
        return min(_stacked_height(self.flowables, most_lines=_LINES_TO_START), page_room)


def _stacked_height(flowables: Iterable[Flowable], most_lines: int | None = None) -> float:
    """The height the flowables take one under another, as a frame lays them out: the space
    between two is the larger of the first's space after and the second's space before.

    With `most_lines`, only as far as that many lines into the first paragraph that runs on
    longer: what must fit at the foot of a page for the group to start there.
    """
    height = 0.0
    space_after: float | None = None
    for flowable in flowables:
        if not isinstance(flowable, Paragraph | Spacer | ShapedParagraph):
            return _ROOM_TO_START_HERE  # anything else measures itself only while being drawn
        _, flowable_height = flowable.wrap(_TEXT_WIDTH, A4[1])
        space_before = flowable.getSpaceBefore()
        height += space_before if space_after is None else max(space_before, space_after)
        space_after = flowable.getSpaceAfter()
        if most_lines is not None and not isinstance(flowable, Spacer):
            opening_lines = most_lines * flowable.style.leading
            if flowable_height > opening_lines:
                return height + opening_lines
        height += flowable_height
    return height


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
