"""Problems found on Continue, shown as GOV.UK shows them: a "There is a problem" summary at the
top whose links name each question, and the same message beside the question itself.

A page says what is missing with `ready(library) -> list[Problem]`. Once Continue has found a
problem on a page, the page is checked again on every run, so a message goes as soon as its
question is answered and the summary goes with the last of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from ui.text import escape_markdown

# Where Continue last found problems (a place key), and the problems on this run of the page.
_CHECKING = "problems_checking"
_NOW = "problems_now"
LINK_PREFIX = "#question_"


@dataclass(frozen=True)
class Problem:
    question: str  # the name of the question's box on the page (letters, digits, _ and -)
    message: str  # says what to do, naming the question or step


def start_checking(place: object) -> None:
    st.session_state[_CHECKING] = place


def problems_on(place: object, found: list[Problem]) -> list[Problem]:
    """The problems to show on this run: none unless Continue has been pressed here."""
    if st.session_state.get(_CHECKING) != place or not found:
        st.session_state.pop(_CHECKING, None)
        found = []
    st.session_state[_NOW] = {problem.question: problem.message for problem in found}
    return found


def error_summary(problems: list[Problem]) -> None:
    """The red box at the top, each message a link to its question."""
    links = "\n".join(
        f"- [{escape_markdown(problem.message)}]({LINK_PREFIX}{problem.question})"
        for problem in problems
    )
    with st.container(key="problem_summary"):
        st.error(f"**There is a problem**\n\n{links}")


@contextmanager
def question_box(name: str) -> Iterator[None]:
    """The box a question is drawn in: the summary's link finds it by name, and a problem
    with it is said just above it, in red, with a red bar down its side."""
    message = st.session_state.get(_NOW, {}).get(name)
    with st.container(key=f"question_{name}" + ("_has_problem" if message else "")):
        if message:
            with st.container(key=f"field_error_{name}"):
                st.markdown(f"**Error:** {escape_markdown(message)}")
        yield
