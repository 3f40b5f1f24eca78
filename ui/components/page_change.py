"""A new page behaves like a new page (the GOV.UK pattern): the browser tab's title names it,
the view goes back to its top, and focus moves to its main heading, so the next Tab reaches
the first question and a screen reader says where the person now is. A problem found on
Continue takes focus to its message instead, and the message's link goes to the question.

Streamlit keeps the scroll position and the focus from one run to the next and has no focus
API, so a small fixed script does it, run by `st.html` with JavaScript allowed. The script is a
constant: what is put into it is a number and a heading of the app's own, as JSON, never
anything a person typed. It also makes the error summary's links work: each names a question's
box, and following one puts focus on the question's first control.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.components.problems import LINK_PREFIX

SERVICE = "Right Steps"
_VISIT = "page_visit"
_LAST_SHOWN = "page_last_shown"

_SCRIPT = """<script>
(() => {
  const visit = __VISIT__, heading = __HEADING__, toProblem = __TO_PROBLEM__;
  if (window.rightStepsVisit === visit) return;
  const first = window.rightStepsVisit === undefined;
  window.rightStepsVisit = visit;
  if (!window.rightStepsLinks) {
    window.rightStepsLinks = true;
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest('a[href^="__LINK__"]');
      if (!link) return;
      event.preventDefault();
      const name = "st-key-question_" + link.getAttribute("href").slice("__LINK__".length);
      const box = document.querySelector("." + CSS.escape(name))
        || document.querySelector("." + CSS.escape(name + "_has_problem"));
      const control = box && box.querySelector("input, textarea, select, button");
      if (control) { control.focus(); control.scrollIntoView({block: "center"}); }
    });
  }
  if (first && !toProblem) return;  // a page just opened already starts at its top
  let tries = 0;
  const move = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    const target = toProblem
      ? document.querySelector('.st-key-problem_summary [data-testid="stAlert"]')
      : main && [...main.querySelectorAll("h1")].find((h) => h.textContent.trim() === heading);
    if (!target) {
      if (tries++ < 100) setTimeout(move, 20);
      return;
    }
    if (!toProblem) {
      for (const box of [document.scrollingElement, main,
                         document.querySelector('[data-testid="stAppViewContainer"]')]) {
        if (box) box.scrollTo(0, 0);
      }
    }
    target.setAttribute("tabindex", "-1");
    target.focus({preventScroll: !toProblem});
  };
  move();
})();
</script>"""


def page_shown(title: str, place: tuple[object, ...], *, problem: bool) -> None:
    """Name the page in the browser tab and, when the page changed or Continue found a problem,
    move the view and the focus. `place` says which page of which appointment this is."""
    st.set_page_config(page_title=title if title == SERVICE else f"{title} – {SERVICE}")
    visit = st.session_state.get(_VISIT, 0)
    if problem or st.session_state.get(_LAST_SHOWN) != place:
        visit += 1
        st.session_state[_VISIT] = visit
        st.session_state[_LAST_SHOWN] = place
    script = (
        _SCRIPT.replace("__VISIT__", json.dumps(visit))
        .replace("__HEADING__", json.dumps(title))
        .replace("__TO_PROBLEM__", json.dumps(problem))
        .replace("__LINK__", LINK_PREFIX)
    )
    st.html(script, unsafe_allow_javascript=True)
