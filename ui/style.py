"""A little fixed CSS on top of the theme. It holds no user text."""

from __future__ import annotations

import streamlit as st

# Step titles are level-2 headings for screen readers; on screen they sit inside a card and
# need not be as large as a page section heading.
_CSS = """
<style>
[class*="st-key-card_"] h2, [class*="st-key-details_"] h2, [class*="st-key-review_"] h2 {
  font-size: 1.45rem;
  padding-top: 0.25rem;
}
/* A tick list: two columns on a wide screen, filled row by row (so the order on screen is
   the order of the page); one column on a narrow screen, as Streamlit's columns do. */
[class*="st-key-ticklist_"] {
  display: grid !important;
  grid-template-columns: repeat(2, minmax(0, 1fr));
  column-gap: 1rem;
  row-gap: 0.5rem;
}
@media (max-width: 640px) {
  [class*="st-key-ticklist_"] { grid-template-columns: minmax(0, 1fr); }
}
/* A focus ring anyone can see on every control (WCAG 2.2: 2.4.7 and 2.4.11): 3 px of near
   black, 19:1 on white, set off from the control. Text boxes, the date and drop-downs ring
   their whole box; a tick box or radio button rings its label. */
button:focus-visible, a:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[data-testid="stTextInputRootElement"]:focus-within,
[data-testid="stTextAreaRootElement"]:focus-within,
[data-testid="stDateInputField"]:focus-within,
.react-aria-ComboBox:focus-within, .react-aria-Select:focus-within,
[data-baseweb="input"]:focus-within, [data-baseweb="textarea"]:focus-within,
[data-baseweb="select"]:focus-within,
label:has(input[type="checkbox"]:focus-visible), label:has(input[type="radio"]:focus-visible),
[data-testid="stFileUploaderDropzone"]:focus-within {
  outline: 3px solid #0b0c0c !important;
  outline-offset: 2px !important;
}
/* Reflow (WCAG 1.4.10): at 320 pixels wide or 400% zoom, a long label wraps instead of running
   past the edge of the screen (Streamlit keeps a tick box's label on one line). */
[data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"] p {
  white-space: normal !important;
  overflow-wrap: anywhere;
}
/* The page's scrolling area takes a Tab stop of its own in Chromium (the arrow keys then
   scroll it): its ring is drawn inside its edge, where the window cannot hide it. */
[data-testid="stMain"]:focus-visible {
  outline: 3px solid #0b0c0c !important;
  outline-offset: -3px !important;
}
/* A page's heading takes focus when the page changes, to say where the person is; it is not
   a control, so it shows no ring. */
h1[tabindex="-1"]:focus { outline: none; }
/* GOV.UK's error pattern: the summary in a red frame; beside a question, its message in red
   (#d4351c, 4.9:1 on white) and a red bar down the side of the question. */
.st-key-problem_summary [data-testid="stAlert"] > div {
  border: 4px solid #d4351c;
  background: #ffffff;
  color: #0b0c0c;
}
.st-key-problem_summary a { color: #d4351c; font-weight: 700; }
[class*="st-key-field_error_"] p { color: #d4351c; font-weight: 700; margin-bottom: 0; }
[class*="_has_problem"][class*="st-key-question_"] {
  border-left: 5px solid #d4351c;
  padding-left: 15px;
}
/* Check your plan (GOV.UK's summary list): the question, the answer and Change in one row with
   a rule under it; stacked on a phone. */
[class*="st-key-answer_"] {
  display: grid !important;
  grid-template-columns: 30% minmax(0, 1fr) auto;
  column-gap: 1rem;
  row-gap: 0;
  align-items: start;
  border-bottom: 1px solid #b1b4b6;
  padding: 0.75rem 0 0.25rem;
}
@media (max-width: 640px) {
  [class*="st-key-answer_"] { grid-template-columns: minmax(0, 1fr); }
}
/* Links that are buttons (Back, Change, Move up) look like links: underlined, GOV.UK blue. */
.st-key-nav_back button, [class*="st-key-change_"] button, [class*="st-key-move_up_"] button {
  color: #1d70b8;
  text-decoration: underline;
  text-underline-offset: 0.15em;
  min-height: 24px;
}
.st-key-nav_back button { color: #0b0c0c; }
/* The confirmation panel: GOV.UK green, white text, the reference large and never broken. */
.st-key-confirmation_panel {
  background: #00703c;
  padding: 1.5rem;
  text-align: center;
}
.st-key-confirmation_panel p { color: #ffffff; font-size: 1.5rem; margin: 0; }
.st-key-confirmation_panel strong {
  font-size: 2.5rem;
  white-space: nowrap;
  letter-spacing: 0.05em;
}
</style>
"""


def apply_style() -> None:
    st.html(_CSS)
