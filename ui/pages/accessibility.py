"""The accessibility statement, which a public service must publish (the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018), linked from the
foot of every page. What it says was measured is what the tests check."""

from __future__ import annotations

import os

import streamlit as st

from ui.text import escape_markdown

TITLE = "Accessibility statement"
# A team puts its own contact here (an email address, a phone number or a desk).
CONTACT_SETTING = "RIGHT_STEPS_ACCESSIBILITY_CONTACT"
CONTACT_MAX_CHARS = 300
DEFAULT_CONTACT = "Ask the person you are seeing, or the front desk where you had your appointment."
PREPARED_ON = "1 December 2026"

_WHAT_YOU_CAN_DO = """
Right Steps is for everyone. We want as many people as possible to be able to use it.
You should be able to:

- use it with a keyboard alone
- use it with a screen reader
- make the text bigger, up to 200%, and still see everything
- use it on a narrow screen, down to 320 pixels wide
- print your plan in clear print (14 point) or large print (18 point)
- take your plan home as a simple web page (the HTML copy), which screen readers read well
"""

_HOW_WELL = """
Right Steps aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.
Each time Right Steps changes, tests in a real web browser:

- make a whole new plan, and review one, with the keyboard alone, and check that each new
  page starts at its top, with its name in the browser tab
- check every page with axe-core for WCAG 2.2 A and AA problems: none that are serious or
  critical were found
- check every page at 320 pixels wide and at 200% zoom for anything that goes off the side

Tests cannot find every problem. People who use screen readers and other assistive
technology have not yet tried Right Steps for us.
"""

_NOT_YET = """
- The printed plan (PDF) is not tagged for screen readers. The HTML copy holds the same plan
  with real headings and lists: use that with a screen reader.
- The chart of how things have gone is a picture. The same facts are in the table under it
  ("See the stages as a table").
- Some parts come from the toolkit Right Steps is built with, such as the calendar for
  picking a date. You can type the date instead.
"""

_ENFORCEMENT = """
The Equality and Human Rights Commission (EHRC) is responsible for enforcing these rules. If
you are not happy with how we answer you, contact the Equality Advisory and Support Service
(EASS).
"""


def contact() -> str:
    """Who to ask for another format, from the team's setting (plain text, kept short)."""
    given = " ".join(os.environ.get(CONTACT_SETTING, "").split())
    return given[:CONTACT_MAX_CHARS] if given else DEFAULT_CONTACT


def render() -> None:
    st.markdown(_WHAT_YOU_CAN_DO)
    st.header("How well Right Steps works", anchor=False)
    st.markdown(_HOW_WELL)
    st.header("What does not work well yet", anchor=False)
    st.markdown(_NOT_YET)
    st.header("Your plan in another format", anchor=False)
    st.markdown(
        "If you need your plan in another format, such as braille, audio or easy read, or you "
        "find a problem with Right Steps:"
    )
    st.markdown(escape_markdown(contact()))
    st.header("If you are not happy", anchor=False)
    st.markdown(_ENFORCEMENT)
    st.caption(f"This statement was written on {PREPARED_ON}.")
